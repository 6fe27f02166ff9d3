/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-briefing-layout.h — a briefing note laid out on pages with Pango
 * and drawn with cairo: for its PDF export and for printing, which share
 * every line of it.
 *
 * The note is read by the core (dossier-briefing-content.h: title, the
 * documents compared, the body, its verified citations, the appendix);
 * here it becomes pages: the title and the documents compared, the body
 * (headings, paragraphs, lists, quotes, rules; emphasis, strong, code,
 * links), each citation a numbered superscript whose footnote — the quote,
 * the document's title, outlet and date and the heading of its section —
 * is at the foot of the page where it is first cited, an optional appendix
 * of the cited passages grouped by source, and page numbers. Units are
 * PostScript points (1/72 inch); fonts are sized for them.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include <dossier/dossier-briefing-content.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_PAPER_A4,
  DOSSIER_PAPER_LETTER,
} DossierPaper;

/* "a4", "letter" (any case) */
gboolean    dossier_paper_from_string (const char   *str,
                                       DossierPaper *paper);
const char *dossier_paper_to_string   (DossierPaper  paper);
/* Its width and height in points, portrait. */
void        dossier_paper_get_size    (DossierPaper  paper,
                                       double       *width,
                                       double       *height);

/* The margins of every page, in points: the text (body and footnotes)
 * stays inside them; the page number sits in the bottom one. */
#define DOSSIER_BRIEFING_MARGIN_X      68.0
#define DOSSIER_BRIEFING_MARGIN_TOP    64.0
#define DOSSIER_BRIEFING_MARGIN_BOTTOM 72.0

typedef struct _DossierBriefingLayout DossierBriefingLayout;

/* Lays @content out on pages of @width × @height points (margins inside
 * them), with the appendix if @appendix. @content must outlive the
 * layout. */
DossierBriefingLayout *dossier_briefing_layout_new         (const DossierBriefingContent *content,
                                                            gboolean                      appendix,
                                                            double                        width,
                                                            double                        height);
void                   dossier_briefing_layout_free        (DossierBriefingLayout        *layout);
guint                  dossier_briefing_layout_get_n_pages (DossierBriefingLayout        *layout);
/* Draws page @page (from 0) on @cr, whose units are points with the
 * page's top left corner at the origin. */
void                   dossier_briefing_layout_draw_page   (DossierBriefingLayout        *layout,
                                                            cairo_t                      *cr,
                                                            guint                         page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierBriefingLayout, dossier_briefing_layout_free)

/* ---- PDF -------------------------------------------------------------------- */

typedef struct
{
  DossierPaper paper;
  gboolean     appendix;          /* the cited passages by source, at the end */
  gboolean     allow_unverified;  /* print unsound citations, marked, instead of refusing */
} DossierBriefingPdfOptions;

/* A4, no appendix, unsound citations refused. */
void     dossier_briefing_pdf_options_init (DossierBriefingPdfOptions       *options);

/* @content as a PDF on @stream. Cancellable between pages. */
gboolean dossier_briefing_write_pdf        (const DossierBriefingContent    *content,
                                            const DossierBriefingPdfOptions *options,
                                            GOutputStream                   *stream,
                                            GCancellable                    *cancellable,
                                            GError                         **error);

/* Briefing @briefing_id of @project as a PDF at @path, written as every
 * export is (dossier_export_write_to_path ()); refused, as the other
 * formats are, when a citation cannot be verified and
 * @options->allow_unverified is not set. @options may be NULL. */
gboolean dossier_project_export_briefing_pdf (DossierProject                  *project,
                                              gint64                           briefing_id,
                                              const DossierBriefingPdfOptions *options,
                                              const char                      *path,
                                              GCancellable                    *cancellable,
                                              GError                         **error);

/* The same, the note read at once and laid out and written in a thread. */
void     dossier_project_export_briefing_pdf_async  (DossierProject                  *project,
                                                     gint64                           briefing_id,
                                                     const DossierBriefingPdfOptions *options,
                                                     const char                      *path,
                                                     GCancellable                    *cancellable,
                                                     GAsyncReadyCallback              callback,
                                                     gpointer                         user_data);
gboolean dossier_project_export_briefing_pdf_finish (DossierProject                  *project,
                                                     GAsyncResult                    *result,
                                                     GError                         **error);

G_END_DECLS
