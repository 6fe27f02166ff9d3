/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-import.h — turning files into normalized documents with blocks.
 *
 * Importers never touch a project: they return a DossierParsedDocument that
 * dossier_project_add_document() stores in one transaction. Encodings are
 * detected (BOM, <meta charset>) or the input is refused; nothing is ever
 * fetched from the network and no XML entity is expanded.
 */
#pragma once

#include <gio/gio.h>

#include "dossier-text.h"

G_BEGIN_DECLS

#define DOSSIER_IMPORT_ERROR (dossier_import_error_quark ())
GQuark dossier_import_error_quark (void);

typedef enum
{
  DOSSIER_IMPORT_ERROR_NOT_TEXT = 1,  /* binary data */
  DOSSIER_IMPORT_ERROR_ENCODING,      /* invalid or unsupported encoding */
  DOSSIER_IMPORT_ERROR_EMPTY,         /* no text left after extraction */
  DOSSIER_IMPORT_ERROR_TOO_LARGE,     /* over DOSSIER_IMPORT_MAX_BYTES */
  DOSSIER_IMPORT_ERROR_IO,            /* cannot read the file (missing, directory, …) */
  DOSSIER_IMPORT_ERROR_FORMAT,        /* unknown format name */
} DossierImportError;

/* Files over this size are refused with DOSSIER_IMPORT_ERROR_TOO_LARGE. */
#define DOSSIER_IMPORT_MAX_BYTES (64 * 1024 * 1024)

typedef enum
{
  DOSSIER_FORMAT_AUTO,
  DOSSIER_FORMAT_TEXT,
  DOSSIER_FORMAT_MARKDOWN,
  DOSSIER_FORMAT_HTML,
} DossierFormat;

/* "auto", "text", "markdown", "html" */
gboolean    dossier_format_from_string (const char    *str,
                                        DossierFormat *format);
const char *dossier_format_to_string   (DossierFormat  format);

typedef struct
{
  char   *title;       /* never NULL after import: falls back to the file name */
  char   *author;      /* NULL when unknown */
  char   *outlet;      /* NULL when unknown */
  char   *source;      /* URL, or the file's name; NULL when unknown */
  char   *published;   /* "YYYY-MM-DD" or NULL */
  char   *format;      /* "text", "markdown" or "html" */
  GBytes *original;    /* the bytes as read */
  char   *text;        /* normalized, see dossier-text.h */
  GArray *blocks;      /* of DossierBlock, in text order, non-overlapping */
  GPtrArray *notes;    /* of char *: what the reader should check in what was
                        * imported (a page that looks cut off, a title
                        * shortened), each a sentence naming the file; never NULL */
} DossierParsedDocument;

DossierParsedDocument *dossier_parsed_document_new  (void);
void                   dossier_parsed_document_free (DossierParsedDocument *doc);

/* @name_hint (a file name, may be NULL) helps format detection and is the
 * title of last resort. */
DossierParsedDocument *dossier_import_bytes (GBytes        *bytes,
                                             DossierFormat  format,
                                             const char    *name_hint,
                                             GError       **error);

DossierParsedDocument *dossier_import_file  (GFile         *file,
                                             DossierFormat  format,
                                             GCancellable  *cancellable,
                                             GError       **error);

/* The note dossier_import_bytes () adds to a document whose @title is
 * longer than a project keeps (DOSSIER_DOCUMENT_MAX_TITLE), naming it
 * @display (a file's name; NULL: "The document"), or NULL when it is not
 * that long: for a caller that gives the document another title than the
 * one the import found. */
char                  *dossier_import_title_note (const char *title,
                                                  const char *display);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierParsedDocument, dossier_parsed_document_free)

G_END_DECLS
