/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-briefing-content.h — a briefing note read for printing, as plain
 * data: what the Markdown and HTML exports print (the title, the documents
 * it compares, the parsed body, its citations verified and numbered, and
 * the appendix of cited passages grouped by source). A renderer outside
 * the core (libdossier-render: PDF and printing with cairo and Pango)
 * lays out from it exactly what the other exports say; it holds no
 * reference to the project and may be used in another thread.
 */
#pragma once

#include <gio/gio.h>

#include "dossier-citation.h"
#include "dossier-markdown.h"
#include "dossier-project.h"

G_BEGIN_DECLS

typedef struct
{
  char      *title;
  char      *details;    /* "Outlet, YYYY-MM-DD", what is known of them; "" when nothing */
  GPtrArray *citations;  /* DossierCitation (the content's own), by position in the document;
                          * empty for the documents compared */
} DossierBriefingSource;

typedef struct
{
  char                *title;
  char                *modified;       /* ISO 8601 UTC */
  DossierMarkdownNode *root;           /* the body, parsed */
  guint                heading_shift;  /* added to the body's heading levels: its top is level 2 */
  GPtrArray           *citations;      /* DossierCitation, numbered 1, 2, … in order of first use */
  GPtrArray           *compared;       /* DossierBriefingSource: the documents compared, in the
                                        * note's order */
  GPtrArray           *cited;          /* DossierBriefingSource: the documents cited (the compared
                                        * first), each with its passages — the appendix */
} DossierBriefingContent;

/* Reads briefing @briefing_id and verifies its citations as the exports
 * do: with one that is not sound, fails with DOSSIER_EXPORT_ERROR_UNVERIFIED
 * naming each, unless @allow_unverified (then it is kept, its status set,
 * for the renderer to mark). DOSSIER_EXPORT_ERROR_NOT_FOUND if there is no
 * such note. */
DossierBriefingContent *dossier_project_read_briefing_content (DossierProject  *project,
                                                              gint64           briefing_id,
                                                              gboolean         allow_unverified,
                                                              GCancellable    *cancellable,
                                                              GError         **error);
void                    dossier_briefing_content_free         (DossierBriefingContent *content);

/* Where a cited passage is, as the exports print it after its quote:
 * "Title, Outlet, 2025-03-12, section “Heading”" (with @with_title) or
 * without the title; the parts known only. (transfer full) */
char                   *dossier_citation_format_source        (const DossierCitation  *citation,
                                                              gboolean                with_title);
/* "section “Heading”", where the cited passage is in its document, or
 * NULL when it is under no heading; a heading that opens a list
 * ("Cons:") without its colon. (transfer full) */
char                   *dossier_citation_format_section       (const DossierCitation  *citation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierBriefingContent, dossier_briefing_content_free)

G_END_DECLS
