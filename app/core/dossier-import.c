/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-import.c — import dispatch: size checks, binary detection,
 * decoding, format detection, and the hand-over to each format's importer.
 *
 * Every error names the file and says what to do, since it ends up in front
 * of a person who picked that file.
 *
 * Binary detection rule (for data without a UTF-16/32 BOM): known magic
 * numbers are refused at once; otherwise up to 2 NUL bytes plus one per KiB
 * are tolerated as stray damage (dossier_text_normalize() drops them), more
 * than that means binary; so does more than 10% of bytes being control
 * characters other than white space.
 */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include <dossier/dossier-document.h>

#include "dossier-import-private.h"
#include "dossier-project-private.h"
#include "dossier-text-private.h"

/* dossier_import_error_quark() is defined in dossier-text.c. */

static const char *format_names[] = {
  [DOSSIER_FORMAT_AUTO] = "auto",
  [DOSSIER_FORMAT_TEXT] = "text",
  [DOSSIER_FORMAT_MARKDOWN] = "markdown",
  [DOSSIER_FORMAT_HTML] = "html",
};

gboolean
dossier_format_from_string (const char    *str,
                            DossierFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_ascii_strcasecmp (str, format_names[i]) == 0)
        {
          *format = (DossierFormat) i;
          return TRUE;
        }
    }

  /* Common spellings people type on the command line. */
  if (g_ascii_strcasecmp (str, "txt") == 0 || g_ascii_strcasecmp (str, "plain") == 0)
    *format = DOSSIER_FORMAT_TEXT;
  else if (g_ascii_strcasecmp (str, "md") == 0)
    *format = DOSSIER_FORMAT_MARKDOWN;
  else if (g_ascii_strcasecmp (str, "htm") == 0)
    *format = DOSSIER_FORMAT_HTML;
  else
    return FALSE;

  return TRUE;
}

const char *
dossier_format_to_string (DossierFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), NULL);

  return format_names[format];
}

DossierParsedDocument *
dossier_parsed_document_new (void)
{
  DossierParsedDocument *doc = g_new0 (DossierParsedDocument, 1);

  doc->blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));
  doc->notes = g_ptr_array_new_with_free_func (g_free);

  return doc;
}

void
dossier_parsed_document_free (DossierParsedDocument *doc)
{
  if (doc == NULL)
    return;

  g_free (doc->title);
  g_free (doc->author);
  g_free (doc->outlet);
  g_free (doc->source);
  g_free (doc->published);
  g_free (doc->format);
  g_clear_pointer (&doc->original, g_bytes_unref);
  g_free (doc->text);
  g_clear_pointer (&doc->blocks, g_array_unref);
  g_clear_pointer (&doc->notes, g_ptr_array_unref);
  g_free (doc);
}

/* ------------------------------------------------------------------------ */
/* Binary detection and decoding                                            */

typedef struct
{
  const char *magic;
  gsize       len;
  gsize       offset;
  const char *what;
} MagicNumber;

#define M(s) s, sizeof (s) - 1

