/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag-picker.h — a popover that searches the codebook and picks
 * (or creates) a tag: Ctrl+T on a selection, and the selection popover.
 */
#pragma once

#include <gtk/gtk.h>

#include <dossier/dossier.h>

#include "dossier-filter-popover.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TAG_PICKER (dossier_tag_picker_get_type ())
G_DECLARE_FINAL_TYPE (DossierTagPicker, dossier_tag_picker, DOSSIER, TAG_PICKER, DossierFilterPopover)

/* Property: "project" (DossierProject, may be NULL).
 * Signal: "tag-chosen" (gint64 tag_id), then the picker pops down.
 *
 * Typing filters the tags (the path contains the text, case and accents
 * aside); the keys are DossierFilterPopover's: Enter chooses the
 * highlighted row. When no tag's name is exactly the text, a last row
 * offers to create it: at top level, with the next palette colour. */
GtkWidget      *dossier_tag_picker_new         (void);

DossierProject *dossier_tag_picker_get_project (DossierTagPicker *self);
void            dossier_tag_picker_set_project (DossierTagPicker *self,
                                                DossierProject   *project);

/* The search entry (for tests and for a caller that wants to pre-fill it). */
GtkEditable    *dossier_tag_picker_get_entry   (DossierTagPicker *self);
/* The tag id of the highlighted row; 0 for none or for the "Create" row. */
gint64          dossier_tag_picker_get_highlighted_tag (DossierTagPicker *self);
/* How many tags the current text matches. */
guint           dossier_tag_picker_get_n_matches (DossierTagPicker *self);
/* The tags a highlight being edited has already: their rows show a check
 * mark (NULL, 0: none, as for a new passage). */
void            dossier_tag_picker_set_applied_tags (DossierTagPicker *self,
                                                     const gint64     *tag_ids,
                                                     guint             n_tags);
gboolean        dossier_tag_picker_is_applied  (DossierTagPicker *self,
                                                gint64            tag_id);

G_END_DECLS
