/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-document-text.h — the text view inside DossierDocumentView.
 *
 * A GtkTextView that draws what a reading view shows beside the text but
 * that is not text: bullets before list items and a bar beside quotes,
 * painted below the text from decorations the owner sets (no characters
 * are ever inserted for looks, so buffer offsets stay document offsets);
 * and, where a passage carries several tags' colours, the background as
 * stacked bands, one per colour, so that every tag shows in the text; and
 * where a long line is cut (its character held as '\n' in the buffer:
 * dossier_unbroken_runs_line_cuts ()), that character at the line's end.
 */
#pragma once

#include <gtk/gtk.h>
#include <dossier/dossier-text.h>

#include "dossier-unbroken-runs.h"

G_BEGIN_DECLS

#define DOSSIER_TEXT_BAND_COLORS 5

/* A run of text painted in bands: [start, end) in code points, its colours
 * top to bottom (already with the alpha they are painted with). */
typedef struct
{
  gint64  start;
  gint64  end;
  guint   n_colors;
  GdkRGBA colors[DOSSIER_TEXT_BAND_COLORS];
} DossierTextBand;

/* A table: a run of rows, paragraphs whose cells are set apart by tabs;
 * [start, end) in code points. */
typedef struct
{
  gint64 start;
  gint64 end;
} DossierTextTable;

#define DOSSIER_TYPE_DOCUMENT_TEXT (dossier_document_text_get_type ())
G_DECLARE_FINAL_TYPE (DossierDocumentText, dossier_document_text, DOSSIER, DOCUMENT_TEXT, GtkTextView)

/* Forgets every decoration (before new text is set). */
void dossier_document_text_clear_decorations (DossierDocumentText *self);
/* Adds the decoration of a block: a bullet for DOSSIER_BLOCK_LIST_ITEM (by
 * @level, 1–3), a bar for DOSSIER_BLOCK_QUOTE; other kinds are ignored.
 * Blocks come in document order; one that starts before the previous one
 * ends is ignored (decorations never overlap). Offsets in code points. */
void dossier_document_text_add_decoration    (DossierDocumentText *self,
                                              gint64               start,
                                              gint64               end,
                                              DossierBlockKind     kind,
                                              int                  level);

/* In @bands (of DossierTextBand, sorted by start, disjoint, so that their
 * ends are sorted too), the index of the first band that ends after
 * @offset; @bands->len if none does. */
guint dossier_text_bands_first_after         (GArray              *bands,
                                              gint64               offset);

/* Replaces the banded runs: @bands (of DossierTextBand, sorted by start,
 * disjoint) is kept, not copied (a reference is taken); NULL for none. */
void dossier_document_text_set_bands         (DossierDocumentText *self,
                                              GArray              *bands);

/* The characters the buffer holds as '\n' (of DossierLineCut, by offset):
 * @cuts is kept, not copied (a reference is taken; its contents must not
 * change while it is set); NULL for none. */
void dossier_document_text_set_cuts          (DossierDocumentText *self,
                                              GArray              *cuts);
/* Where the character of the cut at @index of those set is drawn, in the
 * view's own coordinates; FALSE if it is a space (nothing is drawn) or
 * there is no such cut. */
gboolean dossier_document_text_get_cut_area  (DossierDocumentText *self,
                                              guint                index,
                                              graphene_rect_t     *area);
/* Lines up the columns of @tables (of DossierTextTable, by start,
 * disjoint; set after the text): each table's rows get tab stops past the
 * widest cell of each column in the view's font, with a gap, measured now
 * and again when the font changes (the zoom). @tables is kept, not copied
 * (a reference is taken); NULL for none. */
void dossier_document_text_set_tables        (DossierDocumentText *self,
                                              GArray              *tables);
/* The name of its column a cell of a stacked table is labelled with,
 * drawn before the cell (not in the text): NULL but for a cell that
 * starts at @offset, under its table's header, not its row's first, when
 * the table stands stacked. Where it is drawn in @area, in the view's own
 * coordinates. Owned by the view, until the font or the tables change. */
const char *dossier_document_text_get_cell_label (DossierDocumentText *self,
                                                  gint64               offset,
                                                  graphene_rect_t     *area);
/* The colours a selection is painted in: a selected character drawn at
 * a cut is painted in them too. */
void dossier_document_text_set_selection_colors (DossierDocumentText *self,
                                                 const GdkRGBA       *background,
                                                 const GdkRGBA       *foreground);

G_END_DECLS
