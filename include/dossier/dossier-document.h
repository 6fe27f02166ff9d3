/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-document.h — one imported article's metadata (not its text).
 *
 * A project keeps one DossierDocument per document id and updates it in
 * place (with notify) when the document changes; its text and blocks are
 * read with dossier_project_get_document_text() / _get_document_blocks().
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The most characters a document's title, author(s) and outlet may have:
 * a headline is rarely over 150, a byline of many names a few hundred. */
#define DOSSIER_DOCUMENT_MAX_TITLE  500
#define DOSSIER_DOCUMENT_MAX_AUTHOR 500
#define DOSSIER_DOCUMENT_MAX_OUTLET 200

#define DOSSIER_TYPE_DOCUMENT (dossier_document_get_type ())
G_DECLARE_FINAL_TYPE (DossierDocument, dossier_document, DOSSIER, DOCUMENT, GObject)

/* Properties: "id", "uuid", "title", "author", "outlet", "source",
 * "published", "imported", "format", "length", "n-highlights". */
gint64      dossier_document_get_id           (DossierDocument *self);
const char *dossier_document_get_uuid         (DossierDocument *self);
const char *dossier_document_get_title        (DossierDocument *self);
const char *dossier_document_get_author       (DossierDocument *self);  /* may be NULL */
const char *dossier_document_get_outlet       (DossierDocument *self);  /* may be NULL */
const char *dossier_document_get_source       (DossierDocument *self);  /* may be NULL */
const char *dossier_document_get_published    (DossierDocument *self);  /* "YYYY-MM-DD" or NULL */
const char *dossier_document_get_imported     (DossierDocument *self);  /* ISO 8601 */
const char *dossier_document_get_format       (DossierDocument *self);
gint64      dossier_document_get_length       (DossierDocument *self);  /* code points */
guint       dossier_document_get_n_highlights (DossierDocument *self);

G_END_DECLS
