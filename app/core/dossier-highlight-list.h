/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-highlight-list.h — a live GListModel of highlight snapshots:
 * one document's, or one tag's (and its sub-tags') in every document. The
 * project makes them (dossier_project_get_highlights ()) and brings them
 * up to date after every action, undo and redo. Not for the UI: it sees a
 * GListModel. */
#pragma once

#include <gio/gio.h>

#include <dossier/dossier-highlight.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_HIGHLIGHT_LIST (dossier_highlight_list_get_type ())
G_DECLARE_FINAL_TYPE (DossierHighlightList, dossier_highlight_list, DOSSIER, HIGHLIGHT_LIST, GObject)

/* A list of @document_id's highlights (@tag_id 0) or of @tag_id's (then
 * @document_id is 0), holding @items (transfer none), in the order the
 * project lists them: document, start, end, id. */
DossierHighlightList *dossier_highlight_list_new             (gint64                document_id,
                                                              gint64                tag_id,
                                                              GPtrArray            *items);
gint64                dossier_highlight_list_get_document_id (DossierHighlightList *self);
gint64                dossier_highlight_list_get_tag_id      (DossierHighlightList *self);
/* Makes the items of @document_id (of every document if 0) those of
 * @fresh (transfer none; the same order), with one items-changed per run
 * of items that differ. A snapshot equal to the one already listed is kept
 * (no signal for it). */
void                  dossier_highlight_list_update          (DossierHighlightList *self,
                                                              gint64                document_id,
                                                              GPtrArray            *fresh);

/* The length of the longest highlight listed that is not orphaned, in
 * code points (0: none). */
gint64                dossier_highlight_list_get_max_length  (DossierHighlightList *self);

G_END_DECLS
