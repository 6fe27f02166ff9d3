/* dossier-export.h — writing a project (or part of it) out.
 *
 * JSON follows the "dossier-export" version 1 contract of DESIGN.md; CSV is
 * one row per highlight–tag pair with RFC 4180 quoting; Markdown, HTML
 * (written with libxml2, self-contained and printable) and plain text are
 * tagged summaries. In every format text[start:end] == quote holds.
 */
#pragma once

#include <gio/gio.h>

#include "dossier-project.h"

G_BEGIN_DECLS

#define DOSSIER_EXPORT_ERROR (dossier_export_error_quark ())
GQuark dossier_export_error_quark (void);

typedef enum
{
  DOSSIER_EXPORT_ERROR_FORMAT = 1,   /* unknown format name */
  DOSSIER_EXPORT_ERROR_NOT_FOUND,    /* the filter names no document or tag */
  DOSSIER_EXPORT_ERROR_IO,           /* cannot write the destination */
} DossierExportError;

typedef enum
{
  DOSSIER_EXPORT_JSON,
  DOSSIER_EXPORT_MARKDOWN,
  DOSSIER_EXPORT_HTML,
  DOSSIER_EXPORT_CSV,
  DOSSIER_EXPORT_TEXT,
} DossierExportFormat;

/* "json", "markdown", "html", "csv", "text" */
gboolean    dossier_export_format_from_string (const char          *str,
                                               DossierExportFormat *format);
const char *dossier_export_format_to_string   (DossierExportFormat  format);
/* "json", "md", "html", "csv", "txt" */
const char *dossier_export_format_extension   (DossierExportFormat  format);

typedef struct
{
  gint64 document_id;  /* 0 = every document */
  gint64 tag_id;       /* 0 = every tag; else that tag and its descendants */
} DossierExportFilter;

gboolean dossier_export_to_stream (DossierProject            *project,
                                   DossierExportFormat        format,
                                   const DossierExportFilter *filter,   /* NULL = everything */
                                   GOutputStream             *stream,
                                   GCancellable              *cancellable,
                                   GError                   **error);

/* Writes beside @path and renames over it only when complete: a failed
 * export never leaves a half-written file. */
gboolean dossier_export_to_file   (DossierProject            *project,
                                   DossierExportFormat        format,
                                   const DossierExportFilter *filter,
                                   const char                *path,
                                   GCancellable              *cancellable,
                                   GError                   **error);

G_END_DECLS
