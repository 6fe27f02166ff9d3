/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-compare.h — comparing chosen documents: a matrix of rows (tags,
 * stakeholders or arguments) against documents, the excerpts behind a
 * row side by side, and where the sources diverge.
 *
 * Everything is computed from the project as it is when asked (nothing is
 * stored), for the documents given, in the order given: those are the
 * columns. Orphaned highlights (their passage gone from a newer text) are
 * left out: they have no place in the text to compare. Offsets are code
 * points, like everywhere in Dossier.
 */
#pragma once

#include <glib-object.h>

#include "dossier-project.h"

G_BEGIN_DECLS

/* What the rows are. */
typedef enum
{
  DOSSIER_COMPARE_TAGS,          /* the codebook as a tree; a tag counts its sub-tags' too */
  DOSSIER_COMPARE_STAKEHOLDERS,  /* in the user's order */
  DOSSIER_COMPARE_ARGUMENTS,     /* by question, pros before cons */
} DossierCompareRows;

/* What a cell counts. */
typedef enum
{
  /* Highlights: tagged with the row's tag (or a sub-tag); for
   * stakeholders and arguments, their evidence (as EVIDENCE). */
  DOSSIER_COMPARE_HIGHLIGHTS,
  /* Mentions of a stakeholder's name and aliases in the text
   * (stakeholders only). */
  DOSSIER_COMPARE_MENTIONS,
  /* Highlights cited as evidence: for tags, the row's highlights that are
   * evidence for a stakeholder or an argument. */
  DOSSIER_COMPARE_EVIDENCE,
} DossierCompareMeasure;

/* "tags", "stakeholders", "arguments" (also "tag", "stakeholder",
 * "argument"). */
gboolean    dossier_compare_rows_from_string    (const char             *str,
                                                 DossierCompareRows     *rows);
const char *dossier_compare_rows_to_string      (DossierCompareRows      rows);
/* "highlights", "mentions", "evidence". */
gboolean    dossier_compare_measure_from_string (const char             *str,
                                                 DossierCompareMeasure  *measure);
const char *dossier_compare_measure_to_string   (DossierCompareMeasure   measure);

typedef struct
{
  DossierCompareRows    rows;
  DossierCompareMeasure measure;
  /* Cells as counts per 1,000 words of their document, so that long and
   * short articles compare fairly (totals too). */
  gboolean              per_1000_words;
  /* Tags only: 0 = the whole codebook, else that tag and its sub-tags. */
  gint64                tag_id;
  /* Leave out rows that count nothing in any of the documents. */
  gboolean              skip_empty;
} DossierCompareOptions;

#define DOSSIER_COMPARE_OPTIONS_INIT \
  { DOSSIER_COMPARE_TAGS, DOSSIER_COMPARE_HIGHLIGHTS, FALSE, 0, FALSE }

#define DOSSIER_COMPARE_ERROR (dossier_compare_error_quark ())
GQuark dossier_compare_error_quark (void);

typedef enum
{
  DOSSIER_COMPARE_ERROR_NO_DOCUMENTS = 1,  /* nothing to compare */
  DOSSIER_COMPARE_ERROR_DUPLICATE,         /* a document given twice */
  DOSSIER_COMPARE_ERROR_INVALID,           /* a measure that does not apply to the rows */
} DossierCompareError;

/* ---- The matrix --------------------------------------------------------- */

typedef struct _DossierComparison DossierComparison;

#define DOSSIER_TYPE_COMPARISON (dossier_comparison_get_type ())
GType              dossier_comparison_get_type (void) G_GNUC_CONST;

/* The matrix of @document_ids (columns, in this order) against the rows
 * @options asks for. A document that is not in the project fails with
 * DOSSIER_PROJECT_ERROR_NOT_FOUND, none at all with NO_DOCUMENTS, one
 * given twice with DUPLICATE. */
DossierComparison *dossier_project_compare        (DossierProject              *self,
                                                   const gint64                *document_ids,
                                                   guint                        n_documents,
                                                   const DossierCompareOptions *options,
                                                   GError                     **error);

/* How many characters of the texts of @document_ids a comparison of them
 * would read to count their words: 0 once they are counted (each text is
 * counted once, until it changes). */
gint64             dossier_project_compare_words_to_count (DossierProject *self,
                                                           const gint64   *document_ids,
                                                           guint           n_documents);
