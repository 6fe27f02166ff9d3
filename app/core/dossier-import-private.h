/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-import-private.h — the importers behind dossier_import_bytes().
 *
 * Each takes the whole input already decoded to valid UTF-8 (the HTML one
 * takes raw bytes, since it detects <meta charset> itself) and fills
 * @doc's text, blocks and whatever metadata it finds. They return FALSE
 * with DOSSIER_IMPORT_ERROR_EMPTY when no text is left.
 */
#pragma once

#include <dossier/dossier-import.h>

#include "dossier-text-builder.h"

G_BEGIN_DECLS

gboolean dossier_import_text_parse     (const char             *utf8,
                                        gsize                   len,
                                        DossierParsedDocument  *doc,
                                        GError                **error);
/* @cut_off (may be NULL): set to whether the text ends inside a code
 * fence that is never closed, a sure sign of a file cut short. */
gboolean dossier_import_markdown_parse (const char             *utf8,
                                        gsize                   len,
                                        DossierParsedDocument  *doc,
                                        gboolean               *cut_off,
                                        GError                **error);
/* Raw bytes: decodes by BOM, <meta charset> or UTF-8, refusing anything it
 * cannot decode with DOSSIER_IMPORT_ERROR_ENCODING. @display: the file's
 * name for the messages (may be NULL). @cut_off (may be NULL): set to
 * whether the page looks cut short (it ends inside a tag, or opens <html>
 * or <body> and closes neither). */
gboolean dossier_import_html_parse     (const guint8           *data,
                                        gsize                   len,
                                        const char             *display,
                                        DossierParsedDocument  *doc,
                                        gboolean               *cut_off,
                                        GError                **error);

/* Ends @builder's text and blocks into @doc (replacing what it held);
 * refuses, with EMPTY, a document left without text. */
gboolean dossier_import_finish_text    (DossierTextBuilder     *builder,
                                        DossierParsedDocument  *doc,
                                        GError                **error);

/* Decodes @data to UTF-8 using its BOM (UTF-8, UTF-16 LE/BE, UTF-32) or, if
 * none, @charset_hint (may be NULL = UTF-8). Refuses binary data
 * (NOT_TEXT) and undecodable input (ENCODING). Result is not yet normalized. */
char    *dossier_import_decode         (const guint8           *data,
                                        gsize                   len,
                                        const char             *charset_hint,
                                        gsize                  *out_len,
                                        GError                **error);
/* dossier_import_decode (), its messages naming @display (may be NULL). */
char    *dossier_import_decode_named   (const guint8           *data,
                                        gsize                   len,
                                        const char             *charset_hint,
                                        const char             *display,
                                        gsize                  *out_len,
                                        GError                **error);

/* What dossier_import_file_staged () is doing: reading the file (with
 * the share of it read), then taking its text out. */
typedef enum
{
  DOSSIER_IMPORT_STAGE_READING,
  DOSSIER_IMPORT_STAGE_EXTRACTING,
} DossierImportStage;

typedef void (*DossierImportStageFunc) (DossierImportStage  stage,
                                        double              fraction,
                                        gpointer            user_data);

/* dossier_import_file (), telling @stage_func (in the caller's thread)
 * how far it got: an import of one 50 MB file said "Importing 1 of 1…"
 * for seconds, its bar still. */
DossierParsedDocument *dossier_import_file_staged (GFile                  *file,
                                                   DossierFormat           format,
                                                   DossierImportStageFunc  stage_func,
                                                   gpointer                user_data,
                                                   GCancellable           *cancellable,
                                                   GError                **error);

G_END_DECLS
