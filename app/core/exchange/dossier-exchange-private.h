/* dossier-exchange-private.h — what the exchange formats share inside the
 * core: name-based GUIDs, XML escaping, the zip archive (libzip) with its
 * safety checks, and the writers that dossier_export_to_stream() calls.
 * Not for the UI or the CLI.
 */
#pragma once

#include <gio/gio.h>

#include <dossier/dossier-exchange.h>

#include "dossier-export-private.h"

G_BEGIN_DECLS

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

/* Opens @path and checks every entry: no absolute paths, drive letters,
 * "..", backslashes or NUL in names; no symbolic links or other special
 * files; sizes and compression ratios within @limits (NULL = the
 * defaults). Fails with DOSSIER_EXCHANGE_ERROR_UNSAFE / _TOO_LARGE /
 * _FORMAT naming the entry. */
DossierZipReader *dossier_zip_reader_open      (const char              *path,
                                                const DossierZipLimits  *limits,
                                                GError                 **error);
void              dossier_zip_reader_free      (DossierZipReader        *zr);
guint             dossier_zip_reader_get_n_entries (DossierZipReader    *zr);
/* Entry names, as stored (directories end with "/"). */
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

G_END_DECLS