/* Kinds of files people pick by mistake, with a name for the message. */
static const MagicNumber magic_numbers[] = {
  { M ("\x89PNG\r\n\x1a\n"), 0, N_("a PNG image") },
  { M ("\xff\xd8\xff"), 0, N_("a JPEG image") },
  { M ("GIF87a"), 0, N_("a GIF image") },
  { M ("GIF89a"), 0, N_("a GIF image") },
  { M ("WEBP"), 8, N_("a WebP image") },
  { M ("II*\0"), 0, N_("a TIFF image") },
  { M ("MM\0*"), 0, N_("a TIFF image") },
  { M ("%PDF-"), 0, N_("a PDF document") },
  { M ("PK\x03\x04"), 0, N_("a ZIP archive or an office document") },
  { M ("PK\x05\x06"), 0, N_("a ZIP archive") },
  { M ("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), 0, N_("an old Microsoft Office document") },
  { M ("{\\rtf"), 0, N_("an RTF document") },
  { M ("\x1f\x8b"), 0, N_("a compressed (gzip) file") },
  { M ("\xfd" "7zXZ\0"), 0, N_("a compressed (xz) file") },
  { M ("7z\xbc\xaf\x27\x1c"), 0, N_("a 7-Zip archive") },
  { M ("Rar!\x1a\x07"), 0, N_("a RAR archive") },
  { M ("\x7f" "ELF"), 0, N_("a program") },
  { M ("SQLite format 3\0"), 0, N_("a database") },
  { M ("ftyp"), 4, N_("a video or audio file") },
  { M ("ID3"), 0, N_("an audio file") },
  { M ("OggS"), 0, N_("an audio or video file") },
  { M ("fLaC"), 0, N_("an audio file") },
  { M ("\x1a\x45\xdf\xa3"), 0, N_("a video file") },
  { M ("wOFF"), 0, N_("a font") },
  { M ("wOF2"), 0, N_("a font") },
};

#undef M

static const char *
display_or_default (const char *display)
{
  return display != NULL ? display : _("The document");
}

static gboolean
check_binary (const guint8  *data,
              gsize          len,
              const char    *display,
              GError       **error)
{
  gsize nuls = 0;
  gsize controls = 0;

  for (guint i = 0; i < G_N_ELEMENTS (magic_numbers); i++)
    {
      const MagicNumber *m = &magic_numbers[i];

      if (len >= m->offset + m->len && memcmp (data + m->offset, m->magic, m->len) == 0)
        {
          g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NOT_TEXT,
                       /* Translators: the second %s is e.g. “a PNG image” */
                       _("“%s” is not a text file (it looks like %s). "
                         "Import a text, Markdown or HTML file."),
                       display_or_default (display), _(m->what));
          return FALSE;
        }
    }

  for (gsize i = 0; i < len; i++)
    {
      guint8 c;

      /* Eight bytes at a time while none is below 0x20 (the usual case). */
      while (len - i >= 8)
        {
          guint64 w;

          memcpy (&w, data + i, 8);
          if (((w - G_GUINT64_CONSTANT (0x2020202020202020)) & ~w &
               G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
          i += 8;
        }
      if (i >= len)
        break;

      c = data[i];
      if (c >= 0x20)
        continue;
      if (c == 0)
        nuls++;
      else if (c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b)
        controls++;
    }

  if (nuls > 2 + len / 1024 || controls * 10 > len)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NOT_TEXT,
                   _("“%s” contains binary data, not text. "
                     "Import a text, Markdown or HTML file."),
                   display_or_default (display));
      return FALSE;
    }

  return TRUE;
}

static char *
copy_utf8 (const guint8 *data,
           gsize         len,
           gsize        *out_len)
{
  char *copy = g_malloc (len + 1);

  memcpy (copy, data, len);
  copy[len] = '\0';
  if (out_len != NULL)
    *out_len = len;

  return copy;
}

static char *
convert_from (const guint8  *data,
              gsize          len,
              const char    *charset,
              const char    *display,
              gsize         *out_len,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize written = 0;
  char *out;

  out = g_convert ((const char *) data, len, "UTF-8", charset, NULL, &written, &local_error);
  if (out == NULL)
    {
      if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING,
                     _("“%s” uses the character set “%s”, which is not supported; "
                       "save it as UTF-8 and import it again"),
                     display_or_default (display), charset);
      else
        g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING,
                     _("“%s” is not valid %s text; save it as UTF-8 and import it again"),
                     display_or_default (display), charset);
      return NULL;
    }

  if (out_len != NULL)
    *out_len = written;

  return out;
}

static gboolean
is_utf8_name (const char *charset)
{
  return g_ascii_strcasecmp (charset, "utf-8") == 0 ||
         g_ascii_strcasecmp (charset, "utf8") == 0 ||
         g_ascii_strcasecmp (charset, "unicode-1-1-utf-8") == 0;
}

static gboolean
has_non_ascii (const guint8 *data,
               gsize         len)
{
  for (gsize i = 0; i < len; i++)
    if (data[i] >= 0x80)
      return TRUE;

  return FALSE;
}

