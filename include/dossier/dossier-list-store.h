/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-list-store.h — bringing a GListStore up to date with a new
 * listing in one exact splice, so that views keep their rows, their
 * selection and their scroll position where nothing changed. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Replaces the items of @store by @items (GObjects, in order) with one
 * g_list_store_splice() over the run between the longest common prefix
 * and suffix. Items are the same when @equal says so, or, with @equal
 * NULL, when they are the same object. Does nothing when nothing
 * differs. */
void dossier_list_store_reconcile       (GListStore *store,
                                         GPtrArray  *items,
                                         GEqualFunc  equal);
/* The same, and where that run holds the same items with a block of them
 * moved from one end to the other (a tag and its sub-tags moved in the
 * codebook), two splices: the block taken out and put back in its new
 * place, so that a selection elsewhere in the run stays. (The list of
 * stakeholders uses it too: its panel gives the focus back to the row
 * moved.) */
void dossier_list_store_reconcile_moves (GListStore *store,
                                         GPtrArray  *items,
                                         GEqualFunc  equal);

G_END_DECLS
