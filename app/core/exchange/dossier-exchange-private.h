/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-exchange-private.h — what the exchange formats share inside the
 * core: name-based GUIDs, XML escaping, the zip archive (libzip) with its
 * safety checks, and the writers that dossier_export_to_stream() calls.
 * Not for the UI or the CLI.
 */
#pragma once

#include <gio/gio.h>

#include <dossier/dossier-argument.h>
#include <dossier/dossier-evidence.h>
#include <dossier/dossier-exchange.h>
#include <dossier/dossier-import.h>
#include <dossier/dossier-stakeholder.h>

#include "dossier-export-private.h"
#include "dossier-project-private.h"

G_BEGIN_DECLS

/* The namespaces of QDA-XML 1.0: a project.qde's root and a .qdc's. */
#define PROJECT_NS  "urn:QDA-XML:project:1.0"
#define CODEBOOK_NS "urn:QDA-XML:codebook:1.0"

/* ---- GUIDs --------------------------------------------------------------- */

/* A name-based UUID (RFC 4122 version 5, SHA-1) of @name in the namespace
 * of the UUID @space (NULL = Dossier's own): the same inputs always give
 * the same GUID, so exports are reproducible. Lower case. */
char     *dossier_exchange_guid           (const char *space,
                                           const char *name);
/* A GUID as REFI-QDA writes it ("{…}", upper or lower case) made into a
 * lower-case UUID, or NULL if it is not one. */
char     *dossier_exchange_guid_normalize (const char *guid);

/* ---- XML ----------------------------------------------------------------- */

/* Appends @s escaped for XML 1.0 element content (@attribute FALSE) or a
 * double-quoted attribute value: markup characters as entities, CR (and in
 * attributes LF and TAB) as character references so that a parser gives
 * them back, and characters XML cannot carry at all (other C0 controls,
 * U+FFFE, U+FFFF, invalid UTF-8) dropped. */
void      dossier_xml_append_escaped      (GString    *out,
                                           const char *s,
                                           gssize      len,
                                           gboolean    attribute);

/* ---- Zip archives -------------------------------------------------------- */

typedef struct _DossierZipWriter DossierZipWriter;

/* Builds an archive in memory. Entries are deflated and stamped with a
 * fixed date, so the same entries always make the same bytes. */
DossierZipWriter *dossier_zip_writer_new    (void);
/* Takes a reference to @data until the archive is finished. */
gboolean          dossier_zip_writer_add    (DossierZipWriter  *zw,
                                             const char        *name,
                                             GBytes            *data,
                                             GError           **error);
GBytes           *dossier_zip_writer_finish (DossierZipWriter  *zw,
                                             GError           **error);
void              dossier_zip_writer_free   (DossierZipWriter  *zw);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierZipWriter, dossier_zip_writer_free)

/* Limits an archive from elsewhere is held to; every entry is checked when
 * the archive is opened, before anything is extracted. */
typedef struct
{
  guint64 max_entries;
  guint64 max_entry_size;    /* uncompressed bytes of one entry */
  guint64 max_total_size;    /* uncompressed bytes of all entries */
  guint64 max_ratio;         /* uncompressed / compressed, for entries over 1 MB */
} DossierZipLimits;

extern const DossierZipLimits dossier_zip_default_limits;

typedef struct _DossierZipReader DossierZipReader;

/* Opens @path and checks every entry: a "\" in a name is read as "/" (as
 * Windows tools write names), then no absolute paths, drive letters, ".."
 * or NUL in names; no symbolic links or other special
 * files; sizes and compression ratios within @limits (NULL = the
 * defaults). Fails with DOSSIER_EXCHANGE_ERROR_UNSAFE / _TOO_LARGE /
 * _FORMAT naming the entry. */
DossierZipReader *dossier_zip_reader_open      (const char              *path,
                                                const DossierZipLimits  *limits,
                                                GError                 **error);
void              dossier_zip_reader_free      (DossierZipReader        *zr);
guint             dossier_zip_reader_get_n_entries (DossierZipReader    *zr);
/* Entry names, as stored but with "/" for "\" (directories end with "/"). */
const char       *dossier_zip_reader_get_name  (DossierZipReader        *zr,
                                                guint                    index);
/* The index of the entry named @name (exactly, or ignoring ASCII case when
 * @fold_case), or -1. */
int               dossier_zip_reader_find      (DossierZipReader        *zr,
                                                const char              *name,
                                                gboolean                 fold_case);
/* Inflates one entry, never more bytes than its size said (a lying header
 * is refused). */
GBytes           *dossier_zip_reader_read      (DossierZipReader        *zr,
                                                guint                    index,
                                                GCancellable            *cancellable,
                                                GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierZipReader, dossier_zip_reader_free)

/* ---- Writers behind dossier_export_to_stream() --------------------------- */

gboolean dossier_exchange_write_qdpx (DossierExportContext *ctx,
                                      DossierExportWriter  *w,
                                      GError              **error);