static char *
decode (const guint8  *data,
        gsize          len,
        const char    *charset_hint,
        const char    *display,
        gsize         *out_len,
        GError       **error)
{
  static const struct {
    const char *bom;
    gsize       len;
    const char *charset;
  } boms[] = {
    /* UTF-32 first: its little-endian BOM starts like UTF-16's. */
    { "\xff\xfe\0\0", 4, "UTF-32LE" },
    { "\0\0\xfe\xff", 4, "UTF-32BE" },
    { "\xef\xbb\xbf", 3, "UTF-8" },
    { "\xff\xfe", 2, "UTF-16LE" },
    { "\xfe\xff", 2, "UTF-16BE" },
  };
  gsize bad = 0;

  if (len == 0)
    {
      if (out_len != NULL)
        *out_len = 0;
      return g_strdup ("");
    }

  for (guint i = 0; i < G_N_ELEMENTS (boms); i++)
    {
      if (len < boms[i].len || memcmp (data, boms[i].bom, boms[i].len) != 0)
        continue;

      data += boms[i].len;
      len -= boms[i].len;

      if (i == 2)
        {
          /* UTF-8 with a BOM: still check for binary content. */
          if (!check_binary (data, len, display, error))
            return NULL;
          if (!dossier_text_validate ((const char *) data, len, &bad))
            {
              g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING,
                           _("“%s” is not valid UTF-8 text (the first bad character is on "
                             "line %u); save it as UTF-8 and import it again"),
                           display_or_default (display), dossier_text_line_at ((const char *) data, bad));
              return NULL;
            }
          return copy_utf8 (data, len, out_len);
        }

      return convert_from (data, len, boms[i].charset, display, out_len, error);
    }

  if (!check_binary (data, len, display, error))
    return NULL;

  /* Valid UTF-8 with non-ASCII characters is trusted over a declared
   * charset: pages re-saved as UTF-8 often keep their old <meta charset>,
   * while legacy text that happens to be valid UTF-8 is vanishingly rare. */
  if (dossier_text_validate ((const char *) data, len, &bad))
    {
      if (charset_hint == NULL || is_utf8_name (charset_hint) || has_non_ascii (data, len))
        return copy_utf8 (data, len, out_len);
    }

  if (charset_hint != NULL && !is_utf8_name (charset_hint))
    {
      /* Browsers read ISO-8859-1 and ASCII as windows-1252, whose curly
       * quotes and dashes legacy pages really contain. */
      if (g_ascii_strcasecmp (charset_hint, "iso-8859-1") == 0 ||
          g_ascii_strcasecmp (charset_hint, "latin1") == 0 ||
          g_ascii_strcasecmp (charset_hint, "us-ascii") == 0 ||
          g_ascii_strcasecmp (charset_hint, "ascii") == 0)
        {
          char *out = convert_from (data, len, "WINDOWS-1252", display, out_len, NULL);
          if (out != NULL)
            return out;
          return convert_from (data, len, "ISO-8859-1", display, out_len, error);
        }

      return convert_from (data, len, charset_hint, display, out_len, error);
    }

  g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING,
               _("“%s” is not UTF-8 text (the first character that is not is on line %u); "
                 "save it as UTF-8 and import it again"),
               display_or_default (display), dossier_text_line_at ((const char *) data, bad));
  return NULL;
}

gboolean
dossier_import_finish_text (DossierTextBuilder     *builder,
                            DossierParsedDocument  *doc,
                            GError                **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) blocks = NULL;

  dossier_text_builder_finish (builder, &text, &blocks);

  if (text[0] == '\0')
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                           _("The document contains no text"));
      return FALSE;
    }

  g_free (doc->text);
  doc->text = g_steal_pointer (&text);
  g_clear_pointer (&doc->blocks, g_array_unref);
  doc->blocks = g_steal_pointer (&blocks);

  return TRUE;
}

char *
dossier_import_decode (const guint8  *data,
                       gsize          len,
                       const char    *charset_hint,
                       gsize         *out_len,
                       GError       **error)
{
  return dossier_import_decode_named (data, len, charset_hint, NULL, out_len, error);
}

char *
dossier_import_decode_named (const guint8  *data,
                             gsize          len,
                             const char    *charset_hint,
                             const char    *display,
                             gsize         *out_len,
                             GError       **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return decode (data, len, charset_hint, display, out_len, error);
}

/* ------------------------------------------------------------------------ */
/* Format detection                                                         */

