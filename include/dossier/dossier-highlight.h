/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-highlight.h — a tagged passage of a document.
 *
 * A DossierHighlight is an immutable snapshot: its "highlights-changed"
 * signal says when a document's highlights must be listed again. A
 * highlight that has not changed since the last listing may be handed out
 * again as the same object; a changed one is always a new object.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_HIGHLIGHT (dossier_highlight_get_type ())
G_DECLARE_FINAL_TYPE (DossierHighlight, dossier_highlight, DOSSIER, HIGHLIGHT, GObject)

/* Properties: "id", "uuid", "document-id", "start", "end", "quote",
 * "prefix", "suffix", "memo", "author", "created", "modified", "orphaned". */
gint64        dossier_highlight_get_id          (DossierHighlight *self);
const char   *dossier_highlight_get_uuid        (DossierHighlight *self);
gint64        dossier_highlight_get_document_id (DossierHighlight *self);
gint64        dossier_highlight_get_start       (DossierHighlight *self);  /* code points */
gint64        dossier_highlight_get_end         (DossierHighlight *self);  /* exclusive */
const char   *dossier_highlight_get_quote       (DossierHighlight *self);
const char   *dossier_highlight_get_prefix      (DossierHighlight *self);
const char   *dossier_highlight_get_suffix      (DossierHighlight *self);
const char   *dossier_highlight_get_memo        (DossierHighlight *self);  /* never NULL, may be "" */
const char   *dossier_highlight_get_author      (DossierHighlight *self);
const char   *dossier_highlight_get_created     (DossierHighlight *self);  /* ISO 8601 UTC */
const char   *dossier_highlight_get_modified    (DossierHighlight *self);
/* TRUE when a new version of the document's text no longer contains the
 * passage: start/end are then stale (see dossier_project_list_orphans()). */
gboolean      dossier_highlight_get_orphaned    (DossierHighlight *self);
/* Tag ids in the order they were applied. */
const gint64 *dossier_highlight_get_tag_ids     (DossierHighlight *self,
                                                 guint            *n_tags);
gboolean      dossier_highlight_has_tag         (DossierHighlight *self,
                                                 gint64            tag_id);

G_END_DECLS
