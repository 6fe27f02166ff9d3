/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-zip.c — zip archives through libzip: writing reproducible ones
 * in memory, and reading untrusted ones (a .qdpx from anywhere) with every
 * entry checked before anything is inflated.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <zip.h>

#include "dossier-exchange-private.h"

/* ---- Writing ------------------------------------------------------------- */

struct _DossierZipWriter
{
  zip_source_t *source;   /* the archive's bytes, kept past zip_close() */
  zip_t        *zip;
  GPtrArray    *data;     /* GBytes the entries read from, until closed */
  zip_error_t   error;
};

/* 1980-01-01 00:00, the first date zip can store: no clock, no time zone. */
#define FIXED_DOS_DATE ((0 << 9) | (1 << 5) | 1)
#define FIXED_DOS_TIME 0

static void
set_zip_error (GError     **error,
               const char  *what,
               zip_error_t *ze)
{
  g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO,
               _("Cannot write the archive (%s): %s"), what, zip_error_strerror (ze));
}

DossierZipWriter *
dossier_zip_writer_new (void)
{
  DossierZipWriter *zw = g_new0 (DossierZipWriter, 1);

  zip_error_init (&zw->error);
  zw->data = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  zw->source = zip_source_buffer_create (NULL, 0, 0, &zw->error);
  if (zw->source != NULL)
    {
      zip_source_keep (zw->source);
      zw->zip = zip_open_from_source (zw->source, ZIP_TRUNCATE, &zw->error);
    }

  return zw;
}

gboolean
dossier_zip_writer_add (DossierZipWriter  *zw,
                        const char        *name,
                        GBytes            *data,
                        GError           **error)
{
  zip_source_t *source;
  zip_int64_t index;
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  if (zw->zip == NULL)
    {
      set_zip_error (error, name, &zw->error);
      return FALSE;
    }

  source = zip_source_buffer (zw->zip, size > 0 ? bytes : "", size, 0);
  if (source == NULL)
    {
      set_zip_error (error, name, zip_get_error (zw->zip));
      return FALSE;
    }

  index = zip_file_add (zw->zip, name, source, ZIP_FL_ENC_UTF_8);
  if (index < 0)
    {
      zip_source_free (source);
      set_zip_error (error, name, zip_get_error (zw->zip));
      return FALSE;
    }
  g_ptr_array_add (zw->data, g_bytes_ref (data));

  if (zip_set_file_compression (zw->zip, index, ZIP_CM_DEFLATE, 0) != 0 ||
      zip_file_set_dostime (zw->zip, index, FIXED_DOS_TIME, FIXED_DOS_DATE, 0) != 0)
    {
      set_zip_error (error, name, zip_get_error (zw->zip));
      return FALSE;
    }

  return TRUE;
}

GBytes *
dossier_zip_writer_finish (DossierZipWriter  *zw,
                           GError           **error)
{
  zip_stat_t st;
  GByteArray *out;
  zip_int64_t n;

  if (zw->zip == NULL)
    {
      set_zip_error (error, "open", &zw->error);
      return NULL;
    }

  if (zip_close (zw->zip) != 0)
    {
      set_zip_error (error, "close", zip_get_error (zw->zip));
      return NULL;
    }
  zw->zip = NULL;
  g_ptr_array_set_size (zw->data, 0);

  zip_stat_init (&st);
  if (zip_source_stat (zw->source, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
      zip_source_open (zw->source) != 0)
    {
      set_zip_error (error, "read", zip_source_error (zw->source));
      return NULL;
    }

  out = g_byte_array_sized_new ((guint) st.size);
  g_byte_array_set_size (out, (guint) st.size);
  n = st.size > 0 ? zip_source_read (zw->source, out->data, st.size) : 0;
  zip_source_close (zw->source);
  if (n < 0 || (zip_uint64_t) n != st.size)
    {
      g_byte_array_unref (out);
      set_zip_error (error, "read", zip_source_error (zw->source));
      return NULL;
    }

  return g_byte_array_free_to_bytes (out);
}

void
dossier_zip_writer_free (DossierZipWriter *zw)
{
  if (zw == NULL)
    return;

  if (zw->zip != NULL)
    zip_discard (zw->zip);
  if (zw->source != NULL)
    zip_source_free (zw->source);
  g_ptr_array_unref (zw->data);
  zip_error_fini (&zw->error);
  g_free (zw);
}

/* ---- Reading ------------------------------------------------------------- */

/* Large enough for a project of thousands of documents and a hundred
 * thousand codings (its project.qde is ~60 MB); far below what a zip bomb
 * would inflate to. */
const DossierZipLimits dossier_zip_default_limits = {
  .max_entries = 100000,
  .max_entry_size = 256 * 1024 * 1024,
  .max_total_size = 1024 * 1024 * 1024,
  .max_ratio = 200,
};

/* Entries under this size are not held to the ratio: a few KB of
 * repetitive XML can compress a thousandfold without harm. */
#define RATIO_MIN_SIZE (1024 * 1024)

typedef struct
{
  char    *name;
  guint64  size;
} Entry;

struct _DossierZipReader
{
  char   *path;
  zip_t  *zip;
  GArray *entries;   /* of Entry, by index */
};

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->name);
}