static DossierFormat
format_from_name (const char *name)
{
  const char *dot;

  if (name == NULL)
    return DOSSIER_FORMAT_AUTO;

  dot = strrchr (name, '.');
  if (dot == NULL || strchr (dot, '/') != NULL)
    return DOSSIER_FORMAT_AUTO;
  dot++;

  if (g_ascii_strcasecmp (dot, "txt") == 0 || g_ascii_strcasecmp (dot, "text") == 0)
    return DOSSIER_FORMAT_TEXT;
  if (g_ascii_strcasecmp (dot, "md") == 0 || g_ascii_strcasecmp (dot, "markdown") == 0 ||
      g_ascii_strcasecmp (dot, "mdown") == 0 || g_ascii_strcasecmp (dot, "mkd") == 0)
    return DOSSIER_FORMAT_MARKDOWN;
  if (g_ascii_strcasecmp (dot, "html") == 0 || g_ascii_strcasecmp (dot, "htm") == 0 ||
      g_ascii_strcasecmp (dot, "xhtml") == 0)
    return DOSSIER_FORMAT_HTML;

  return DOSSIER_FORMAT_AUTO;
}

static gboolean
starts_with_ci (const char *s,
                const char *prefix)
{
  return g_ascii_strncasecmp (s, prefix, strlen (prefix)) == 0;
}

/* Counts Markdown-only constructs in the first 64 KiB: ATX headings, code
 * fences, [links](…) and setext underlines. Bullets alone prove nothing:
 * plain text has them too. */
static gboolean
looks_like_markdown (const char *s,
                     gsize       len)
{
  const char *end = s + MIN (len, 65536);
  const char *line = s;
  gsize prev_len = 0;
  int score = 0;

  while (line < end)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *eol = nl != NULL ? nl : end;
      gsize n = eol - line;
      gsize hashes = 0;

      while (hashes < n && line[hashes] == '#')
        hashes++;
      if (hashes >= 1 && hashes <= 6 && hashes < n && line[hashes] == ' ')
        score += 2;
      else if (n >= 3 && (strncmp (line, "```", 3) == 0 || strncmp (line, "~~~", 3) == 0))
        score += 2;
      else if (n >= 3 && prev_len > 0)
        {
          /* A setext underline ("===") below a line of text. */
          gsize eq = 0;

          while (eq < n && line[eq] == '=')
            eq++;
          if (eq == n)
            score += 2;
        }

      for (const char *p = line; p + 1 < eol; p++)
        {
          if (p[0] == ']' && p[1] == '(' && memchr (line, '[', p - line) != NULL)
            {
              score += 2;
              break;
            }
        }

      if (score >= 2)
        return TRUE;

      prev_len = n;
      line = eol + 1;
    }

  return FALSE;
}

