/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-briefing.h — briefing notes: a title, the documents a note
 * compares, and a body written in the Markdown subset of
 * dossier-markdown.h whose citations ([@UUID]) point at highlights.
 *
 * A project keeps one DossierBriefing per briefing and updates it in place
 * (with notify) when it changes, as it does documents. Every change is one
 * committed action and one undo step; the body is set whole, so an editor
 * commits it when typing pauses, not at every keystroke. A citation is not
 * stored apart from the body: it is the highlight's UUID, read afresh
 * (dossier-citation.h) whenever the note is shown or exported, so it always
 * shows the highlight as it is now.
 */
#pragma once

#include <gio/gio.h>

#include "dossier-markdown.h"
#include "dossier-project.h"

G_BEGIN_DECLS

/* A body longer than this (in bytes) is refused: 4 MB is some 1,500 pages. */
#define DOSSIER_BRIEFING_MAX_BODY (4 * 1024 * 1024)
/* The most characters a note's title may have. */
#define DOSSIER_BRIEFING_MAX_TITLE 500
/* A note compares at most this many documents. */
#define DOSSIER_BRIEFING_MAX_DOCUMENTS 1000

#define DOSSIER_TYPE_BRIEFING (dossier_briefing_get_type ())
G_DECLARE_FINAL_TYPE (DossierBriefing, dossier_briefing, DOSSIER, BRIEFING, GObject)

/* Properties: "id", "uuid", "title", "body", "created", "modified",
 * "documents" (notified when the list of document ids changes). */
gint64        dossier_briefing_get_id           (DossierBriefing *self);
const char   *dossier_briefing_get_uuid         (DossierBriefing *self);
const char   *dossier_briefing_get_title        (DossierBriefing *self);
const char   *dossier_briefing_get_body         (DossierBriefing *self);  /* never NULL */
const char   *dossier_briefing_get_created      (DossierBriefing *self);  /* ISO 8601 UTC */
const char   *dossier_briefing_get_modified     (DossierBriefing *self);
/* The documents it compares, in the order chosen. */
const gint64 *dossier_briefing_get_document_ids (DossierBriefing *self,
                                                 guint           *n_documents);

/* ---- In a project --------------------------------------------------------- */

/* GListModel of DossierBriefing, oldest first; exact items-changed. */
GListModel      *dossier_project_get_briefings        (DossierProject  *self);
DossierBriefing *dossier_project_get_briefing         (DossierProject  *self,
                                                       gint64           briefing_id);  /* transfer none, NULL if absent */
/* The notes whose body cites @highlight_id ("[@UUID]", any case), in the
 * model's order: what deleting the highlight leaves unverified. GPtrArray
 * of DossierBriefing (transfer full; empty when none cites it, or there is
 * no such highlight). */
GPtrArray       *dossier_project_get_briefings_citing (DossierProject  *self,
                                                       gint64           highlight_id);
/* The same for every highlight of @document_id: what deleting the
 * document leaves unverified. */
GPtrArray       *dossier_project_get_briefings_citing_document (DossierProject *self,
                                                               gint64          document_id);
/* The same for every highlight that deleting @tag_id would delete with it
 * (those left with no tag and not evidence, dossier_project_delete_tag ()). */
GPtrArray       *dossier_project_get_briefings_citing_tag (DossierProject *self,
                                                          gint64          tag_id);

/* A new briefing (one action, "New Briefing"). @title must not be blank;
 * each document must exist, once; @body may be NULL (empty). Line endings
 * are made LF and control characters other than tab and newline dropped.
 * Returns its id, 0 with @error. */
gint64           dossier_project_add_briefing         (DossierProject  *self,
                                                       const char      *title,
                                                       const gint64    *document_ids,
                                                       guint            n_documents,
                                                       const char      *body,
                                                       GError         **error);
gboolean         dossier_project_set_briefing_title   (DossierProject  *self,
                                                       gint64           briefing_id,
                                                       const char      *title,
                                                       GError         **error);
/* The whole body, as one action ("Edit “Title”"); no undo step when it is
 * already that. */
gboolean         dossier_project_set_briefing_body    (DossierProject  *self,
                                                       gint64           briefing_id,
                                                       const char      *body,
                                                       GError         **error);
gboolean         dossier_project_set_briefing_documents (DossierProject *self,
                                                       gint64           briefing_id,
                                                       const gint64    *document_ids,
                                                       guint            n_documents,
                                                       GError         **error);
gboolean         dossier_project_delete_briefing      (DossierProject  *self,
                                                       gint64           briefing_id,
                                                       GError         **error);

/* A new note's body laid out as a policy briefing: Purpose, Summary,
 * Background, Stakeholders and their positions (each stakeholder with its
 * stance and its evidence cited), Pros and cons (each question with its
 * arguments for and against and their evidence cited), Where sources
 * diverge (each divergence dossier_project_compare_divergences () finds
 * between the documents, its highlighted passages cited), Options and
 * recommendation; prompts in italics where the writer has to write. With
 * documents, only evidence from them is cited and only they are compared
 * (without, every document of the project).
 * (transfer full) */
char            *dossier_project_make_briefing_template (DossierProject *self,
                                                       const gint64    *document_ids,
                                                       guint            n_documents);

/* The template's prompts (its italic lines the writer is to replace, in
 * this language or in English) left in the note parsed as @root. */
guint            dossier_briefing_count_prompts       (DossierMarkdownNode *root);
/* Takes the prompts left out of @root, as the exports do: a paragraph or
 * list item of nothing else goes with them, and so does a heading whose
 * section held nothing but prompts. Returns the paragraphs and list items
 * left with nothing but citations (a stakeholder's '*Their position.*
 * [@…]'), which a reader would see as bare footnote marks (transfer
 * container: the nodes are @root's). */
GPtrArray       *dossier_briefing_drop_prompts        (DossierMarkdownNode *root);

/* ---- The evidence meter --------------------------------------------------- */

typedef struct
{
  char   *heading;        /* the heading's text; NULL for what precedes the first */
  guint   level;          /* 1–6; 0 for what precedes the first heading */
  gint64  start;          /* code points of the body: the heading to the next */
  gint64  end;            /*   heading of the same or a higher level */
  guint   n_citations;    /* citations in the section, its subsections included */
  guint   n_own;          /* citations before its first subsection */
  gboolean has_text;      /* anything written in it besides headings */
  guint   n_unverified;   /* with dossier_briefing_get_sections_verified (): the
                           * section's citations (subsections included) that do
                           * not verify, left out of n_citations and n_own */
} DossierBriefingSection;

void             dossier_briefing_section_free         (DossierBriefingSection *section);

/* The sections of a parsed body, in order, each with the citations it
 * holds (GPtrArray of DossierBriefingSection, free func set): a section
 * with n_citations 0 makes claims the note does not back. Text before the
 * first heading is a section of its own only if there is some. */
GPtrArray       *dossier_briefing_get_sections         (DossierMarkdownNode *root);
/* The same, counting in n_citations and n_own only the citations that
 * verify in @citations (dossier_project_resolve_citations () of @root): a
 * citation of a deleted or orphaned highlight, or of one whose quote no
 * longer matches, backs nothing, and is counted in n_unverified. */
GPtrArray       *dossier_briefing_get_sections_verified (DossierMarkdownNode *root,
                                                        GPtrArray           *citations);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierBriefingSection, dossier_briefing_section_free)

G_END_DECLS
