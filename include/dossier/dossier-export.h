/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-export.h — writing a project (or part of it) out.
 *
 * JSON follows the "dossier-export" version 1 contract of DESIGN.md; CSV is
 * one row per highlight–tag pair with RFC 4180 quoting, and a cell that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)
 * is written with a leading apostrophe; Markdown, HTML (written with
 * libxml2, self-contained and printable) and plain text are tagged
 * summaries laid out by DossierExportOptions. JSON keeps
 * text[start:end] == quote exactly. REFI-QDA projects (.qdpx) and
 * codebooks (.qdc) and W3C Web Annotation collections are described in
 * dossier-exchange.h.
 */
#pragma once

#include <gio/gio.h>

#include "dossier-exchange.h"
#include "dossier-project.h"

G_BEGIN_DECLS

#define DOSSIER_EXPORT_ERROR (dossier_export_error_quark ())
GQuark dossier_export_error_quark (void);

typedef enum
{
  DOSSIER_EXPORT_ERROR_FORMAT = 1,   /* unknown format name */
  DOSSIER_EXPORT_ERROR_NOT_FOUND,    /* the filter names no document or tag */
  DOSSIER_EXPORT_ERROR_IO,           /* cannot write the destination */
  DOSSIER_EXPORT_ERROR_UNVERIFIED,   /* a briefing cites a passage that is not sound */
} DossierExportError;

typedef enum
{
  DOSSIER_EXPORT_JSON,
  DOSSIER_EXPORT_MARKDOWN,
  DOSSIER_EXPORT_HTML,
  DOSSIER_EXPORT_CSV,
  DOSSIER_EXPORT_TEXT,
  DOSSIER_EXPORT_QDPX,    /* REFI-QDA project: a zip archive */
  DOSSIER_EXPORT_QDC,     /* REFI-QDA codebook: XML */
  DOSSIER_EXPORT_W3C,     /* W3C Web Annotation collection: JSON-LD */
} DossierExportFormat;

/* "json", "markdown", "html", "csv", "text", "qdpx", "qdc", "w3c" */
gboolean    dossier_export_format_from_string (const char          *str,
                                               DossierExportFormat *format);
const char *dossier_export_format_to_string   (DossierExportFormat  format);
/* "json", "md", "html", "csv", "txt", "qdpx", "qdc", "jsonld" */
const char *dossier_export_format_extension   (DossierExportFormat  format);

/* With @briefing_id, the export is that briefing note (Markdown or HTML
 * only: its body, each citation a numbered footnote giving the quote, the
 * document's title, outlet and date and the section heading it is under)
 * and the other fields are ignored. Every citation is verified first: one
 * whose highlight was deleted, orphaned or no longer matches its text
 * fails the export with DOSSIER_EXPORT_ERROR_UNVERIFIED, naming each,
 * unless DossierExportOptions.allow_unverified, which prints them marked
 * as unverified. */
typedef struct
{
  gint64 document_id;  /* 0 = every document */
  gint64 tag_id;       /* 0 = every tag; else that tag and its descendants */
  gint64 briefing_id;  /* 0 = none; else that briefing note alone */
} DossierExportFilter;

/* How the summaries (Markdown, HTML, plain text) are laid out, and which
 * tool a REFI-QDA file is for. JSON and CSV always carry everything
 * (offsets included) and ignore these. */
typedef enum
{
  DOSSIER_EXPORT_GROUP_BY_DOCUMENT,  /* document → tag → quotes */
  DOSSIER_EXPORT_GROUP_BY_TAG,       /* tag → quotes of every document, each
                                      * with its source's title, outlet, date */
} DossierExportGrouping;

typedef enum
{
  DOSSIER_EXPORT_MEMOS_NOTES,        /* a note under its quote */
  DOSSIER_EXPORT_MEMOS_FOOTNOTES,    /* numbered, listed at the end */
  DOSSIER_EXPORT_MEMOS_NONE,         /* left out */
} DossierExportMemos;

/* Words of context shown before and after a quote, at most. */
#define DOSSIER_EXPORT_MAX_CONTEXT_WORDS 50

