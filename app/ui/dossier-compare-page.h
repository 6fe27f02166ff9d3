/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-compare-page.h — the centre page for comparing documents: which
 * documents take part and in what order, the matrix of tags, stakeholders
 * or arguments against them, the excerpts behind what is selected side by
 * side, and where the sources diverge; exports of each.
 *
 * It follows the project (recomputing when highlights, documents, tags,
 * stakeholders or arguments change) and knows nothing of the window: a
 * passage to read is "passage-activated", a highlight to cite is
 * "cite-highlight".
 */
#pragma once

#include <gtk/gtk.h>

#include <dossier/dossier.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_COMPARE_PAGE (dossier_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (DossierComparePage, dossier_compare_page, DOSSIER, COMPARE_PAGE, GtkWidget)

/* What an export writes (the compare.export action's parameter). */
typedef enum
{
  DOSSIER_COMPARE_EXPORT_CSV,        /* "csv": the matrix */
  DOSSIER_COMPARE_EXPORT_SVG,        /* "svg" */
  DOSSIER_COMPARE_EXPORT_PNG,        /* "png" */
  DOSSIER_COMPARE_EXPORT_MARKDOWN,   /* "markdown": the excerpts on show */
  DOSSIER_COMPARE_EXPORT_HTML,       /* "html" */
} DossierCompareExport;

/* Properties: "project" (not owned), "rows" (DossierCompareRows as int),
 * "measure" (DossierCompareMeasure as int), "per-1000-words", "hide-empty-rows".
 * Signals:
 *   "passage-activated" (gint64 document_id, gint64 highlight_id (0 = a
 *       passage that is no highlight), gint64 start, gint64 end)
 *   "cite-highlight" (gint64 highlight_id) */
GtkWidget         *dossier_compare_page_new           (void);
DossierProject    *dossier_compare_page_get_project   (DossierComparePage *self);
void               dossier_compare_page_set_project   (DossierComparePage *self,
                                                       DossierProject     *project);
/* The documents compared, in order (they default to every document, in
 * import order); unknown ids are dropped. */
void               dossier_compare_page_set_documents (DossierComparePage *self,
                                                       const gint64       *document_ids,
                                                       guint               n_documents);
GArray            *dossier_compare_page_get_documents (DossierComparePage *self);  /* transfer full */
/* Recomputes now rather than at the next idle. */
void               dossier_compare_page_update        (DossierComparePage *self);
DossierComparison *dossier_compare_page_get_comparison (DossierComparePage *self);
GtkWidget         *dossier_compare_page_get_matrix    (DossierComparePage *self);
/* Gives the matrix the focus, on its selection, or else on its first
 * cell (as a key goes there); FALSE if it cannot take it. */
gboolean           dossier_compare_page_focus_matrix  (DossierComparePage *self);
/* The excerpts on show, and the divergences listed (transfer none). */
GPtrArray         *dossier_compare_page_get_excerpts  (DossierComparePage *self);
GPtrArray         *dossier_compare_page_get_divergences (DossierComparePage *self);
/* The divergences are worked out in a thread when the documents compared
 * change: NULL until they come ("finding-divergences" is TRUE meanwhile). */
gboolean           dossier_compare_page_get_finding_divergences (DossierComparePage *self);
/* The first comparison of long texts counts their words in a thread: the
 * page is worked out when they are counted, TRUE meanwhile. */
gboolean           dossier_compare_page_get_counting_words (DossierComparePage *self);
/* Writes @what to @path, as the export action does after asking where. */
gboolean           dossier_compare_page_export        (DossierComparePage   *self,
                                                       DossierCompareExport  what,
                                                       const char           *path,
                                                       GError              **error);

G_END_DECLS
