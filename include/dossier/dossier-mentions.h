/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-mentions.h — finding every alias of many names in long texts.
 *
 * A DossierMentionFinder holds aliases, each for a key (a stakeholder's
 * id), and finds all of them at once in a text: whole words only, without
 * regard to case or accents ("Lopez Obrador" finds "López Obrador", and
 * "LÓPEZ OBRADOR"), spaces and line breaks between words counted as one,
 * curly and straight apostrophes alike. Where aliases overlap in the text
 * the longest wins (the leftmost between equals), so "President López
 * Obrador" is one mention, not also one of "López Obrador". A town's
 * council named by its town ("town of Brackwater", "city of Harlow",
 * "ayuntamiento de Villalba") is not mentioned where the words name the
 * place: "in the town of Brackwater", "en el ayuntamiento de Soria". A
 * word for a kind of body written with its capital ("School", "Trust"),
 * the alias of a name of the same key that holds it ("Fenwick Church
 * School"), is that body's short form: found only where the text writes
 * it with its capital, and not alone in a table's cell or on a line of
 * its own (not "the school run", nor a header cell "School"). The
 * project's counts and the suggestions' both follow these rules.
 *
 * Its cost is one pass over the text whatever the number of aliases (an
 * Aho–Corasick automaton over the folded text): about 30 ms for 10 MB.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 start;  /* code points of the text, inclusive */
  gint64 end;    /* exclusive */
  gint64 key;    /* whose alias it is */
  guint  alias;  /* which of the aliases added, counted from 0 */
} DossierMention;

#define DOSSIER_TYPE_MENTION_FINDER (dossier_mention_finder_get_type ())
typedef struct _DossierMentionFinder DossierMentionFinder;

GType                 dossier_mention_finder_get_type (void) G_GNUC_CONST;

DossierMentionFinder *dossier_mention_finder_new      (void);
DossierMentionFinder *dossier_mention_finder_ref      (DossierMentionFinder *self);
void                  dossier_mention_finder_unref    (DossierMentionFinder *self);

/* Adds @alias as a name of @key; returns its alias number. An alias with
 * no letter or digit in it cannot be found as a word: it is not added and
 * -1 is returned. Two keys may share an alias: each of them then gets the
 * mention. Aliases can only be added before the first search. */
int                   dossier_mention_finder_add      (DossierMentionFinder *self,
                                                       gint64                key,
                                                       const char           *alias);
guint                 dossier_mention_finder_get_n_aliases (DossierMentionFinder *self);

/* Every mention in @text (valid UTF-8), ordered by start (then by key),
 * as a GArray of DossierMention. The first search builds the automaton;
 * after it, searches may run in several threads at once. */
GArray               *dossier_mention_finder_find     (DossierMentionFinder *self,
                                                       const char           *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierMentionFinder, dossier_mention_finder_unref)

G_END_DECLS