typedef struct
{
  DossierExportGrouping group_by;
  gboolean              headings;       /* the heading of the section a quote is in */
  gboolean              offsets;        /* "characters 405–457" under each quote */
  guint                 context_words;  /* 0 = none; clamped to the maximum */
  DossierExportMemos    memos;
  DossierExchangeTarget target;         /* REFI-QDA: the tool the file is for */
  gboolean              appendix;       /* briefing: its cited passages by source, at the end */
  gboolean              allow_unverified; /* briefing: print unsound citations, marked */
} DossierExportOptions;

/* The defaults: by document, headings, no offsets, no context, memos as
 * notes under their quotes; a briefing without appendix, refused if a
 * citation is unsound. */
void        dossier_export_options_init         (DossierExportOptions  *options);

/* "document", "tag" */
gboolean    dossier_export_grouping_from_string (const char            *str,
                                                 DossierExportGrouping *grouping);
const char *dossier_export_grouping_to_string   (DossierExportGrouping  grouping);
/* "notes", "footnotes", "none" */
gboolean    dossier_export_memos_from_string    (const char            *str,
                                                 DossierExportMemos    *memos);
const char *dossier_export_memos_to_string      (DossierExportMemos     memos);

/* @filter and @options may be NULL: everything, the defaults. */
gboolean dossier_export_to_stream (DossierProject             *project,
                                   DossierExportFormat         format,
                                   const DossierExportFilter  *filter,
                                   const DossierExportOptions *options,
                                   GOutputStream              *stream,
                                   GCancellable               *cancellable,
                                   GError                    **error);

/* Writes the export to @path:
 * - a regular file (or a new name) is written beside it and renamed over
 *   it only when complete, so a failed export never leaves a half-written
 *   file; a replaced file keeps its permissions;
 * - a symbolic link is followed: its target is replaced that way and the
 *   link stays a link;
 * - a pipe (FIFO), a character device (/dev/null, a terminal) and an open
 *   descriptor (/dev/stdout, /dev/fd/N) are written through, never
 *   replaced; a pipe with no reader yet is waited for (cancellable);
 * - a folder, a block device or a socket is refused with
 *   DOSSIER_EXPORT_ERROR_IO, as is a read-only file. */
gboolean dossier_export_to_file   (DossierProject             *project,
                                   DossierExportFormat         format,
                                   const DossierExportFilter  *filter,
                                   const DossierExportOptions *options,
                                   const char                 *path,
                                   GCancellable               *cancellable,
                                   GError                    **error);

/* Writes to @path what @write_func puts on the stream it is given, the
 * way dossier_export_to_file () writes an export (the same destinations,
 * the same refusals, nothing left behind on failure): for what is written
 * outside the core, such as a briefing's PDF (libdossier-render). An error
 * of the stream's (G_IO_ERROR, but a cancel) becomes
 * DOSSIER_EXPORT_ERROR_IO naming @path; others are passed on. */
typedef gboolean (*DossierExportWriteFunc) (GOutputStream  *stream,
                                            gpointer        user_data,
                                            GCancellable   *cancellable,
                                            GError        **error);

gboolean dossier_export_write_to_path (const char             *path,
                                       DossierExportWriteFunc  write_func,
                                       gpointer                user_data,
                                       GCancellable           *cancellable,
                                       GError                **error);

/* dossier_export_to_file () in a thread that reads the project with its
 * own connection (a consistent snapshot as of the call: actions made
 * meanwhile are not in the file), so the caller goes on. @filter and
 * @options are copied. @progress (may be NULL) says "Exporting “name”…"
 * and reaches 1.0 at the end. Cancelling leaves no file, as a failure
 * does. */
void     dossier_export_to_file_async  (DossierProject             *project,
                                        DossierExportFormat         format,
                                        const DossierExportFilter  *filter,
                                        const DossierExportOptions *options,
                                        const char                 *path,
                                        DossierProgress            *progress,
                                        GCancellable               *cancellable,
                                        GAsyncReadyCallback         callback,
                                        gpointer                    user_data);
gboolean dossier_export_to_file_finish (DossierProject             *project,
                                        GAsyncResult               *result,
                                        GError                    **error);

G_END_DECLS