static DossierFormat
sniff_format (const guint8 *data,
              gsize         len)
{
  char head[2048 + 1];
  gsize n = 0;
  const char *p;

  /* An ASCII view of the start: NUL bytes of UTF-16 skipped. */
  for (gsize i = 0; i < len && n < sizeof head - 1; i++)
    if (data[i] != 0)
      head[n++] = data[i];
  head[n] = '\0';

  p = head;
  if (n >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  else if (n >= 2 && ((guchar) p[0] == 0xff || (guchar) p[0] == 0xfe))
    p += 2;
  while (g_ascii_isspace (*p))
    p++;

  if (starts_with_ci (p, "<!doctype html") || starts_with_ci (p, "<html") ||
      starts_with_ci (p, "<head") || starts_with_ci (p, "<body"))
    return DOSSIER_FORMAT_HTML;

  if (*p == '<')
    {
      /* <?xml …?> or a comment first, then the page. */
      g_autofree char *lower = g_ascii_strdown (p, -1);

      if (strstr (lower, "<html") != NULL || strstr (lower, "<body") != NULL)
        return DOSSIER_FORMAT_HTML;
    }

  if (looks_like_markdown ((const char *) data, len))
    return DOSSIER_FORMAT_MARKDOWN;

  return DOSSIER_FORMAT_TEXT;
}

/* ------------------------------------------------------------------------ */
/* Import                                                                    */

static char *
title_from_name (const char *name)
{
  g_autofree char *base = NULL;
  char *dot;

  if (name == NULL || *name == '\0')
    return g_strdup (_("Untitled document"));

  base = g_path_get_basename (name);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';

  /* File names are often words joined by underscores or dashes. */
  g_strdelimit (base, "_", ' ');
  g_strstrip (base);
  if (*base == '\0' || !g_utf8_validate (base, -1, NULL))
    return g_strdup (_("Untitled document"));

  return g_steal_pointer (&base);
}

/* Makes sure an importer's error names the file. */
static void
name_error (GError     *error,
            const char *display)
{
  char *message;

  if (error == NULL || display == NULL || strstr (error->message, display) != NULL)
    return;

  message = g_strdup_printf (_("Cannot import “%s”: %s"), display, error->message);
  g_free (error->message);
  error->message = message;
}

/* How many bytes at the end of @data are the start of a UTF-8 character
 * that the file stops in the middle of (0 if none): only when all before
 * them is UTF-8, and that it is UTF-8 is sure (the cut piece has two
 * bytes or more, or other characters than ASCII come before), since a
 * last byte of a legacy charset looks the same. */
static gsize
cut_character (const guint8 *data,
               gsize         len)
{
  for (gsize n = 1; n <= 3 && n <= len; n++)
    {
      guint8 c = data[len - n];
      gsize need;

      if (c >= 0x80 && c <= 0xbf)
        continue;   /* a continuation byte: the lead is further back */
      if (c < 0xc2 || c > 0xf4)
        return 0;
      need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      if (n >= need || !g_utf8_validate_len ((const char *) data, len - n, NULL))
        return 0;
      return n >= 2 || has_non_ascii (data, len - n) ? n : 0;
    }
  return 0;
}

static void
add_note (DossierParsedDocument *doc,
          char                  *note)
{
  if (doc->notes == NULL)
    doc->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (doc->notes, note);
}

char *
dossier_import_title_note (const char *title,
                           const char *display)
{
  if (title == NULL || g_utf8_strlen (title, -1) <= DOSSIER_DOCUMENT_MAX_TITLE)
    return NULL;
  return g_strdup_printf (_("The title of “%s” has more than %d characters: it was "
                            "shortened to that many, “…” at its end."),
                          display_or_default (display), DOSSIER_DOCUMENT_MAX_TITLE);
}

static DossierParsedDocument *
import_bytes (GBytes        *bytes,
              DossierFormat  format,
              const char    *name_hint,
              const char    *display,
              GError       **error)
{
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *title_note = NULL;
  const guint8 *data;
  gsize len, cut;
  gboolean ok, cut_off = FALSE;

  data = g_bytes_get_data (bytes, &len);

  if (len > DOSSIER_IMPORT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *limit = g_format_size (DOSSIER_IMPORT_MAX_BYTES);

      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to import (%s; the limit is %s)"),
                   display_or_default (display), size, limit);
      return NULL;
    }

  if (len == 0)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty: there is no text to import."),
                   display_or_default (display));
      return NULL;
    }

  if (format == DOSSIER_FORMAT_AUTO)
    format = format_from_name (name_hint);
  if (format == DOSSIER_FORMAT_AUTO)
    format = sniff_format (data, len);

  doc = dossier_parsed_document_new ();

  /* Cut in the middle of a character: what comes before is imported. */
  cut = cut_character (data, len);
  if (cut > 0 && cut < len)
    len -= cut;
  else
    cut = 0;

  if (format == DOSSIER_FORMAT_HTML)
    {
      ok = dossier_import_html_parse (data, len, display, doc, &cut_off, &local_error);
    }
  else
    {
      g_autofree char *utf8 = NULL;
      gsize utf8_len = 0;

      utf8 = decode (data, len, NULL, display, &utf8_len, &local_error);
      if (utf8 == NULL)
        ok = FALSE;
      else if (format == DOSSIER_FORMAT_MARKDOWN)
        ok = dossier_import_markdown_parse (utf8, utf8_len, doc, &cut_off, &local_error);
      else
        ok = dossier_import_text_parse (utf8, utf8_len, doc, &local_error);
    }

  if (ok && (doc->text == NULL || doc->text[0] == '\0'))
    {
      g_clear_error (&local_error);
      g_set_error (&local_error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                   _("“%s” contains no text to import."), display_or_default (display));
      ok = FALSE;
    }

  if (!ok)
    {
      if (local_error == NULL)
        g_set_error (&local_error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_FORMAT,
                     _("“%s” could not be imported"), display_or_default (display));
      else if (g_error_matches (local_error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY) &&
               display != NULL && strstr (local_error->message, display) == NULL)
        {
          g_clear_error (&local_error);
          g_set_error (&local_error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                       _("“%s” contains no text to import."), display);
        }
      else
        name_error (local_error, display);

      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (doc->blocks == NULL)
    doc->blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));

  if (doc->title != NULL)
    g_strstrip (doc->title);
  if (doc->title == NULL || doc->title[0] == '\0')
    {
      g_free (doc->title);
      doc->title = title_from_name (name_hint);
    }

  g_free (doc->format);
  doc->format = g_strdup (dossier_format_to_string (format));

  /* What the project will shorten (dossier_project_add_document ()). */
  title_note = dossier_import_title_note (doc->title, display);
  if (title_note != NULL)
    add_note (doc, g_steal_pointer (&title_note));
  if (doc->author != NULL && g_utf8_strlen (doc->author, -1) > DOSSIER_DOCUMENT_MAX_AUTHOR)
    add_note (doc, g_strdup_printf (_("The author of “%s” has more than %d characters: it was "
                                      "shortened to that many, “…” at its end."),
                                    display_or_default (display), DOSSIER_DOCUMENT_MAX_AUTHOR));
  if (doc->outlet != NULL && g_utf8_strlen (doc->outlet, -1) > DOSSIER_DOCUMENT_MAX_OUTLET)
    add_note (doc, g_strdup_printf (_("The outlet of “%s” has more than %d characters: it was "
                                      "shortened to that many, “…” at its end."),
                                    display_or_default (display), DOSSIER_DOCUMENT_MAX_OUTLET));

  if (cut > 0)
    add_note (doc, g_strdup_printf (_("“%s” looks cut off: it ends in the middle of a character. "
                                      "What it holds was imported; compare it with its source "
                                      "to see what is missing."),
                                    display_or_default (display)));
  else if (cut_off && format == DOSSIER_FORMAT_HTML)
    add_note (doc, g_strdup_printf (_("“%s” looks cut off: the page stops before its end (its "
                                      "closing tags are missing). What it holds was imported; "
                                      "compare it with its source to see what is missing."),
                                    display_or_default (display)));
  else if (cut_off)
    add_note (doc, g_strdup_printf (_("“%s” looks cut off: it ends inside a block of code that "
                                      "is never closed. What it holds was imported; compare it "
                                      "with its source to see what is missing."),
                                    display_or_default (display)));

  g_clear_pointer (&doc->original, g_bytes_unref);
  doc->original = g_bytes_ref (bytes);

  return g_steal_pointer (&doc);
}

