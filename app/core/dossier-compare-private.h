/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-compare-private.h — what the comparison's files share: the
 * documents compared, and one scan of the passages behind each row
 * (dossier-compare.c), used by the matrix and by the divergences
 * (dossier-compare-divergences.c).
 */
#pragma once

#include <dossier/dossier-compare.h>

#include "dossier-project-private.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *title;
  char   *outlet;     /* NULL when unknown */
  char   *published;  /* NULL when unknown */
  gint64  length;     /* code points */
} DossierCompareColumn;

/* The rows of a comparison, in order. */
typedef struct
{
  gint64  id;
  char   *label;
  char   *detail;
  char   *color;     /* NULL for arguments */
  guint   depth;
  int     parent;    /* a tag's parent's row, -1 = none among the rows */
  guint   n_below;   /* sub-rows under it in the comparison, shown or not */
  gint64  group;     /* an argument's question: sorted within it; else 0 */
  gboolean collapsed; /* arranged: its sub-rows are hidden */
} DossierCompareRow;

typedef struct
{
  gint64 highlight_id;
  guint  row;
  guint  column;
} DossierComparePassage;

void      dossier_compare_column_clear (gpointer data);
void      dossier_compare_row_clear    (gpointer data);

struct _DossierComparison
{
  gatomicrefcount       ref_count;
  DossierCompareOptions options;
  GArray               *columns;      /* of DossierCompareColumn */
  guint                *words;        /* per column */
  GArray               *rows;         /* of DossierCompareRow */
  guint                *counts;       /* rows × columns */
  gint64               *first;        /* rows × columns: first start, -1 = none */
  guint                *column_counts;
  /* Each passage counted, in the order counted (by highlight): a
   * DossierComparePassage per row it is in directly, so that a filter's
   * totals count each once over the rows it keeps. NULL for mentions
   * (their counts add up) and for an arranged copy. */
  GArray               *passages;
  double                max_value;
  /* How it was arranged (dossier-compare-arrange.c): its filter is
   * @filter, its collapsed set a reference of ours. */
  DossierCompareArrangement arrangement;
  char                 *filter;
};

/* Checks @document_ids (present, none twice, at least @min) and reads
 * their metadata: a GArray of DossierCompareColumn with a clear func.
 * @from_file: read from the file, not from the project's documents (a
 * worker that has not loaded them), with no length (0: its text's read
 * counts it). */
GArray   *dossier_compare_columns_new (DossierProject  *project,
                                       const gint64    *document_ids,
                                       guint            n_documents,
                                       guint            min,
                                       gboolean         from_file,
                                       GError         **error);
/* The column of @document_id among @columns, or -1. */
GHashTable *dossier_compare_columns_index (GArray *columns);

/* The rows @options asks for (a GArray of DossierCompareRow with a clear
 * func); fails with INVALID for a measure that does not apply. */
GArray   *dossier_compare_rows_new    (DossierProject               *project,
                                       const DossierCompareOptions  *options,
                                       GError                      **error);

/* One passage behind a row in a column: the row's own (a tag's own
 * highlights, not its sub-tags'; a stakeholder's evidence; an argument's
 * evidence), ordered by highlight id. */
typedef void (*DossierComparePassageFunc) (gint64    highlight_id,
                                           guint     row,
                                           guint     column,
                                           gint64    start,
                                           gint64    end,
                                           gpointer  user_data);

/* Calls @func for every highlight behind @options' rows in the columns
 * (@row_index: row id → row + 1, @column_index: document id → column + 1).
 * Not for the mentions measure. */
gboolean  dossier_compare_scan        (DossierProject               *project,
                                       const DossierCompareOptions  *options,
                                       GHashTable                   *row_index,
                                       GHashTable                   *column_index,
                                       DossierComparePassageFunc     func,
                                       gpointer                      user_data,
                                       GError                      **error);

/* Row id → row + 1. */
GHashTable *dossier_compare_rows_index (GArray *rows);

/* Where a walk over a text has got to: code point @offset is at @p (NULL:
 * nowhere yet). */
typedef struct
{
  const char *p;
  gint64      offset;
} DossierTextPlace;

/* The sentence of @text around [start, end) (within @blocks' block
 * holding it, at most about 400 characters): its range in *@s, *@e.
 * @place (NULL, or where the last call left it): calls in the order of
 * @start go on from there, not from the text's start — 20,000 mentions in
 * a text of 2 MB counted code points from its start for minutes. */
void      dossier_compare_sentence    (const char    *text,
                                       gint64         text_length,
                                       GArray        *blocks,
                                       DossierTextPlace *place,
                                       gint64         start,
                                       gint64         end,
                                       gint64        *s,
                                       gint64        *e);
/* The heading of the section holding @start, or NULL. */
char     *dossier_compare_heading     (const char    *text,
                                       GArray        *blocks,
                                       gint64         start);

/* dossier_find_figures (), telling @progress of the characters it has
 * gone over every so many (at most DOSSIER_DIVERGE_CHECK_EVERY at once):
 * NULL, when @progress says to give up (returns FALSE). */
typedef gboolean (*DossierFiguresProgress) (guint64  chars,
                                            gpointer data);
GArray   *dossier_find_figures_checked (const char             *text,
                                        DossierFiguresProgress  progress,
                                        gpointer                data);

/* How many code points of a text the figure scan converts at once (it
 * keeps a few such pieces, not the whole text: 200 MB at 50 MB). */
#define DOSSIER_FIGURES_PIECE 65536

/* The units of work (characters, words, shingles, mentions, passages…)
 * the divergences do between two looks at their GCancellable: a few
 * milliseconds' worth, so that a run cancelled (the Compare page left)
 * stops at once, whatever step it is in. */
#define DOSSIER_DIVERGE_CHECK_EVERY 65536

/* For tests: @probe is called (in the thread that works them out) with
 * the units of work the divergences have done so far, each time they
 * count more, and @step, "sort" while they sort (their passages, their
 * runs of shared copy, a row's figures), else NULL: to cancel them at a
 * given point and count what is done after. NULL to stop. */
typedef void (*DossierDivergeProbe) (guint64     work,
                                     const char *step,
                                     gpointer    data);
void      dossier_compare_set_diverge_probe (DossierDivergeProbe probe,
                                             gpointer            data);

/* The data of a comparison's task that reads documents in a thread
 * (counting words, divergences): a worker of the project, which the
 * thread closes, and the documents it reads. */
typedef struct
{
  DossierProject *worker;
  GArray         *document_ids;  /* gint64 */
  guint           generation;    /* counting words: of the counts when asked */
} DossierCompareTaskData;

void      dossier_compare_task_data_free (DossierCompareTaskData *data);

G_END_DECLS
