/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-text-builder.h — accumulates an importer's output: normalized
 * text plus blocks with code-point offsets. Shared by every importer.
 *
 * Blocks are separated by "\n\n", except consecutive list items, which are
 * separated by "\n". Outside preformatted blocks, runs of white space
 * (including newlines) collapse to one space and each block is trimmed;
 * empty blocks are dropped. Appended text is normalized (NFC, control
 * characters removed) before it is counted, so offsets are exact.
 */
#pragma once

#include <glib.h>
#include <dossier/dossier-text.h>

G_BEGIN_DECLS

typedef struct _DossierTextBuilder DossierTextBuilder;

DossierTextBuilder *dossier_text_builder_new         (void);
void                dossier_text_builder_free        (DossierTextBuilder *self);

void                dossier_text_builder_begin_block (DossierTextBuilder *self,
                                                      DossierBlockKind    kind,
                                                      int                 level);
/* @text is valid UTF-8 (@len -1 = NUL-terminated). */
void                dossier_text_builder_append      (DossierTextBuilder *self,
                                                      const char         *text,
                                                      gssize              len);
/* Like dossier_text_builder_append() for text that is already normalized
 * (a piece of dossier_text_normalize()'s output): it is not validated,
 * filtered and composed again. */
void                dossier_text_builder_append_normalized (DossierTextBuilder *self,
                                                            const char         *text,
                                                            gsize               len);
void                dossier_text_builder_end_block   (DossierTextBuilder *self);
/* Sets a table's next cell apart: a tab before the next text, or, with
 * none, at the block's end (an empty cell at the row's end). */
void                dossier_text_builder_cell_break  (DossierTextBuilder *self);
/* begin + append + end. */
void                dossier_text_builder_add_block   (DossierTextBuilder *self,
                                                      DossierBlockKind    kind,
                                                      int                 level,
                                                      const char         *text);
/* Whether a block is open, and the current length in code points. */
gboolean            dossier_text_builder_in_block    (DossierTextBuilder *self);
gint64              dossier_text_builder_get_length  (DossierTextBuilder *self);

/* Ends any open block; transfers the text and the blocks (of DossierBlock)
 * to the caller and resets the builder. */
void                dossier_text_builder_finish      (DossierTextBuilder *self,
                                                      char              **text,
                                                      GArray            **blocks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierTextBuilder, dossier_text_builder_free)

G_END_DECLS