void
dossier_zip_reader_free (DossierZipReader *zr)
{
  if (zr == NULL)
    return;

  if (zr->zip != NULL)
    zip_discard (zr->zip);
  g_clear_pointer (&zr->entries, g_array_unref);
  g_free (zr->path);
  g_free (zr);
}

/* Why a name could leave the folder the archive would be extracted to,
 * on some system; NAME_SAFE when it cannot. */
typedef enum
{
  NAME_SAFE,
  NAME_OUTSIDE,    /* empty, absolute, a drive or a stream (":"), "..", not UTF-8 */
  NAME_TOO_LONG,
} NameCheck;

#define MAX_NAME_BYTES 1024

static NameCheck
check_name (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (name[0] == '\0' || name[0] == '/' || !g_utf8_validate (name, -1, NULL))
    return NAME_OUTSIDE;
  if (strlen (name) > MAX_NAME_BYTES)
    return NAME_TOO_LONG;
  /* "C:…" (a drive), and colons in general (NTFS streams). */
  if (strchr (name, ':') != NULL)
    return NAME_OUTSIDE;

  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0)
      return NAME_OUTSIDE;

  return NAME_SAFE;
}

/* @name as a message shows it: "?" if it is not text, its first 60
 * characters and "…" if it is longer. */
static char *
shown_name (const char *name)
{
  if (!g_utf8_validate (name, -1, NULL))
    return g_strdup ("?");
  if (g_utf8_strlen (name, -1) <= 60)
    return g_strdup (name);
  {
    g_autofree char *start = g_utf8_substring (name, 0, 60);

    return g_strconcat (start, "…", NULL);
  }
}

DossierZipReader *
dossier_zip_reader_open (const char              *path,
                         const DossierZipLimits  *limits,
                         GError                 **error)
{
  g_autoptr(DossierZipReader) zr = g_new0 (DossierZipReader, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *display = g_filename_display_basename (path);
  zip_int64_t n;
  guint64 total = 0;
  gboolean duplicates = FALSE;
  int ze = 0;

  if (limits == NULL)
    limits = &dossier_zip_default_limits;

  zr->path = g_strdup (path);
  zr->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (zr->entries, entry_clear);

  zr->zip = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
  /* ZIP_CHECKCONS refuses two entries of one name (“File already
   * exists”, as if the import wrote over a file) without naming them: the
   * archive is opened again without it, only for the check below to refuse
   * it naming the file. */
  if (zr->zip == NULL && ze == ZIP_ER_EXISTS)
    {
      duplicates = TRUE;
      zr->zip = zip_open (path, ZIP_RDONLY, &ze);
    }
  if (zr->zip == NULL)
    {
      zip_error_t zerr;

      zip_error_init_with_code (&zerr, ze);
      if (ze == ZIP_ER_NOZIP || ze == ZIP_ER_INCONS)
        g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                     _("“%s” is not a REFI-QDA project: it is not a zip archive, or a damaged one (%s)."),
                     display, zip_error_strerror (&zerr));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Cannot open “%s”: %s"), display, zip_error_strerror (&zerr));
      zip_error_fini (&zerr);
      return NULL;
    }

  n = zip_get_num_entries (zr->zip, 0);
  if (n < 0 || (guint64) n > limits->max_entries)
    {
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_TOO_LARGE,
                   _("“%s” holds too many files (%" PRId64 "; at most %" PRIu64
                     " are read)."), display, (gint64) n, limits->max_entries);
      return NULL;
    }

  for (zip_int64_t i = 0; i < n; i++)
    {
      zip_stat_t st;
      zip_uint8_t opsys = 0;
      zip_uint32_t attributes = 0;
      Entry entry = { 0 };
      g_autofree char *name = NULL;
      NameCheck check;

      zip_stat_init (&st);
      if (zip_stat_index (zr->zip, i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
          !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
        {
          g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                       _("“%s” is damaged: file %" PRId64 " of the archive cannot be read."),
                       display, (gint64) i + 1);
          return NULL;
        }

      /* Windows tools write "sources\abc.txt", where the zip format has
       * "/": read so, and checked as read ("..\x" is "../x"). */
      name = g_strdelimit (g_strdup (st.name), "\\", '/');
      check = check_name (name);
      if (check != NAME_SAFE)
        {
          g_autofree char *shown = shown_name (st.name);

          if (check == NAME_TOO_LONG)
            g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE,
                         _("“%s” was refused: its file “%s” has a name longer than %d bytes, "
                           "which no project needs. The archive may have been tampered with."),
                         display, shown, MAX_NAME_BYTES);
          else
            g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE,
                         _("“%s” was refused: its file “%s” would be written outside the project "
                           "(an absolute path or “..”). The archive may have been tampered with."),
                         display, shown);
          return NULL;
        }

      if (zip_file_get_external_attributes (zr->zip, i, 0, &opsys, &attributes) == 0 &&
          opsys == ZIP_OPSYS_UNIX)
        {
          guint32 mode = attributes >> 16;

          /* Permission bits alone (no file type) are common: Python's
           * zipfile writes 0600. Only a type other than file or folder
           * is refused. */
          if ((mode & S_IFMT) != 0 && !S_ISREG (mode) && !S_ISDIR (mode))
            {
              g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE,
                           _("“%s” was refused: its file “%s” is a symbolic link or a special "
                             "file, which a project never holds."),
                           display, st.name);
              return NULL;
            }
        }

      if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        {
          g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                       _("“%s” cannot be read: its file “%s” is encrypted."), display, st.name);
          return NULL;
        }

      if (st.size > limits->max_entry_size ||
          (st.size > RATIO_MIN_SIZE && st.size / MAX (st.comp_size, 1) > limits->max_ratio))
        {
          g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_TOO_LARGE,
                       _("“%s” was refused: its file “%s” would inflate to %" PRIu64
                         " bytes from %" PRIu64 " (a “zip bomb”, or too large to "
                         "import)."),
                       display, st.name, (guint64) st.size, (guint64) st.comp_size);
          return NULL;
        }

      total += st.size;
      if (total > limits->max_total_size)
        {
          g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_TOO_LARGE,
                       _("“%s” was refused: its files would inflate to more than %" PRIu64
                         " MB."), display, limits->max_total_size / (1024 * 1024));
          return NULL;
        }

      if (g_hash_table_contains (seen, name))
        {
          g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE,
                       _("“%s” was refused: it holds two files named “%s”."), display, name);
          return NULL;
        }

      entry.name = g_steal_pointer (&name);
      entry.size = st.size;
      g_array_append_val (zr->entries, entry);
      g_hash_table_add (seen, entry.name);
    }

  if (duplicates)
    {
      /* Not found by name above: never read what libzip found unsound. */
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE,
                   _("“%s” was refused: it holds two files of the same name."), display);
      return NULL;
    }

  return g_steal_pointer (&zr);
}