/* Counts the words of those texts in a thread, on a connection of its own
 * (two of 50 MB took 195 ms of CPU), for the comparisons that follow:
 * kept unless a text changed meanwhile (then dossier_project_compare_words_to_count ()
 * says so again). Cancelled, it stops soon with G_IO_ERROR_CANCELLED and
 * keeps nothing. */
void               dossier_project_count_words_async  (DossierProject      *self,
                                                       const gint64        *document_ids,
                                                       guint                n_documents,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean           dossier_project_count_words_finish (DossierProject      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

DossierComparison *dossier_comparison_ref         (DossierComparison *self);
void               dossier_comparison_unref       (DossierComparison *self);

const DossierCompareOptions *
                   dossier_comparison_get_options (DossierComparison *self);

/* Columns. */
guint        dossier_comparison_get_n_documents   (DossierComparison *self);
gint64       dossier_comparison_get_document_id   (DossierComparison *self,
                                                   guint              column);
const char  *dossier_comparison_get_document_title (DossierComparison *self,
                                                   guint              column);
const char  *dossier_comparison_get_document_outlet (DossierComparison *self,
                                                   guint              column);  /* may be NULL */
const char  *dossier_comparison_get_document_date (DossierComparison *self,
                                                   guint              column);  /* may be NULL */
/* Words in the document's text (a run of letters or digits is a word). */
guint        dossier_comparison_get_document_words (DossierComparison *self,
                                                   guint              column);

/* Rows, in their order: a tag's sub-tags follow it. */
guint        dossier_comparison_get_n_rows        (DossierComparison *self);
gint64       dossier_comparison_get_row_id        (DossierComparison *self,
                                                   guint              row);
/* A tag's name, a stakeholder's name, an argument's statement. */
const char  *dossier_comparison_get_row_label     (DossierComparison *self,
                                                   guint              row);
/* A tag's path; an argument's question and side ("pro", "con"); a
 * stakeholder's kind. Never NULL. */
const char  *dossier_comparison_get_row_detail    (DossierComparison *self,
                                                   guint              row);
/* Depth in the codebook (0 for top-level tags and for other rows). */
guint        dossier_comparison_get_row_depth     (DossierComparison *self,
                                                   guint              row);
/* "#rrggbb" of the tag or stakeholder; NULL for arguments. */
const char  *dossier_comparison_get_row_color     (DossierComparison *self,
                                                   guint              row);
/* The index of @row_id's row, or -1. */
int          dossier_comparison_find_row          (DossierComparison *self,
                                                   gint64             row_id);

/* What the cell counts (highlights, mentions or evidence). */
guint        dossier_comparison_get_count         (DossierComparison *self,
                                                   guint              row,
                                                   guint              column);
/* The count, or the count per 1,000 words when the options ask for it. */
double       dossier_comparison_get_value         (DossierComparison *self,
                                                   guint              row,
                                                   guint              column);
/* Where the document first raises the row, as a share of its text
 * (0 = its first character, 1 = its end); -1 when it does not or when
 * the measure has no place (mentions are counted, not placed). */
double       dossier_comparison_get_first_place   (DossierComparison *self,
                                                   guint              row,
                                                   guint              column);
/* Totals: a row's over the documents; a column's counts each passage
 * once however many rows it is in (a highlight with two tags is one);
 * per 1,000 words, over the words of the documents concerned. */
double       dossier_comparison_get_row_total     (DossierComparison *self,
                                                   guint              row);
double       dossier_comparison_get_column_total  (DossierComparison *self,
                                                   guint              column);
double       dossier_comparison_get_total         (DossierComparison *self);
/* A cell of the table with its totals: @row = the number of rows is the
 * row of column totals, @column = the number of documents the column of
 * row totals (both: the grand total). */
double       dossier_comparison_get_table_value   (DossierComparison *self,
                                                   guint              row,
                                                   guint              column);
/* The largest cell value, for shading by density (0 when all are empty). */
double       dossier_comparison_get_max_value     (DossierComparison *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierComparison, dossier_comparison_unref)

/* A tag's parent's row, or -1 (other rows, top-level tags). */
int          dossier_comparison_get_row_parent    (DossierComparison *self,
                                                   guint              row);
/* How many rows are under @row in the tree (its sub-tags, theirs…),
 * shown or not: its counts include theirs. */
guint        dossier_comparison_get_row_n_below   (DossierComparison *self,
                                                   guint              row);

/* ---- Arranged as shown ---------------------------------------------------- */

/* What rows or documents are sorted by. */
typedef enum
{
  DOSSIER_COMPARE_SORT_ORDER,     /* rows: the codebook's or list's order; documents: as given */
  DOSSIER_COMPARE_SORT_NAME,      /* rows: their name; documents: their title */
  DOSSIER_COMPARE_SORT_TOTAL,     /* their total */
  DOSSIER_COMPARE_SORT_DOCUMENT,  /* rows only: their value in one document */
  DOSSIER_COMPARE_SORT_DATE,      /* documents only: published (undated last) */
  DOSSIER_COMPARE_SORT_OUTLET,    /* documents only: outlet (none last), then title */
} DossierCompareSort;

/* "order", "name", "total", "document", "date", "outlet" (and "title"
 * for "name"). */
gboolean    dossier_compare_sort_from_string (const char         *str,
                                              DossierCompareSort *sort);
const char *dossier_compare_sort_to_string   (DossierCompareSort  sort);

typedef struct
{
  DossierCompareSort row_sort;
  gint64             row_sort_document;  /* SORT_DOCUMENT: whose column sorts the rows */
  gboolean           rows_descending;
  DossierCompareSort column_sort;
  gboolean           columns_descending;
  /* Keep only the rows whose name holds this, folded (case and accents
   * aside, see dossier_text_fold ()), with the rows they are under; NULL
   * or blank keeps every row. */
  const char        *filter;
  /* Row ids (gint64 *) whose sub-rows are hidden, or NULL. A row kept
   * only because a match is under it does not hide that match. */
  GHashTable        *collapsed;
} DossierCompareArrangement;

#define DOSSIER_COMPARE_ARRANGEMENT_INIT \
  { DOSSIER_COMPARE_SORT_ORDER, 0, FALSE, DOSSIER_COMPARE_SORT_ORDER, FALSE, NULL, NULL }

/* The comparison as a person arranged it: rows sorted among their
 * siblings (a sub-tag stays under its parent, an argument with its
 * question's; ties keep their order),
 * filtered, sub-rows of collapsed rows left out; documents sorted. Counts,
 * row totals and the largest value (for shading) stay those of @self: a
 * collapsed tag still counts its sub-tags'. A document's total is over
 * every row, or with a filter over the rows it keeps (a passage once, in
 * a row or under it; not the rows kept only for a match under them).
 * @self is a comparison from the project, not one arranged. A sort that does not apply (by date for rows, by one
 * document for documents) fails with INVALID, a document not compared
 * with DOSSIER_PROJECT_ERROR_NOT_FOUND. */
DossierComparison *dossier_comparison_arrange (DossierComparison               *self,
                                               const DossierCompareArrangement *arrangement,
                                               GError                         **error);
/* How it was arranged (as it came from the project: nothing sorted,
 * nothing filtered); never NULL. */
const DossierCompareArrangement *
             dossier_comparison_get_arrangement   (DossierComparison *self);
/* Its sub-rows are hidden (a row with rows under it, collapsed). */
gboolean     dossier_comparison_get_row_collapsed (DossierComparison *self,
                                                   guint              row);


/* ---- Excerpts side by side -------------------------------------------- */

typedef struct
{
  guint             column;          /* of the document among those compared */
  gint64            document_id;
  DossierHighlight *highlight;       /* NULL for a mention */
  gint64            start;           /* code points */
  gint64            end;
  char             *quote;           /* the passage (a mention: its sentence) */
  char             *heading;         /* the heading of the section it is in, or NULL */
  char             *note;            /* the evidence note, or NULL */
  int               stance_position; /* stance evidence: -2…2, else DOSSIER_STANCE_UNKNOWN */
  gboolean          every_row;       /* asked for behind every row (row 0), not one */
  GArray           *row_ids;         /* every row of stakeholders or arguments: the ids
                                      * (gint64) of those it is behind, else NULL */
} DossierExcerpt;

void dossier_excerpt_free (DossierExcerpt *excerpt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierExcerpt, dossier_excerpt_free)

/* The passages behind row @row_id of the matrix @options describes (0 =
 * behind any of its rows: a whole column), in the documents compared, by
 * column then place in the text: highlights (tags; with the mentions
 * measure, the sentences that mention the stakeholder; else evidence).
 * A GPtrArray of DossierExcerpt (transfer full, free func set). */
GPtrArray   *dossier_project_compare_excerpts (DossierProject              *self,
                                               const gint64                *document_ids,
                                               guint                        n_documents,
                                               const DossierCompareOptions *options,
                                               gint64                       row_id,
                                               GError                     **error);

/* The names of the tags whose rows @excerpt's passage counts in, when it
 * was asked for behind every row of a comparison of tags and so belongs
 * to no one row (which the title of its row would name); else NULL. */
char       **dossier_comparison_excerpt_tags  (DossierComparison           *self,
                                               const DossierExcerpt        *excerpt);
/* The same for any rows: the names of the tags, stakeholders or
 * arguments behind @excerpt's passage when it was asked for behind every
 * row; else NULL. */
char       **dossier_comparison_excerpt_rows  (DossierComparison           *self,
                                               const DossierExcerpt        *excerpt);
/* What goes before those names, translated: "Tag: " or "Tags: ",
 * "Stakeholder: "…, "Argument: "… for @n_rows names, whatever shows them
 * (the exports, the Compare page). */
const char  *dossier_comparison_rows_caption  (DossierComparison           *self,
                                               guint                        n_rows);

/* ---- Where the sources diverge ---------------------------------------- */

typedef enum
{
  /* A tag, stakeholder or argument present in some documents and absent
   * from the others. */
  DOSSIER_DIVERGENCE_OMISSION,
  /* A stakeholder's stance, from its stance evidence, differs between
   * sources. */
  DOSSIER_DIVERGENCE_STANCE,
  /* The same kind of figure (money, a share, a duration…) given for the
   * same tag or stakeholder, with no value in common between sources. */
  DOSSIER_DIVERGENCE_FIGURES,
  /* A long identical passage in several documents: one source (wire
   * copy), not agreement. */
  DOSSIER_DIVERGENCE_SHARED_COPY,
  /* Raised in the lede (the first fifth of the text) by some sources and
   * only later by others. */
  DOSSIER_DIVERGENCE_PLACEMENT,
} DossierDivergenceKind;

/* "omission", "stance", "figures", "shared-copy", "placement". */
const char *dossier_divergence_kind_to_string (DossierDivergenceKind kind);
/* Translated: "Omission", "Stance", "Figures", "Shared copy", "Placement". */
const char *dossier_divergence_kind_get_label (DossierDivergenceKind kind);

typedef struct
{
  gint64  document_id;
  gint64  highlight_id;  /* 0 when the passage is not a highlight */
  gint64  start;         /* code points */
  gint64  end;
  char   *quote;
  /* What this passage shows: "£72 million", "Against", "lede", "later"…
   * (never NULL, may be ""). */
  char   *detail;
} DossierDivergencePassage;

typedef struct
{
  DossierDivergenceKind kind;
  DossierCompareRows    row_kind;  /* what it is about (not for SHARED_COPY) */
  gint64                row_id;    /* 0 for SHARED_COPY */
  char                 *row_label;
  char                 *summary;   /* one translated line for a person */
  GArray               *present;   /* gint64 document ids where it is (or what
                                    * they share), in the order compared */
  GArray               *absent;    /* gint64 document ids (omissions), else empty */
  GPtrArray            *passages;  /* of DossierDivergencePassage, by column then place */
} DossierDivergence;

void dossier_divergence_free (DossierDivergence *divergence);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierDivergence, dossier_divergence_free)

/* Every divergence between @document_ids (two or more, NO_DOCUMENTS
 * otherwise): by kind (in the enum's order), then row order (tags,
 * stakeholders, arguments), then column. Documents that share copy count
 * as one source: a row found only in their shared passage is not reported
 * as agreement between them, and a figure they both give is one source's.
 * A GPtrArray of DossierDivergence (transfer full, free func set). */
GPtrArray   *dossier_project_compare_divergences (DossierProject  *self,
                                                  const gint64    *document_ids,
                                                  guint            n_documents,
                                                  GError         **error);

/* The same, worked out in a thread on a connection of its own (seconds on
 * documents of tens of MB), cancellable: when @cancellable is cancelled,
 * the work stops soon and finishes with G_IO_ERROR_CANCELLED. */
void         dossier_project_compare_divergences_async  (DossierProject      *self,
                                                         const gint64        *document_ids,
                                                         guint                n_documents,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GPtrArray   *dossier_project_compare_divergences_finish (DossierProject      *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

#define DOSSIER_DIVERGENCE_N_KINDS (DOSSIER_DIVERGENCE_PLACEMENT + 1)

/* What a list of @divergences (in dossier_project_compare_divergences ()'s
 * order) shows: the first @per_kind of each kind, a GArray of guint
 * indexes into @divergences, in order. @n_hidden (NULL, or
 * DOSSIER_DIVERGENCE_N_KINDS entries) gets how many of each kind are left
 * out. A project made by hand may diverge in tens of thousands of ways;
 * the other kinds stay in sight below them. */
GArray      *dossier_divergences_shown           (GPtrArray       *divergences,
                                                  guint            per_kind,
                                                  guint           *n_hidden);

/* ---- Written out ---------------------------------------------------------- */

typedef enum
{
  DOSSIER_COMPARE_FORMAT_TEXT,      /* for a terminal: a legend, then a table */
  DOSSIER_COMPARE_FORMAT_CSV,       /* RFC 4180, formula-safe */
  DOSSIER_COMPARE_FORMAT_JSON,
  DOSSIER_COMPARE_FORMAT_MARKDOWN,  /* excerpts */
  DOSSIER_COMPARE_FORMAT_HTML,      /* excerpts: a self-contained page */
} DossierCompareFormat;

/* "text", "csv", "json", "markdown" (or "md"), "html". */
gboolean    dossier_compare_format_from_string (const char           *str,
                                                DossierCompareFormat *format);

/* The matrix as TEXT, CSV (a header, then one line per row: id, label,
 * path or detail, depth, a cell per document, the total; a last line of
 * column totals; a cell starting with =, +, -, @, tab or CR gets a ' so
 * that spreadsheets show it as text) or JSON. Other formats fail with
 * INVALID. */
char        *dossier_comparison_to_string   (DossierComparison     *self,
                                             DossierCompareFormat   format,
                                             GError               **error);
/* Excerpts (from dossier_project_compare_excerpts ()) as MARKDOWN or HTML:
 * titled @title, a section per document of @comparison in its order (in
 * HTML side by side, one under the other when printed narrow), each quote
 * with its section heading, memo and note. */
char        *dossier_compare_excerpts_to_string (DossierComparison    *comparison,
                                             GPtrArray             *excerpts,
                                             const char            *title,
                                             DossierCompareFormat   format,
                                             GError               **error);
/* Divergences as TEXT (a line per divergence: kind, what it is about and
 * the summary, tab-separated, then a line per passage, indented: document,
 * start, end, what it shows, the quote) or JSON. */
char        *dossier_compare_divergences_to_string (DossierComparison *comparison,
                                             GPtrArray             *divergences,
                                             DossierCompareFormat   format,
                                             GError               **error);

/* ---- Figures ------------------------------------------------------------ */

/* A number with its unit found in a text: "£72m", "£72 million" and "72
 * millones de libras" are all 72,000,000 "GBP"; "12.5 per cent" is 12.5
 * "%"; "11 minutes" is 11 "minute"; "12 to 18 minutes" is the range 12 to
 * 18 "minute". */
typedef struct
{
  gint64  start;    /* code points */
  gint64  end;
  double  value;    /* multipliers applied: millions, billions, thousands;
                     * a range's low end */
  char   *unit;     /* "GBP", "USD", "EUR", "%", or a folded singular word */
  double  high;     /* a range's high end; == value for a single figure */
  /* What it is about: the nearest words of its clause on each side,
   * folded and stemmed, synonyms made one ("budget" is "cost"), function
   * words left out. NULL-terminated, maybe empty. */
  char  **context;
  /* A difference, not a level: "detours of 12 minutes", "12 minutes
   * longer", "an extra £5 million" — compared only with other
   * differences, never with the whole it is added to. */
  gboolean change;
} DossierFigure;

/* Every figure with a unit in @text (a number alone, a year, is not one),
 * in order: a GArray of DossierFigure, with a clear func. Figures are
 * compared between sources only when they share a context word and are
 * both changes or both levels. */
GArray      *dossier_find_figures      (const char *text);

G_END_DECLS