gboolean dossier_exchange_write_qdc  (DossierExportContext *ctx,
                                      DossierExportWriter  *w,
                                      GError              **error);
gboolean dossier_exchange_write_w3c  (DossierExportContext *ctx,
                                      DossierExportWriter  *w,
                                      GError              **error);

/* ---- Import: the report ------------------------------------------------- */

DossierImportReport *dossier_import_report_new          (const char          *file_name,
                                                         const char          *format);
/* Adds an item; @why is a printf format. */
void                 dossier_import_report_add          (DossierImportReport *report,
                                                         DossierImportItemKind kind,
                                                         const char          *what,
                                                         const char          *why,
                                                         ...) G_GNUC_PRINTF (4, 5);
void                 dossier_import_report_count        (DossierImportReport *report,
                                                         DossierImportCount   what,
                                                         guint                n);

/* ---- Import: what was read, before it is written ------------------------- */

typedef struct
{
  char   *guid;          /* lower-case UUID, or NULL */
  char   *name;          /* as a tag name: no "/", no line break, not empty */
  char   *color;         /* "#rrggbb", or NULL for the next palette colour */
  char   *description;   /* never NULL */
  int     parent;        /* index in codes, -1 = top level */
  gint64  tag_id;        /* set by the writer */
} DossierExchangeCode;

typedef struct
{
  char   *guid;          /* lower-case UUID, or NULL for a new one */
  gint64  start;         /* code points of the source's text */
  gint64  end;
  char   *memo;          /* never NULL */
  char   *author;        /* never NULL */
  char   *created;       /* ISO 8601 UTC, or NULL for now */
  char   *modified;      /* likewise; NULL = created */
  GArray *codes;         /* int: indices into codes, in the order applied */
  gboolean evidence;     /* cited by a stakeholder or an argument: may stay without a tag */
  gint64  highlight_id;  /* set by the writer */
  char   *highlight_uuid;/* likewise: the UUID it was written with */
} DossierExchangeSelection;

typedef struct
{
  gint64                 document_id;  /* an existing document, or 0: a new one */
  char                  *text_hash;    /* the existing document's text as read */
  char                  *guid;         /* the new document's UUID, or NULL */
  char                  *imported;     /* its import time, or NULL for now */
  DossierParsedDocument *doc;          /* the new document */
  GArray                *selections;   /* of DossierExchangeSelection */
  gint64                 written_id;   /* the document, once written */
  char                  *label;        /* for the report ("Text source “…”"), or NULL */
} DossierExchangeSource;

/* A selection by where the reader put it (the array may grow: never a
 * pointer into it). */
typedef struct
{
  DossierExchangeSource *source;
  guint                  index;
  char                  *note;             /* never NULL */
  DossierEvidenceRole    role;
  int                    stance_position;  /* DOSSIER_STANCE_UNKNOWN unless a stance */
} DossierExchangeEvidence;

typedef struct
{
  char                   *guid;            /* lower-case UUID, or NULL */
  char                   *name;
  char                  **aliases;         /* never NULL */
  DossierStakeholderKind  kind;
  char                   *description;     /* these never NULL */
  char                   *stance;
  char                   *interests;
  int                     stance_position;
  int                     power;
  int                     interest;
  char                   *color;           /* "#rrggbb", or NULL */
  GArray                 *evidence;        /* of DossierExchangeEvidence */
  gint64                  stakeholder_id;  /* set by the writer */
} DossierExchangeStakeholder;

typedef struct
{
  char   *guid;
  char   *text;
  gint64  question_id;                     /* set by the writer */
} DossierExchangeQuestion;

typedef struct
{
  char            *guid;
  int              question;               /* index in questions */
  DossierPolarity  polarity;
  char            *statement;
  int              stakeholder;            /* index in stakeholders, or -1 */
  int              strength;
  GArray          *evidence;               /* of DossierExchangeEvidence */
} DossierExchangeArgument;

typedef struct
{
  char      *guid;
  char      *title;
  char      *body;                         /* citations as the file had them */
  char      *created;                      /* ISO 8601 UTC, or NULL for now */
  char      *modified;
  GPtrArray *documents;                    /* of DossierExchangeSource, in order */
} DossierExchangeBriefing;

typedef struct
{
  GPtrArray           *codes;     /* of DossierExchangeCode, parents first */
  GHashTable          *code_names;/* "PARENT/folded name" of each code: siblings' names */
  GPtrArray           *sources;   /* of DossierExchangeSource */
  DossierImportReport *report;
  int                  uncoded;   /* index of the code for selections without one, or -1 */
  gboolean             only_used_codes;  /* write only codes a selection uses (and their parents) */
  GPtrArray           *stakeholders;     /* of DossierExchangeStakeholder */
  GPtrArray           *questions;        /* of DossierExchangeQuestion */
  GPtrArray           *arguments;        /* of DossierExchangeArgument */
  GPtrArray           *briefings;        /* of DossierExchangeBriefing */
} DossierExchangeData;

