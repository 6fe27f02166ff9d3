/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag.h — a code of the codebook.
 *
 * Tags form a tree (parent id 0 = top level) ordered by position among
 * siblings. A project keeps one DossierTag per tag id and updates it in
 * place (with notify) on rename, recolour, move and count changes.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_TAG (dossier_tag_get_type ())
G_DECLARE_FINAL_TYPE (DossierTag, dossier_tag, DOSSIER, TAG, GObject)

/* What dossier_tag_get_key() holds besides a key 1–9: the tag takes a
 * free key by the codebook's order (see dossier_project_get_key_tags()),
 * or never has one. */
#define DOSSIER_TAG_KEY_AUTO (-1)
#define DOSSIER_TAG_KEY_NONE 0

/* Properties: "id", "uuid", "name", "parent-id", "color", "description",
 * "position", "depth", "path", "n-highlights", "key". */
gint64      dossier_tag_get_id           (DossierTag *self);
const char *dossier_tag_get_uuid         (DossierTag *self);
const char *dossier_tag_get_name         (DossierTag *self);
gint64      dossier_tag_get_parent_id    (DossierTag *self);  /* 0 = top level */
const char *dossier_tag_get_color        (DossierTag *self);  /* "#rrggbb" */
const char *dossier_tag_get_description  (DossierTag *self);  /* never NULL, may be "" */
int         dossier_tag_get_position     (DossierTag *self);  /* among siblings, from 0 */
guint       dossier_tag_get_depth        (DossierTag *self);  /* 0 = top level */
const char *dossier_tag_get_path         (DossierTag *self);  /* "Parent/Child" */
guint       dossier_tag_get_n_highlights (DossierTag *self);
/* The key the user pinned the tag to: 1–9, DOSSIER_TAG_KEY_AUTO or
 * DOSSIER_TAG_KEY_NONE. */
int         dossier_tag_get_key          (DossierTag *self);

G_END_DECLS
