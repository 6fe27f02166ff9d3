/* dossier-export-summary-private.h — the tagged summaries (Markdown, HTML,
 * plain text), split in two so that each half is written once:
 *
 * - Sections decide what a summary says. Each is a DossierSummarySection:
 *   it collects what it shows for one document (grouped by document) or
 *   for all of them (grouped by tag), then writes it as parts, fields,
 *   remarks and quotes. The tags section is in dossier-export-summary.c;
 *   a new section (stakeholders, pros and cons) is a pair of functions in
 *   its own file and one line in the sections[] table there.
 * - Formats decide how it looks. Each is a DossierSummaryFormat (Markdown
 *   and text in dossier-export-markdown.c and -text.c, HTML in
 *   dossier-export-html.c) and escapes everything it writes.
 *
 * A quote is always written through dossier_summary_write_quote(), which
 * adds what the options ask for (the section heading it is under, words
 * of context, its source, its offsets, its memo as a note or footnote).
 */
#pragma once

#include "dossier-export-private.h"

G_BEGIN_DECLS

typedef struct _DossierSummary DossierSummary;

/* ---- What sections hand to formats ------------------------------------- */

/* A titled part of the summary. Parts nest (a document's tags are parts
 * inside the document's); the format picks the heading level from the
 * depth. */
typedef struct
{
  const char *kind;         /* "document", "tag", … (HTML class) */
  const char *title;
  const char *anchor;       /* an id to link to from the contents; NULL = none */
  const char *color;        /* "#rrggbb" swatch before the title; NULL = none */
  int         count;        /* shown after the title; -1 = none */
} DossierSummaryHeading;

typedef struct
{
  const char *label;        /* translated */
  const char *value;
  gboolean    link;         /* starts with http(s)://: a link where the format can
                             * make one safely */
} DossierSummaryField;

/* A highlight placed in its document: what a quote needs. Reference
 * counted (g_rc_box): a highlight under several tags is read once. */
typedef struct
{
  const DossierExportDocument *document;
  gint64  highlight_id;
  gint64  start;
  gint64  end;
  char   *quote;
  char   *memo;           /* NULL when there is none */
  char   *heading;        /* the heading of the section it is in; NULL = none or not asked */
  char   *before;         /* words just before it; NULL = no context asked or none there */
  char   *after;          /* words just after it */
  gboolean before_cut;    /* the context stops inside its paragraph: show an ellipsis */
  gboolean after_cut;
} DossierSummaryPassage;

/* What a format writes for one quote: only what is to be shown is set. */
typedef struct
{
  const DossierSummaryPassage *passage;  /* quote and context (context NULL when off) */
  const char                  *heading;  /* NULL = not shown */
  const DossierExportDocument *source;   /* NULL = not shown (the part says it); else
                                          * listed under Sources, anchor "doc-ID" */
  const char                  *date;     /* the source's date as words, NULL = none */
  gboolean                     offsets;
  const char                  *color;    /* accent, "#rrggbb" or NULL */
  const char                  *memo;     /* a note under the quote; NULL = none */
  guint                        footnote; /* 1… = the memo is that footnote; 0 = none */
} DossierSummaryQuote;

/* ---- Formats ------------------------------------------------------------ */

typedef struct
{
  void     (*begin)      (DossierSummary              *s,
                          const char                  *title,
                          const char                  *subtitle);
  void     (*open_part)  (DossierSummary              *s,
                          const DossierSummaryHeading *heading);
  void     (*close_part) (DossierSummary              *s);
  void     (*fields)     (DossierSummary              *s,
                          const DossierSummaryField   *fields,
                          guint                        n_fields);
  /* A short statement in place of content ("No highlights."). */
  void     (*remark)     (DossierSummary              *s,
                          const char                  *text);
  void     (*quote)      (DossierSummary              *s,
                          const DossierSummaryQuote   *quote);
  /* Memos as footnotes, numbered from 1, after everything else; only
   * called when there are some. */
  void     (*footnotes)  (DossierSummary              *s,
                          GPtrArray                   *memos);
  /* Completes the output (HTML serializes here). */
  gboolean (*end)        (DossierSummary              *s,
                          GError                     **error);
  void     (*free_data)  (gpointer                     data);
} DossierSummaryFormat;

extern const DossierSummaryFormat dossier_summary_markdown;
extern const DossierSummaryFormat dossier_summary_text;
extern const DossierSummaryFormat dossier_summary_html;

struct _DossierSummary
{
  DossierExportContext       *ctx;
  DossierExportWriter        *w;
  const DossierExportOptions *options;    /* == &ctx->options */
  const DossierSummaryFormat *format;
  gpointer                    data;       /* the format's own state */
  guint                       depth;      /* parts open; 0 = at the top */
  gboolean                    across;     /* quotes of several documents side by side: name their source */
  GPtrArray                  *footnotes;  /* memos (char *), by number - 1 */
  struct _DossierSummaryText *text;       /* the document last read for placing passages */
  const DossierExportDocument *document;  /* the document last looked up */
  GHashTable                 *cited;      /* documents named as a quote's source */
};

/* ---- For sections ------------------------------------------------------- */

typedef struct
{
  const char *name;
  /* Reads what the section shows for @document, or for every document
   * of the export when NULL (grouped by tag): *@data for write() and
   * *@n_items, 0 when there is nothing to show. FALSE with @error on a
   * read error. */
  gboolean (*collect) (DossierSummary               *s,
                       const DossierExportDocument  *document,
                       gpointer                     *data,
                       guint                        *n_items,
                       GError                      **error);
  void     (*write)   (DossierSummary               *s,
                       gpointer                      data);
  void     (*free)    (gpointer                      data);
} DossierSummarySection;

void     dossier_summary_open_part   (DossierSummary              *s,
                                      const DossierSummaryHeading *heading);
void     dossier_summary_close_part  (DossierSummary              *s);
void     dossier_summary_remark      (DossierSummary              *s,
                                      const char                  *text);
/* A document's metadata (author, outlet, date, source) as fields. */
void     dossier_summary_document_fields (DossierSummary              *s,
                                          const DossierExportDocument *document);

/* Places @h in its document (reading the document's text and headings
 * when the options need them, once per document in a row): a new
 * passage, or NULL with @error. */
DossierSummaryPassage *dossier_summary_passage_new   (DossierSummary               *s,
                                                      const DossierExportHighlight *h,
                                                      GError                      **error);
DossierSummaryPassage *dossier_summary_passage_ref   (DossierSummaryPassage        *passage);
void                   dossier_summary_passage_unref (DossierSummaryPassage        *passage);

/* Writes @passage as a quote, with what the options ask for; @color is
 * the accent of what it is listed under (NULL = none). */
void     dossier_summary_write_quote (DossierSummary              *s,
                                      const DossierSummaryPassage *passage,
                                      const char                  *color);

/* ---- For formats -------------------------------------------------------- */

/* @s with invalid UTF-8 replaced and control characters (but newline and
 * tab) dropped: project files come from others. Newly allocated. */
char    *dossier_summary_clean       (const char                  *s);
/* "2025-03-12" as "12 March 2025" in the user's language; anything else
 * as it is. */
char    *dossier_summary_format_date (const char                  *iso_date);
/* "characters 848–907" */
char    *dossier_summary_format_offsets (const DossierSummaryPassage *passage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSummaryPassage, dossier_summary_passage_unref)

G_END_DECLS
