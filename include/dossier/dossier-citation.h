/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-citation.h — what a briefing's citations point at, read afresh.
 *
 * A citation in a body is a highlight's UUID ([@UUID], dossier-markdown.h).
 * Resolving it reads that highlight as it is now — its quote, memo and tags,
 * where re-anchoring put it, the document's title, outlet and date, and the
 * heading of the section the passage is in — so a note never shows a stale
 * copy. It is verified at the same time: the quote must be, character for
 * character, the document's text at the highlight's offsets. A citation
 * whose highlight was deleted, whose passage left a newer version of the
 * text (orphaned), or whose quote no longer matches is kept, with its
 * status, for the note to show plainly; exports refuse to print it
 * silently.
 */
#pragma once

#include <glib.h>

#include "dossier-markdown.h"
#include "dossier-project.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_CITATION_OK,
  DOSSIER_CITATION_DELETED,    /* no highlight has this UUID (deleted, or another project's) */
  DOSSIER_CITATION_ORPHANED,   /* a newer text of the document lost the passage */
  DOSSIER_CITATION_MISMATCH,   /* the quote is not the document's text at its offsets */
} DossierCitationStatus;

typedef struct
{
  guint                 number;          /* 1, 2, … in order of first appearance */
  char                 *uuid;            /* as the body writes it */
  guint                 n_uses;          /* times the body cites it */
  DossierCitationStatus status;
  /* The highlight, unless DELETED (then 0 and NULL). */
  gint64                highlight_id;
  gint64                document_id;
  gint64                start;           /* code points of the document's text */
  gint64                end;
  char                 *quote;
  char                 *memo;            /* "" when none */
  char                **tags;            /* tag paths ("Evidence/Costs"), NULL-terminated;
                                          * each name at most DOSSIER_TAG_MAX_NAME characters */
  /* The document's, as the exports and the Brief page show them: at most
   * DOSSIER_DOCUMENT_MAX_TITLE, _MAX_AUTHOR, _MAX_OUTLET characters, the
   * date and the source at most 1,000, "…" at the end of what is cut. */
  char                 *document_title;
  char                 *author;          /* NULL when unknown */
  char                 *outlet;
  char                 *published;       /* "YYYY-MM-DD" */
  char                 *source;
  char                 *section;         /* heading of the passage's section; NULL if none */
  /* Where the note first cites it, for a person to find it there: the
   * heading of the note's section (NULL before the first heading) and the
   * last words written before it ("…" first if cut; "" when none). */
  char                 *note_section;
  char                 *note_context;
} DossierCitation;

void             dossier_citation_free           (DossierCitation *citation);

/* The citations of a parsed body, one per highlight cited (however often),
 * numbered in order of first appearance (GPtrArray of DossierCitation,
 * free func set). Each CITATION node of @root gets its citation's number
 * (node->number), for dossier_citations_lookup_node (). NULL with @error
 * only if the project cannot be read. */
GPtrArray       *dossier_project_resolve_citations (DossierProject      *project,
                                                   DossierMarkdownNode *root,
                                                   GError             **error);

/* The citation with @uuid (compared without regard to case), or NULL.
 * Goes through @citations: for each citation of a note, use
 * dossier_citations_lookup_node (). */
DossierCitation *dossier_citations_lookup        (GPtrArray           *citations,
                                                  const char          *uuid);
/* The citation of CITATION @node, or NULL: at once when @citations were
 * resolved from @node's tree, else as dossier_citations_lookup () finds it. */
DossierCitation *dossier_citations_lookup_node   (GPtrArray           *citations,
                                                  DossierMarkdownNode *node);

/* What is wrong with @citation, for a person (translated); NULL when its
 * status is OK. */
char            *dossier_citation_describe_problem (const DossierCitation *citation);

/* Whether every citation is OK; if not, *@report (if not NULL) gets one
 * line per problem, naming what a person recognises rather than a UUID:
 * "[3] “first words of the quote…”: what is wrong" (the problem names
 * the document), or for a highlight that is gone, where the note cites
 * it: "[3] cited after “…the words before it” in “Heading”: what is wrong". */
gboolean         dossier_citations_verify        (GPtrArray           *citations,
                                                  char               **report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierCitation, dossier_citation_free)

G_END_DECLS