guint
dossier_zip_reader_get_n_entries (DossierZipReader *zr)
{
  return zr->entries->len;
}

const char *
dossier_zip_reader_get_name (DossierZipReader *zr,
                             guint             index)
{
  g_return_val_if_fail (index < zr->entries->len, NULL);

  return g_array_index (zr->entries, Entry, index).name;
}

int
dossier_zip_reader_find (DossierZipReader *zr,
                         const char       *name,
                         gboolean          fold_case)
{
  for (guint i = 0; i < zr->entries->len; i++)
    {
      const char *entry = g_array_index (zr->entries, Entry, i).name;

      if (fold_case ? g_ascii_strcasecmp (entry, name) == 0 : strcmp (entry, name) == 0)
        return (int) i;
    }

  return -1;
}

#define READ_CHUNK (256 * 1024)

GBytes *
dossier_zip_reader_read (DossierZipReader  *zr,
                         guint              index,
                         GCancellable      *cancellable,
                         GError           **error)
{
  const Entry *entry;
  zip_file_t *file;
  GByteArray *out;
  guint64 done = 0;

  g_return_val_if_fail (index < zr->entries->len, NULL);
  entry = &g_array_index (zr->entries, Entry, index);

  file = zip_fopen_index (zr->zip, index, 0);
  if (file == NULL)
    {
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                   _("Cannot read “%s” in the archive: %s"), entry->name,
                   zip_error_strerror (zip_get_error (zr->zip)));
      return NULL;
    }

  /* One byte more than announced is read, to catch a lying header. */
  out = g_byte_array_sized_new ((guint) MIN (entry->size + 1, G_MAXUINT));
  for (;;)
    {
      guint64 want = MIN ((guint64) READ_CHUNK, entry->size + 1 - done);
      zip_int64_t got;

      if (want == 0)
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;

      g_byte_array_set_size (out, (guint) (done + want));
      got = zip_fread (file, out->data + done, want);
      if (got < 0)
        {
          g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                       _("Cannot read “%s” in the archive: %s"), entry->name,
                       zip_error_strerror (zip_file_get_error (file)));
          goto fail;
        }
      done += got;
      if (got == 0)
        break;
    }

  if (done != entry->size)
    {
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE,
                   _("“%s” in the archive is not the size its header says; the archive is "
                     "damaged or was tampered with."), entry->name);
      goto fail;
    }

  zip_fclose (file);
  g_byte_array_set_size (out, (guint) done);
  return g_byte_array_free_to_bytes (out);

fail:
  zip_fclose (file);
  g_byte_array_unref (out);
  return NULL;
}
