/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-reader-page.h — the centre page for reading and tagging one
 * document: the document view, the "Tag…" button that follows the
 * selection, the 1–9 keys, the tag picker, the highlight menu and the
 * reader.* actions (tagging, memos, removing, find).
 *
 * The window owns the project and says which document to show; the page
 * turns the project's changes into repaints of that document.
 */
#pragma once

#include <gtk/gtk.h>

#include <dossier/dossier.h>

#include "dossier-document-view.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_READER_PAGE (dossier_reader_page_get_type ())
G_DECLARE_FINAL_TYPE (DossierReaderPage, dossier_reader_page, DOSSIER, READER_PAGE, GtkWidget)

/* Properties: "project" (DossierProject, may be NULL; not owned: the
 * window closes it), "document-id" (gint64, 0 = none), both notified on a
 * real change only. A new project shows no document. Also
 * "show-mentions" and "whole-words" (below). */
GtkWidget           *dossier_reader_page_new               (void);

DossierProject      *dossier_reader_page_get_project       (DossierReaderPage *self);
void                 dossier_reader_page_set_project       (DossierReaderPage *self,
                                                            DossierProject    *project);

/* Shows a document of the project (0 or an unknown id: none). */
gint64               dossier_reader_page_get_document_id   (DossierReaderPage *self);
void                 dossier_reader_page_set_document_id   (DossierReaderPage *self,
                                                            gint64             document_id);

/* Shows [start, end) of a document (code points): opens it, selects the
 * range, scrolls to it and puts the focus in the text. */
void                 dossier_reader_page_reveal_range      (DossierReaderPage *self,
                                                            gint64             document_id,
                                                            gint64             start,
                                                            gint64             end);

/* The same for a highlight, in whichever document it is; a highlight
 * that is gone is reported in a toast. */
void                 dossier_reader_page_reveal_highlight  (DossierReaderPage *self,
                                                            gint64             highlight_id);

/* Where the reader is: the offset of the first character of the line at
 * the top of the view (0 before the text is laid out). */
gint64               dossier_reader_page_get_top_offset    (DossierReaderPage *self);
/* Scrolls so that the line holding @offset is at the top (once the text
 * is laid out, if it is not yet). */
void                 dossier_reader_page_scroll_to_top_offset (DossierReaderPage *self,
                                                            gint64             offset);

DossierDocumentView *dossier_reader_page_get_document_view (DossierReaderPage *self);

/* Whether the stakeholders' unreviewed mentions (no highlight overlaps
 * them yet) are underlined ("show-mentions"; off at first). */
gboolean           dossier_reader_page_get_show_mentions (DossierReaderPage *self);
void               dossier_reader_page_set_show_mentions (DossierReaderPage *self,
                                                          gboolean           show);

/* Whether tagging or citing the selection widens it to whole words
 * ("whole-words"; on at first): see dossier_text_iter_extend_to_words(). */
gboolean           dossier_reader_page_get_whole_words   (DossierReaderPage *self);
void               dossier_reader_page_set_whole_words   (DossierReaderPage *self,
                                                          gboolean           whole_words);

/* The range [@start, @end) (code points) that tagging or citing the
 * selection takes — every way of doing it, the panels' too: the selection,
 * widened to whole words when "whole-words" is on. FALSE without a
 * selection in a document. */
gboolean           dossier_reader_page_get_tag_range     (DossierReaderPage *self,
                                                          gint64            *start,
                                                          gint64            *end);
/* [@start, @end) of document @document_id (the selection, as
 * dossier_reader_page_get_tag_range() gave it) was cited by a sidebar
 * panel: if the reader shows that document, its selection becomes what
 * was cited, as after tagging (after the frame that paints it). */
void               dossier_reader_page_note_cited        (DossierReaderPage *self,
                                                          gint64             document_id,
                                                          gint64             start,
                                                          gint64             end);

G_END_DECLS