DossierExchangeData   *dossier_exchange_data_new      (const char          *file_name,
                                                       const char          *format);
void                   dossier_exchange_data_free     (DossierExchangeData *data);
/* Adds a code (its name made a valid tag name; renamed when a sibling
 * has it already) and returns its index. */
int                    dossier_exchange_data_add_code (DossierExchangeData *data,
                                                       const char          *guid,
                                                       const char          *name,
                                                       const char          *color,
                                                       const char          *description,
                                                       int                  parent);
/* The code given to selections that had none ("Imported without a code"). */
int                    dossier_exchange_data_uncoded  (DossierExchangeData *data);
DossierExchangeSource *dossier_exchange_data_add_source (DossierExchangeData *data);
/* New entities, their fields empty (texts "", ratings 3, stance unknown,
 * no stakeholder), owned by @data. */
DossierExchangeStakeholder *dossier_exchange_data_add_stakeholder (DossierExchangeData *data);
DossierExchangeQuestion    *dossier_exchange_data_add_question    (DossierExchangeData *data);
DossierExchangeArgument    *dossier_exchange_data_add_argument    (DossierExchangeData *data);
DossierExchangeBriefing    *dossier_exchange_data_add_briefing    (DossierExchangeData *data);
void                   dossier_exchange_evidence_add  (GArray                *evidence,
                                                       DossierExchangeSource *source,
                                                       guint                  index,
                                                       const char            *note,
                                                       DossierEvidenceRole    role,
                                                       int                    stance_position);
DossierExchangeSelection *dossier_exchange_source_add_selection (DossierExchangeSource *source);

/* A colour as REFI-QDA writes it ("#rgb", "#rrggbb", any case) as
 * "#rrggbb", or NULL. */
char                  *dossier_exchange_color         (const char          *color);
/* An xsd:dateTime (any offset, fractions) as ISO 8601 UTC, or NULL. */
char                  *dossier_exchange_datetime      (const char          *value);

/* Writes @data into @project as one action labelled @label: tags (merged
 * by name with those already under the same parent), documents,
 * highlights. Counts what it wrote in the report. */
gboolean               dossier_exchange_data_write    (DossierProject          *project,
                                                       DossierExchangeData     *data,
                                                       const char              *label,
                                                       DossierProgress         *progress,
                                                       GCancellable            *cancellable,
                                                       GError                 **error);

/* ---- Import: placing selections (dossier-refi-positions.c) ---------------- */

/* A selection as a file has it, before its positions are mapped. */
typedef struct
{
  gint64   start;       /* as in the file, in the tool's counting */
  gint64   end;
  char    *name;        /* normalized, for matching; NULL if none */
  gboolean truncated;   /* the name was cut short ("…" or "...") */
} DossierRefiRawSelection;

void        dossier_refi_raw_selection_clear (gpointer                 selection);
/* A selection's name made comparable with the text, or NULL. */
char       *dossier_refi_selection_name     (const char              *name,
                                             gboolean                *truncated);

/* Places @selections (of DossierRefiRawSelection) of the source whose
 * file text is @raw in its normalized text (@index): the counting their
 * names agree with best is used, and a selection whose text still
 * disagrees is placed by its name where that occurs word for word.
 * With no name to go by, UTF-16 units are used when code points put
 * selections past the end and UTF-16 units do not. Writes code-point
 * offsets into @starts and @ends (-1 where it cannot be placed), counts
 * those placed by name, and in @n_unchecked those that nothing checked
 * and that lie after a character above U+FFFF (a few characters off if
 * the tool counted UTF-16 units). Returns NULL when the positions were
 * counted as the standard says, else (translated) how. */
const char *dossier_refi_place_selections   (const char              *raw,
                                             gsize                    len,
                                             DossierOffsetIndex      *index,
                                             GArray                  *selections,
                                             gint64                  *starts,
                                             gint64                  *ends,
                                             guint                   *n_placed_by_name,
                                             guint                   *n_unchecked);

/* ---- Import: the readers (no project; run in a worker thread) ------------ */

/* A .qdpx archive or a bare project.qde (@codebook FALSE), or a .qdc. */
DossierExchangeData   *dossier_refi_read              (GFile                   *file,
                                                       gboolean                 codebook,
                                                       DossierProgress         *progress,
                                                       GCancellable            *cancellable,
                                                       GError                 **error);

/* A W3C Web Annotation collection, onto the documents of the project at
 * @project_path (read through a read-only connection of its own). */
DossierExchangeData   *dossier_w3c_read               (GFile                   *file,
                                                       const char              *project_path,
                                                       DossierProgress         *progress,
                                                       GCancellable            *cancellable,
                                                       GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierExchangeData, dossier_exchange_data_free)

G_END_DECLS
