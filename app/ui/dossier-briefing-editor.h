/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-briefing-editor.h — the text view a briefing note is written in,
 * showing each citation as a numbered chip.
 *
 * The buffer holds the body exactly as it is stored: a citation is the
 * text "[@UUID]". Given the body's parse and its citations, the editor
 * tags each citation's run so that the UUID is hidden and the brackets
 * leave room for the number, and draws over the run a chip with the
 * number ("3", "3⚠" when it cannot be verified); its tooltip gives the
 * quote and its source. Tags are not part of the buffer's undo history,
 * so typing and undoing are those of plain text: editing inside a chip
 * makes it text again, and undo brings it back. BackSpace just after a
 * chip, or Delete just before it, takes the whole citation; the arrow
 * keys (with Shift too) step over a chip as over one character.
 *
 * Read the buffer with its hidden characters
 * (gtk_text_buffer_get_text (…, TRUE)): the UUIDs are hidden text.
 */
#pragma once

#include <gtk/gtk.h>

#include <dossier/dossier.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_BRIEFING_EDITOR (dossier_briefing_editor_get_type ())
G_DECLARE_FINAL_TYPE (DossierBriefingEditor, dossier_briefing_editor, DOSSIER, BRIEFING_EDITOR, GtkTextView)

GtkWidget *dossier_briefing_editor_new              (void);
/* Puts a note's @text in the buffer, editable, and TRUE; or, when a line
 * of it is longer than GTK lays out promptly (a file from someone else:
 * a paragraph of 200 KB takes it seconds, at every change), FALSE: the
 * buffer shows @text with its long lines cut into lines of at most a
 * thousand bytes, not editable, and is no longer the note (read the note
 * from where it came); *@longest_line (may be NULL) the longest line's
 * length in characters. */
gboolean   dossier_briefing_editor_set_note         (DossierBriefingEditor *self,
                                                     const char            *text,
                                                     gsize                 *longest_line);
/* Whether the buffer shows a note read-only (dossier_briefing_editor_set_note ()). */
gboolean   dossier_briefing_editor_get_read_only    (DossierBriefingEditor *self);
/* Shows the citations of @root (the parse of the buffer's text as it is
 * now) as chips, numbered and described from @citations (may be NULL:
 * numbered in order, described as not yet resolved). A note shown
 * read-only has none. */
void       dossier_briefing_editor_show_citations   (DossierBriefingEditor *self,
                                                     DossierMarkdownNode   *root,
                                                     GPtrArray             *citations);
/* The number shown on the chip at character @offset of the buffer, 0 if
 * none is there; *@unverified (may be NULL) whether it is marked. */
guint      dossier_briefing_editor_get_chip_at      (DossierBriefingEditor *self,
                                                     int                    offset,
                                                     gboolean              *unverified);
/* Where the chip at character @offset is drawn, in buffer coordinates:
 * one pill per line it is on (a citation the wrapping broke has its "["
 * at the end of one line, its "]" and number at the start of the next).
 * Fills @pills (room for two); the number is drawn in pills[*@label_pill]
 * (may be NULL). How many: 0 if no chip is there. */
guint      dossier_briefing_editor_get_chip_pills   (DossierBriefingEditor *self,
                                                     int                    offset,
                                                     graphene_rect_t        pills[2],
                                                     guint                 *label_pill);
/* How many times a chip was placed to be drawn since the editor was made
 * (for tests: frames with nothing moved place none again). */
guint64    dossier_briefing_editor_get_n_placed     (DossierBriefingEditor *self);

G_END_DECLS
