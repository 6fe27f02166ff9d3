/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-suggest.h — stakeholders and arguments proposed from a text.
 *
 * Both engines read one document (its normalized text and blocks) and
 * touch no project: the project filters out what already exists or was
 * dismissed (dossier_project_suggest_*), and the user accepts or
 * dismisses what is left. Offsets are code points of the text.
 */
#pragma once

#include <glib.h>

#include "dossier-argument.h"
#include "dossier-stakeholder.h"
#include "dossier-text.h"

G_BEGIN_DECLS

/* A recurring proper name or organisation. Its variants in the text are
 * grouped: full name, surname, title + surname ("President López
 * Obrador"), acronym and expansion ("PRI", "Partido Revolucionario
 * Institucional"). */
typedef struct
{
  char                   *name;        /* the fullest form */
  char                  **aliases;     /* the other forms (NULL-terminated, may be empty) */
  DossierStakeholderKind  kind;        /* a guess from titles and words such as "government";
                                        * a person for someone named who speaks or
                                        * has a title that is no office */
  guint                   n_mentions;  /* of its name and aliases in the text: what the
                                        * stakeholder it becomes will count */
  gint64                  start;       /* its first mention */
  gint64                  end;
  char                   *said_as;     /* with no mention by its name or aliases: the
                                        * common word the text says it with ("council"
                                        * of "Port Calder council"), which as an alias
                                        * would count every council; else NULL */
  gint64                  same_as;     /* set by the project: the stakeholder it names by
                                        * another name (dossier_suggest_same_names ()),
                                        * which it joins as an alias; 0 for none */
} DossierStakeholderSuggestion;

void       dossier_stakeholder_suggestion_free (DossierStakeholderSuggestion *suggestion);

/* Whether @name (a suggestion's name or alias) names what @known (a
 * stakeholder's) does: the same words, case aside, once generic ones
 * ("the", "City", "Borough", "County", "Town", "District") are left
 * out ("Port Calder council", "Port Calder City Council"); or two words
 * or more all in @known, in order, the last its last ("Harbour Trust" of
 * "Calder Harbour Trust"). */
gboolean   dossier_suggest_same_names          (const char         *name,
                                                const char         *known);

/* Most mentioned first. Names mentioned only once are left out. Returns a
 * GPtrArray of DossierStakeholderSuggestion (transfer full). */
GPtrArray *dossier_suggest_stakeholders        (const char         *text,
                                                const DossierBlock *blocks,
                                                guint               n_blocks);

/* The kind of actor the words of @text around @name say it is: an
 * official's title before it ("councillor Dara Penhallow", "la ministra
 * Ruiz", "the harbour master, Tomas Rudd") or after it ("Rudd, the
 * harbour master"), or a word of the name itself ("… Workers’ Union"), as
 * dossier_suggest_stakeholders() reads them. The mention inside the
 * passage [@start, @end) (code points; @start < 0 for none) says first,
 * then a title that opens the passage ("the harbour master said"), then
 * the mention nearest to it: a title given once elsewhere may be
 * another's. A title that is no office ("Mr Ivo Brandt", "Chief
 * Executive Oren Vyse", "Marta Quell, chief executive of Brinmoor
 * Holdings", "the president of the residents’ association") makes a
 * person (DOSSIER_STAKEHOLDER_PERSON), as does a name of two words or more
 * that speaks ("Ana Ruiz said", "según Ana Ruiz", "…,” he said" after
 * her); one that speaks as a body ("Natural England said", "Stagecoach
 * Ashby, which runs the number 14, said") an organisation.
 * DOSSIER_STAKEHOLDER_OTHER when nothing says. */
DossierStakeholderKind dossier_suggest_stakeholder_kind (const char *text,
                                                         const char *name,
                                                         gint64      start,
                                                         gint64      end);

/* An item of a list under a heading such as "Pros", "Disadvantages",
 * "Risks", "Arguments against", "Ventajas" (or a short label paragraph
 * such as "Cons:"), or an item that starts "Pro:" / "Con:". */
typedef struct
{
  DossierPolarity  polarity;
  char            *statement;  /* the item's lead-in ("Reduced Costs"), else its first sentence */
  char            *heading;    /* what it was listed under */
  gint64           start;      /* the item (with its sub-items): the evidence */
  gint64           end;
} DossierArgumentSuggestion;

void       dossier_argument_suggestion_free    (DossierArgumentSuggestion *suggestion);

/* In text order. Headings and paragraphs are never proposed. Returns a
 * GPtrArray of DossierArgumentSuggestion (transfer full). */
GPtrArray *dossier_suggest_arguments           (const char         *text,
                                                const DossierBlock *blocks,
                                                guint               n_blocks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierStakeholderSuggestion, dossier_stakeholder_suggestion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierArgumentSuggestion, dossier_argument_suggestion_free)

G_END_DECLS
