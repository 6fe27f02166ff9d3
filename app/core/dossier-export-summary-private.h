/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-export-summary-private.h — the tagged summaries (Markdown, HTML,
 * plain text), split in two so that each half is written once:
 *
 * - Sections decide what a summary says. Each is a DossierSummarySection:
 *   it collects what it shows, then writes it as parts, fields,
 *   paragraphs, remarks and quotes. A section in groups is collected for
 *   each document (grouped by document) or once across them (grouped by
 *   tag); a section once (stakeholders, pros and cons) is collected once
 *   for the whole export and written after the groups, before the list of
 *   sources. The tags section is in dossier-export-summary.c; a new one
 *   is a const DossierSummarySection in its own file, declared below, and
 *   one line in the sections[] table of dossier-export-summary.c.
 * - Formats decide how it looks. Each is a DossierSummaryFormat (Markdown
 *   and text in dossier-export-markdown.c and -text.c, HTML in
 *   dossier-export-html.c) and escapes everything it writes.
 *
 * A quote is always written through dossier_summary_write_quote(), which
 * adds what the options ask for (the section heading it is under, words
 * of context, its source, its offsets, its memo as a note or footnote).
 */
#pragma once

#include <dossier/dossier-text.h>

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
  gboolean    columns;      /* its parts side by side where the format can
                             * (HTML, on a wide page: pros | cons); one
                             * after the other elsewhere */
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
  gboolean orphaned;      /* its passage is gone from a newer text: no offsets,
                           * heading or context */
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
  const char                  *comment;  /* the section's own words on the quote (an
                                          * evidence note, its role), after the
                                          * caption; NULL = none */
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
  /* Running text (a description); blank lines separate paragraphs. */
  void     (*paragraph)  (DossierSummary              *s,
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
  GHashTable                 *passages;   /* highlight id → passage, for
                                           * dossier_summary_passage_lookup() */
};

/* ---- For sections ------------------------------------------------------- */

typedef enum
{
  DOSSIER_SUMMARY_IN_GROUPS,  /* per document (by document) or across them (by tag) */
  DOSSIER_SUMMARY_ONCE,       /* once for the whole export, after the groups */
} DossierSummaryScope;

/* A section starts at the depth it is given (0 for a section once: its
 * parts are top-level, listed in the contents) and leaves it as it found
 * it. It reads the project through s->ctx (dossier_export_context_prepare(),
 * _step(), _column_text() for strings) and honours the filter: with
 * s->ctx->filter.tag_id set, it shows only what concerns that tag, or
 * nothing. Strings go to the formats as they are: they escape. */
typedef struct
{
  const char         *name;
  DossierSummaryScope scope;
  /* Reads what the section shows for @document, or for every document
   * of the export when NULL (grouped by tag, or a section once): *@data
   * for write() and *@n_items, 0 when there is nothing to show (write()
   * is then not called). FALSE with @error on a read error. */
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
void     dossier_summary_paragraph   (DossierSummary              *s,
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
/* The highlight @highlight_id (tagged or not: evidence), placed like
 * dossier_summary_passage_new() and kept for the rest of the export, so a
 * highlight cited many times is read once; an orphaned one has its quote
 * and memo only. A new reference, NULL without @error when its document is
 * not in the export (filtered out), NULL with @error (NOT_FOUND when there
 * is no such highlight) else. */
DossierSummaryPassage *dossier_summary_passage_lookup (DossierSummary              *s,
                                                       gint64                       highlight_id,
                                                       GError                     **error);
DossierSummaryPassage *dossier_summary_passage_ref   (DossierSummaryPassage        *passage);
void                   dossier_summary_passage_unref (DossierSummaryPassage        *passage);

/* Writes @passage as a quote, with what the options ask for; @color is
 * the accent of what it is listed under (NULL = none). */
void     dossier_summary_write_quote (DossierSummary              *s,
                                      const DossierSummaryPassage *passage,
                                      const char                  *color);
/* The same with the section's own words on it (@comment, NULL = none),
 * shown after its caption. */
void     dossier_summary_write_quote_full (DossierSummary              *s,
                                           const DossierSummaryPassage *passage,
                                           const char                  *color,
                                           const char                  *comment);

/* The sections, in the order they are written. */
extern const DossierSummarySection dossier_summary_tags_section;
/* Once, after the groups (dossier-export-summary-analysis.c): every
 * stakeholder with its evidence, every question with its pros and cons. */
extern const DossierSummarySection dossier_summary_stakeholders_section;
extern const DossierSummarySection dossier_summary_arguments_section;

/* The summary of ctx with @sections (dossier_export_write_summary() gives
 * the sections[] table); for tests of a section. */
gboolean dossier_summary_write       (DossierExportContext               *ctx,
                                      DossierExportWriter                *w,
                                      DossierExportFormat                 format,
                                      const DossierSummarySection *const *sections,
                                      guint                               n_sections,
                                      GError                            **error);

/* ---- For formats -------------------------------------------------------- */

/* @s with invalid UTF-8 replaced and control characters (but newline and
 * tab) dropped: project files come from others. Newly allocated. */
char    *dossier_summary_clean       (const char                  *s);
/* The same of a long text (a quote, a memo, a note, a description): over
 * @max_chars characters, cut there and followed by what says so, " [cut
 * short: the memo is N characters long]" (dossier_text_cut ()). */
char    *dossier_summary_clean_cut   (const char                  *s,
                                      gsize                        max_chars,
                                      DossierTextCut               what);
/* Appends @s as escaped Markdown inline text (dossier-export-markdown.c):
 * @line_start says whether it starts a line. */
void     dossier_summary_markdown_inline (GString                 *out,
                                          const char              *s,
                                          gboolean                 line_start);
/* "2025-03-12" as "12 March 2025" in the user's language; anything else
 * as it is. */
char    *dossier_summary_format_date (const char                  *iso_date);
/* "characters 848–907" */
char    *dossier_summary_format_offsets (const DossierSummaryPassage *passage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSummaryPassage, dossier_summary_passage_unref)

G_END_DECLS