DossierParsedDocument *
dossier_import_bytes (GBytes         *bytes,
                      DossierFormat   format,
                      const char     *name_hint,
                      GError        **error)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name_hint != NULL)
    display = g_filename_display_basename (name_hint);

  return import_bytes (bytes, format, name_hint, display, error);
}

/* A Dossier project's file, or one kept beside it while it is open (its
 * lock, which is text and so listed among a chooser's articles; SQLite's
 * log and shared memory): never an article. */
static gboolean
is_project_part (const char *basename)
{
  static const char * const suffixes[] = {
    ".dossier", ".dossier.lock", ".dossier-wal", ".dossier-shm", ".dossier-journal",
  };
  g_autofree char *lower = g_ascii_strdown (basename, -1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

/* Why the file @display could not be read (@io_error, GIO's), in words
 * that say what to do; a cancellation stays one. */
static void
set_read_error (GError      **error,
                GError      **io_error,
                const char   *display)
{
  GError *e = *io_error;

  if (g_error_matches (e, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (io_error));
  else if (g_error_matches (e, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    /* Mistyped, or moved or deleted since it was chosen. */
    g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO,
                 _("Cannot import “%s”: the file is not there (moved, renamed or deleted?). "
                   "Import it from where it is now."), display);
  else if (g_error_matches (e, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO,
                 _("Cannot import “%s”: you are not allowed to read it. "
                   "Change its permissions so that you can, then import it again."), display);
  else if (g_error_matches (e, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO,
                 _("Cannot import “%s”: it is a folder, not a file"), display);
  else
    /* GIO's words are the one clue there is (a disk error, say). */
    g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO,
                 _("Cannot read “%s”: %s"), display, e->message);
}

/* The whole of @file, read in pieces so that @stage_func hears how far
 * it got (a 50 MB file: a second over a slow disk). */
static gboolean
read_contents (GFile                   *file,
               goffset                  size,
               DossierImportStageFunc   stage_func,
               gpointer                 user_data,
               GCancellable            *cancellable,
               char                   **contents,
               gsize                   *length,
               GError                 **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  const gsize piece = 1024 * 1024;

  if (stage_func == NULL)
    return g_file_load_contents (file, cancellable, contents, length, NULL, error);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  bytes = g_byte_array_sized_new ((guint) CLAMP (size, 0, DOSSIER_IMPORT_MAX_BYTES) + 1);
  for (;;)
    {
      guint had = bytes->len;
      gssize got;

      g_byte_array_set_size (bytes, had + (guint) piece);
      got = g_input_stream_read (G_INPUT_STREAM (stream), bytes->data + had, piece, cancellable, error);
      if (got < 0)
        return FALSE;
      g_byte_array_set_size (bytes, had + (guint) got);
      if (got == 0)
        break;
      if (size > 0)
        stage_func (DOSSIER_IMPORT_STAGE_READING, MIN ((double) bytes->len / (double) size, 1.0),
                    user_data);
    }
  *length = bytes->len;
  /* NUL-terminated, as g_file_load_contents () leaves it. */
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
  return TRUE;
}

DossierParsedDocument *
dossier_import_file (GFile         *file,
                     DossierFormat  format,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return dossier_import_file_staged (file, format, NULL, NULL, cancellable, error);
}

DossierParsedDocument *
dossier_import_file_staged (GFile                  *file,
                            DossierFormat           format,
                            DossierImportStageFunc  stage_func,
                            gpointer                user_data,
                            GCancellable           *cancellable,
                            GError                **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  DossierParsedDocument *doc;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  basename = g_file_get_basename (file);
  display = basename != NULL ? g_filename_display_name (basename) : g_file_get_parse_name (file);

  /* By its name, or by what it is under another one (a link to a
   * project, which may be open here: read through a descriptor of ours,
   * its close would drop SQLite's locks on it). */
  if ((basename != NULL && is_project_part (basename)) ||
      (g_file_peek_path (file) != NULL &&
       dossier_file_is_project_or_part (g_file_peek_path (file))))
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NOT_TEXT,
                   _("Cannot import “%s”: it is part of a Dossier project, not an article"),
                   display);
      return NULL;
    }

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_read_error (error, &local_error, display);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO,
                   _("Cannot import “%s”: it is a folder, not a file"), display);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO,
                   _("Cannot import “%s”: it is not a regular file"), display);
      return NULL;
    }

  /* Refuse huge files before reading a byte of them. */
  if (g_file_info_get_size (info) > DOSSIER_IMPORT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (DOSSIER_IMPORT_MAX_BYTES);

      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to import (%s; the limit is %s)"),
                   display, size, limit);
      return NULL;
    }

  /* Gone, or made unreadable, since: as if it had been so before. */
  if (!read_contents (file, g_file_info_get_size (info), stage_func, user_data, cancellable,
                      &contents, &length, &local_error))
    {
      set_read_error (error, &local_error, display);
      return NULL;
    }

  bytes = g_bytes_new_take (contents, length);

  if (stage_func != NULL)
    stage_func (DOSSIER_IMPORT_STAGE_EXTRACTING, 0.0, user_data);
  doc = import_bytes (bytes, format, basename, display, error);

  /* Unless the content names its address (a canonical link, front
   * matter), the source is the file's name: its full path says where it
   * lay on one machine — nobody else's business, and meaningless on
   * another (a project travels). A page read over the web keeps its URL. */
  if (doc != NULL && doc->source == NULL)
    {
      if (!g_file_is_native (file) &&
          (g_file_has_uri_scheme (file, "http") || g_file_has_uri_scheme (file, "https")))
        doc->source = g_file_get_uri (file);
      else if (basename != NULL)
        doc->source = g_filename_display_name (basename);
    }

  return doc;
}
