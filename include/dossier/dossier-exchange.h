/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-exchange.h — exchanging projects with other tools: REFI-QDA
 * (QDA-XML 1.0) projects (.qdpx) and codebooks (.qdc), and W3C Web
 * Annotation collections (JSON-LD).
 *
 * Exports go through dossier-export.h (DOSSIER_EXPORT_QDPX, _QDC, _W3C,
 * with DossierExportFilter.target naming the tool the file is for).
 */
#pragma once

#include <gio/gio.h>

#include "dossier-progress.h"
#include "dossier-project.h"

G_BEGIN_DECLS

#define DOSSIER_EXCHANGE_ERROR (dossier_exchange_error_quark ())
GQuark dossier_exchange_error_quark (void);

typedef enum
{
  DOSSIER_EXCHANGE_ERROR_EMPTY = 1,    /* nothing to export (a codebook needs a tag), or to import */
  DOSSIER_EXCHANGE_ERROR_FORMAT,       /* not a .qdpx / .qdc / W3C collection, or damaged */
  DOSSIER_EXCHANGE_ERROR_UNSAFE,       /* an archive entry or XML construct refused */
  DOSSIER_EXCHANGE_ERROR_TOO_LARGE,    /* over the size or compression-ratio limits */
} DossierExchangeError;

/* The tool a REFI-QDA export is meant for. The standard leaves a few
 * things open and the tools disagree on them; a target fixes each. */
typedef enum
{
  DOSSIER_EXCHANGE_TARGET_STANDARD,
  DOSSIER_EXCHANGE_TARGET_MAXQDA,
  DOSSIER_EXCHANGE_TARGET_ATLASTI,
  DOSSIER_EXCHANGE_TARGET_NVIVO,
  DOSSIER_EXCHANGE_TARGET_QUALCODER,
} DossierExchangeTarget;

/* How a highlight's memo is written. */
typedef enum
{
  DOSSIER_MEMO_AS_DESCRIPTION = 1 << 0,  /* <Description> of the selection */
  DOSSIER_MEMO_AS_NOTE        = 1 << 1,  /* a <Note> the selection refers to */
} DossierMemoStyle;

typedef struct
{
  DossierExchangeTarget  target;
  const char            *name;          /* "standard", "maxqda", "atlasti", "nvivo", "qualcoder" */
  const char            *label;         /* "MAXQDA", … (a product name, not translated) */
  const char            *sources_dir;   /* folder of the sources in the archive */
  gboolean               crlf;          /* sources written with "\r\n", positions counting both */
  DossierMemoStyle       memos;
} DossierExchangeProfile;

/* NULL for an unknown value. */
const DossierExchangeProfile *dossier_exchange_profile_get (DossierExchangeTarget target);
/* "standard", "maxqda", "atlasti", "nvivo", "qualcoder" (case-insensitive;
 * "atlas.ti" too). */
gboolean dossier_exchange_target_from_string (const char            *str,
                                              DossierExchangeTarget *target);

/* ---- Import ---------------------------------------------------------------
 *
 * dossier_exchange_import () brings a REFI-QDA project (.qdpx) or codebook
 * (.qdc) made by another tool, or a W3C Web Annotation collection (.jsonld,
 * .json), into a project as one action (one undo step). What cannot be
 * carried is never dropped silently: the report lists what came in, what
 * changed on the way and what did not come in, and why (as the REFI-QDA
 * standard requires). A file that cannot be read at all (not such a file,
 * damaged, an unsafe archive) fails with @error and leaves the project as
 * it was. */

typedef enum
{
  DOSSIER_IMPORT_ITEM_CHANGED,   /* came in, but not quite as it was */
  DOSSIER_IMPORT_ITEM_SKIPPED,   /* did not come in */
} DossierImportItemKind;

typedef enum
{
  DOSSIER_IMPORT_COUNT_DOCUMENTS,
  DOSSIER_IMPORT_COUNT_TAGS,          /* new tags */
  DOSSIER_IMPORT_COUNT_TAGS_MERGED,   /* codes that were already tags of the project */
  DOSSIER_IMPORT_COUNT_HIGHLIGHTS,
  DOSSIER_IMPORT_COUNT_MEMOS,         /* highlights with a memo */
  DOSSIER_IMPORT_COUNT_AUTHORS,       /* distinct coders */
  DOSSIER_IMPORT_COUNT_STAKEHOLDERS,
  DOSSIER_IMPORT_COUNT_NOTES,         /* notes kept as briefings */
  DOSSIER_IMPORT_COUNT_QUESTIONS,     /* new questions (Dossier's own notes) */
  DOSSIER_IMPORT_COUNT_ARGUMENTS,     /* new arguments (Dossier's own notes) */
  DOSSIER_IMPORT_N_COUNTS
} DossierImportCount;

typedef struct _DossierImportReport DossierImportReport;

#define DOSSIER_TYPE_IMPORT_REPORT (dossier_import_report_get_type ())
GType                 dossier_import_report_get_type      (void) G_GNUC_CONST;
DossierImportReport  *dossier_import_report_ref           (DossierImportReport *report);
void                  dossier_import_report_unref         (DossierImportReport *report);

/* The imported file's display name. */
const char           *dossier_import_report_get_file_name (DossierImportReport *report);
/* "REFI-QDA project", "REFI-QDA codebook", "W3C Web Annotations" (translated). */
const char           *dossier_import_report_get_format    (DossierImportReport *report);
guint                 dossier_import_report_get_count     (DossierImportReport *report,
                                                           DossierImportCount   what);
guint                 dossier_import_report_get_n_items   (DossierImportReport *report);
/* Item @index: its kind, what it is about ("PDF source “Interview 4”") and
 * why (a sentence). */
DossierImportItemKind dossier_import_report_get_item      (DossierImportReport *report,
                                                           guint                index,
                                                           const char         **what,
                                                           const char         **why);
/* Ids of the documents the import added, in order (transfer none). */
const GArray         *dossier_import_report_get_documents (DossierImportReport *report);
/* What came in, counted, for a person: "3 documents, 5 new tags, …"
 * (translated, one line). */
char                 *dossier_import_report_describe_counts (DossierImportReport *report);
/* The whole report as text for a person (translated, several lines). */
char                 *dossier_import_report_to_text       (DossierImportReport *report);

/* Whether @file looks like something dossier_exchange_import () reads
 * (by its name: .qdpx, .qdc, .qde, .jsonld; .json if it holds annotations). */
gboolean              dossier_exchange_can_import         (GFile               *file);

/* Synchronous: reads, then writes one action. @progress may be NULL. */
DossierImportReport  *dossier_exchange_import             (DossierProject          *project,
                                                           GFile                   *file,
                                                           DossierProgress         *progress,
                                                           GCancellable            *cancellable,
                                                           GError                 **error);

/* The file is read and checked in a worker thread (@progress, if not
 * NULL, is updated from there); the project is written in the caller's
 * context, as one action, when the result is finished. */
void                  dossier_exchange_import_async       (DossierProject          *project,
                                                           GFile                   *file,
                                                           DossierProgress         *progress,
                                                           GCancellable            *cancellable,
                                                           GAsyncReadyCallback      callback,
                                                           gpointer                 user_data);
DossierImportReport  *dossier_exchange_import_finish      (DossierProject          *project,
                                                           GAsyncResult            *result,
                                                           GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierImportReport, dossier_import_report_unref)

G_END_DECLS
