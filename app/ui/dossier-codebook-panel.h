/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-codebook-panel.h — the codebook in the left sidebar.
 *
 * A tree of the project's tags (colour, name, highlight count, the 1–9
 * slot that the tagging keys use) with every codebook edit: add, rename,
 * recolour, describe, move by drag and drop or by menu, merge, delete.
 */
#pragma once

#include "dossier-panel.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_CODEBOOK_PANEL (dossier_codebook_panel_get_type ())
G_DECLARE_FINAL_TYPE (DossierCodebookPanel, dossier_codebook_panel, DOSSIER, CODEBOOK_PANEL, DossierPanel)

/* The number of tags reachable by the number keys. */
#define DOSSIER_CODEBOOK_N_SLOTS DOSSIER_N_TAG_KEYS

/* Properties: "selected-tag-id" (gint64, 0 = none); "selected-tag-key"
 * (int: the selected tag's pinned key, see dossier_tag_get_key(); setting
 * it pins the tag, one undoable step; the "codebook.key" action). */
GtkWidget      *dossier_codebook_panel_new                 (void);

gint64          dossier_codebook_panel_get_selected_tag_id (DossierCodebookPanel *self);
/* Selects the tag's row (expanding its ancestors); 0 or an unknown id
 * clears the selection. */
void            dossier_codebook_panel_set_selected_tag_id (DossierCodebookPanel *self,
                                                            gint64                tag_id);

/* Slot 1..9 → the id of the tag on that number key
 * (dossier_project_get_key_tag()), or 0. */
gint64          dossier_codebook_panel_get_slot_tag        (DossierCodebookPanel *self,
                                                            guint                 slot);

/* Gives the keyboard's focus to the tag list: the selected tag's row
 * (F6 from the documents). */
void            dossier_codebook_panel_focus_list          (DossierCodebookPanel *self);

/* Opens the "New Tag" dialog (as a child of the selected tag when
 * @as_child is TRUE). */
void            dossier_codebook_panel_add_tag             (DossierCodebookPanel *self,
                                                            gboolean              as_child);

G_END_DECLS
