/* dossier-document-text.h — the text view inside DossierDocumentView.
 *
 * A GtkTextView that draws what a reading view shows beside the text but
 * that is not text: bullets before list items and a bar beside quotes,
 * painted below the text from decorations the owner sets (no characters
 * are ever inserted for looks, so buffer offsets stay document offsets).
 */
#pragma once

#include <gtk/gtk.h>
#include <dossier/dossier-text.h>

G_BEGIN_DECLS

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

G_END_DECLS
