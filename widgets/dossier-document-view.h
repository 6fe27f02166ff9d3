/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-document-view.h — the reading view of one document.
 *
 * A GtkTextView (read-only, with a caret) styled by block kind, with
 * highlights painted from a fixed set of colour tags (one GtkTextTag per
 * distinct colour, never one per highlight), applied in time-sliced idles
 * with the visible range first, a coding-stripes margin beside the text
 * (DossierCodingStripes), in-document search (Ctrl+F) and zoom.
 * It knows nothing of projects: the window feeds it text and spans.
 */
#pragma once

#include <gtk/gtk.h>
#include <dossier/dossier-text.h>

#include "dossier-coding-stripes.h"

G_BEGIN_DECLS

#define DOSSIER_VIEW_MORE_COLORS 4

typedef struct
{
  gint64      id;        /* the highlight's id */
  gint64      start;     /* code points */
  gint64      end;       /* exclusive */
  GdkRGBA     color;     /* its (first) tag's colour */
  const char *label;     /* tag names, shown on its stripe ("Risks, Costs") */
  const char *tooltip;   /* Pango markup: tags and memo; may be NULL */
  /* Its other tags' colours, in the label's order: where a passage has
   * more than one colour, the text shows each as a band. */
  guint       n_more_colors;
  GdkRGBA     more_colors[DOSSIER_VIEW_MORE_COLORS];
} DossierViewHighlight;

#define DOSSIER_TYPE_DOCUMENT_VIEW (dossier_document_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierDocumentView, dossier_document_view, DOSSIER, DOCUMENT_VIEW, GtkWidget)

/* Signals:
 *   "highlight-activated" (gint64 id): a stripe was clicked, or Enter on it.
 *   "highlight-menu" (gint64 id, double x, double y): right click on a
 *       highlight (in text or margin), coordinates in the view's space.
 *   "text-menu" (double x, double y): right click on text no highlight
 *       covers (the text view's own Cut/Paste menu is not shown).
 *   "selection-changed": the selection or caret moved.
 * Properties: "zoom" (double, 0.5–3.0), "has-selection" (boolean). */

GtkWidget *dossier_document_view_new            (void);

/* Replaces the text; blocks style it (title, headings, lists, quotes).
 * Clears the highlights (their offsets belong to the old text): call
 * set_highlights after it. */
void       dossier_document_view_set_text       (DossierDocumentView        *self,
                                                 const char                 *text,
                                                 const DossierBlock         *blocks,
                                                 guint                       n_blocks);
/* Replaces every highlight (copied). Repaints only what changed. */
void       dossier_document_view_set_highlights (DossierDocumentView        *self,
                                                 const DossierViewHighlight *highlights,
                                                 guint                       n_highlights);
/* Takes out the highlights of @removed_ids and adds @added (copied; a
 * highlight that changed is in both): the state set_highlights with the
 * whole new set would give, at the cost of the few that changed — their
 * spans repainted, the stripes and bands of the lines they touch made
 * again. What the project's live list of highlights announces. */
void       dossier_document_view_update_highlights (DossierDocumentView        *self,
                                                    const gint64               *removed_ids,
                                                    guint                       n_removed,
                                                    const DossierViewHighlight *added,
                                                    guint                       n_added);

gboolean   dossier_document_view_get_selection  (DossierDocumentView        *self,
                                                 gint64                     *start,
                                                 gint64                     *end);
/* The selected text as the document has it (a character where a long
 * line is cut, not the buffer's line break), or NULL with nothing selected. */
char      *dossier_document_view_dup_selected_text (DossierDocumentView     *self);
void       dossier_document_view_select_range   (DossierDocumentView        *self,
                                                 gint64                      start,
                                                 gint64                      end);
gint64     dossier_document_view_get_caret      (DossierDocumentView        *self);
/* Selects the highlight that starts first after the selection's start
 * (the caret's place with nothing selected), or, not @forward, last
 * before it, the caret at its start, and scrolls it into view; its id,
 * or 0 if there is none that way (nothing moves: no wrapping round). */
gint64     dossier_document_view_go_to_highlight (DossierDocumentView       *self,
                                                  gboolean                   forward);
/* Scrolls so that @offset is visible, near the top third. */
void       dossier_document_view_scroll_to      (DossierDocumentView        *self,
                                                 gint64                      offset);
/* Ids of the highlights that cover @offset (start <= offset < end), in
 * stripe order; the array is newly allocated (of gint64). */
GArray    *dossier_document_view_highlights_at  (DossierDocumentView        *self,
                                                 gint64                      offset);

/* The line under the title: @byline (author, outlet, date: one line of
 * plain text) and under it @source as a link when it is a web address
 * (another, a file's name, is left out), either NULL or empty. Shown over
 * the text, which makes room for it below the title, or above its first
 * line when it has no title block: the buffer, and every offset, stays
 * the document's. Nothing at all when there is nothing to show, or no
 * text. */
void       dossier_document_view_set_byline     (DossierDocumentView        *self,
                                                 const char                 *byline,
                                                 const char                 *source);
/* The byline's text as shown, or NULL when none is (for tests). */
const char *dossier_document_view_get_byline    (DossierDocumentView        *self);

double     dossier_document_view_get_zoom       (DossierDocumentView        *self);
void       dossier_document_view_set_zoom       (DossierDocumentView        *self,
                                                 double                      zoom);

/* Opens the in-document search bar (what Ctrl+F does). */
void       dossier_document_view_start_search   (DossierDocumentView        *self);

/* The colours a plain selection is painted with (for tests). */
void       dossier_document_view_get_selection_colors (DossierDocumentView *self,
                                                       GdkRGBA             *background,
                                                       GdkRGBA             *foreground);

/* The underlying text view (for tests and focus handling). */
GtkTextView *dossier_document_view_get_text_view (DossierDocumentView       *self);

/* The coding-stripes margin beside the text (for keeping clear of its
 * labels, and for tests). */
DossierCodingStripes *dossier_document_view_get_coding_stripes (DossierDocumentView *self);

/* Whether every pending highlight paint pass is done (for tests/benchmarks). */
gboolean   dossier_document_view_is_painted     (DossierDocumentView        *self);
/* Whether the visible lines carry all their highlights, even if the rest of
 * the document is still being painted (for benchmarks). */
gboolean   dossier_document_view_is_visible_painted (DossierDocumentView    *self);

/* Everything the view shows of its highlights, as text (for tests: two
 * views showing the same highlights describe them alike): the highlights
 * with their lines and lanes, the bands, the colours painted over the
 * text and the stripes. Newly allocated. */
char      *dossier_document_view_describe_highlights (DossierDocumentView   *self);

G_END_DECLS
