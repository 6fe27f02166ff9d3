/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-import-html-encoding.c — the HTML importer's bytes: which
 * encoding a page is in (BOM, else <meta charset> as browsers prescan it,
 * else UTF-8), decoding it, and clearing what libxml2 should never see
 * (a DOCTYPE's internal subset, NUL bytes).
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-import-html-private.h"

/* A <meta charset> is looked for this far into the file: the HTML standard
 * says 1024 bytes, but saved pages often carry long heads. */
#define SNIFF_BYTES (16 * 1024)

static gboolean
has_bom (const guint8 *data,
         gsize         len)
{
  return (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) ||
         (len >= 2 && data[0] == 0xFF && data[1] == 0xFE) ||
         (len >= 2 && data[0] == 0xFE && data[1] == 0xFF) ||
         (len >= 4 && data[0] == 0 && data[1] == 0 && data[2] == 0xFE && data[3] == 0xFF);
}

/* Maps a charset label to a name iconv knows, following the HTML
 * standard's aliases (ISO-8859-1 and ASCII mean windows-1252; a UTF-16
 * label in an ASCII-compatible file means UTF-8). NULL if unusable. */
static char *
canonical_charset (const char *label,
                   gsize       len)
{
  static const struct { const char *label; const char *charset; } aliases[] = {
    { "utf-8", "UTF-8" }, { "utf8", "UTF-8" }, { "unicode-1-1-utf-8", "UTF-8" },
    { "x-unicode20utf8", "UTF-8" }, { "unicode20utf8", "UTF-8" },
    { "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
    { "ansi_x3.4-1968", "WINDOWS-1252" }, { "iso-8859-1", "WINDOWS-1252" },
    { "iso8859-1", "WINDOWS-1252" }, { "iso_8859-1", "WINDOWS-1252" },
    { "iso88591", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" }, { "l1", "WINDOWS-1252" },
    { "cp819", "WINDOWS-1252" }, { "ibm819", "WINDOWS-1252" },
    { "iso-ir-100", "WINDOWS-1252" }, { "csisolatin1", "WINDOWS-1252" },
    { "windows-1252", "WINDOWS-1252" }, { "cp1252", "WINDOWS-1252" },
    { "x-cp1252", "WINDOWS-1252" }, { "x-user-defined", "WINDOWS-1252" },
    { "iso-8859-9", "WINDOWS-1254" }, { "latin5", "WINDOWS-1254" },
    { "iso-8859-11", "CP874" }, { "tis-620", "CP874" },
    { "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "x-gbk", "GB18030" },
    { "chinese", "GB18030" }, { "csgb2312", "GB18030" }, { "gb18030", "GB18030" },
    { "shift_jis", "CP932" }, { "shift-jis", "CP932" }, { "sjis", "CP932" },
    { "x-sjis", "CP932" }, { "ms_kanji", "CP932" }, { "windows-31j", "CP932" },
    { "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" }, { "windows-949", "CP949" },
    { "big5", "BIG5-HKSCS" }, { "big5-hkscs", "BIG5-HKSCS" },
  };
  g_autofree char *l = NULL;

  l = g_ascii_strdown (label, len);
  g_strstrip (l);
  if (*l == '\0' || strlen (l) > 40)
    return NULL;
  for (const char *p = l; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_.:", *p) == NULL)
      return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (l, aliases[i].label) == 0)
      return g_strdup (aliases[i].charset);
  if (g_str_has_prefix (l, "utf-16") || g_str_has_prefix (l, "utf-32") ||
      g_str_has_prefix (l, "ucs-") || strcmp (l, "unicode") == 0)
    return g_strdup ("UTF-8");
  return g_ascii_strup (l, -1);
}

static const char *
find_bytes (const char *hay,
            gsize       hay_len,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= hay_len; i++)
    if (hay[i] == needle[0] && memcmp (hay + i, needle, n) == 0)
      return hay + i;
  return NULL;
}

/* "text/html; charset=windows-1252" → "windows-1252" */
static char *
charset_from_content_type (const char *s,
                           gsize       len)
{
  for (gsize i = 0; i + 7 <= len; i++)
    {
      gsize j, start;

      if (g_ascii_strncasecmp (s + i, "charset", 7) != 0)
        continue;
      j = i + 7;
      while (j < len && dossier_html_is_space (s[j]))
        j++;
      if (j >= len || s[j] != '=')
        continue;
      j++;
      while (j < len && (dossier_html_is_space (s[j]) || s[j] == '"' || s[j] == '\''))
        j++;
      start = j;
      while (j < len && !dossier_html_is_space (s[j]) && s[j] != ';' && s[j] != '"' && s[j] != '\'')
        j++;
      if (j > start)
        return canonical_charset (s + start, j - start);
    }
  return NULL;
}

/* Reads the attributes of the <meta tag at *pos (prescan, as browsers do). */
static char *
charset_from_meta (const char *s,
                   gsize       n,
                   gsize      *pos)
{
  gsize j = *pos + 5;
  const char *charset = NULL, *content = NULL;
  gsize charset_len = 0, content_len = 0;
  gboolean content_type = FALSE;

  while (j < n)
    {
      gsize name_start, name_len;
      const char *value = NULL;
      gsize value_len = 0;

      while (j < n && (dossier_html_is_space (s[j]) || s[j] == '/'))
        j++;
      if (j >= n || s[j] == '>')
        break;
      name_start = j;
      while (j < n && !dossier_html_is_space (s[j]) && s[j] != '=' && s[j] != '>' && s[j] != '/')
        j++;
      name_len = j - name_start;
      while (j < n && dossier_html_is_space (s[j]))
        j++;
      if (j < n && s[j] == '=')
        {
          j++;
          while (j < n && dossier_html_is_space (s[j]))
            j++;
          if (j < n && (s[j] == '"' || s[j] == '\''))
            {
              char quote = s[j++];
              gsize start = j;

              while (j < n && s[j] != quote)
                j++;
              value = s + start;
              value_len = j - start;
              if (j < n)
                j++;
            }
          else
            {
              gsize start = j;

              while (j < n && !dossier_html_is_space (s[j]) && s[j] != '>')
                j++;
              value = s + start;
              value_len = j - start;
            }
        }

      if (value == NULL)
        continue;
      if (name_len == 7 && g_ascii_strncasecmp (s + name_start, "charset", 7) == 0)
        {
          charset = value;
          charset_len = value_len;
        }
      else if (name_len == 10 && g_ascii_strncasecmp (s + name_start, "http-equiv", 10) == 0)
        content_type = value_len == 12 && g_ascii_strncasecmp (value, "content-type", 12) == 0;
      else if (name_len == 7 && g_ascii_strncasecmp (s + name_start, "content", 7) == 0)
        {
          content = value;
          content_len = value_len;
        }
    }
  *pos = j;

  if (charset != NULL && charset_len > 0)
    return canonical_charset (charset, charset_len);
  if (content_type && content != NULL)
    return charset_from_content_type (content, content_len);
  return NULL;
}

/* The encoding the page declares: <?xml encoding>, <meta charset>,
 * <meta http-equiv="Content-Type">. NULL when it declares none. */
static char *
sniff_charset (const guint8 *data,
               gsize         len)
{
  const char *s = (const char *) data;
  gsize n = MIN (len, SNIFF_BYTES);
  gsize i = 0;

  if (n >= 5 && memcmp (s, "<?xml", 5) == 0)
    {
      const char *end = memchr (s, '>', n);
      const char *enc = end != NULL ? find_bytes (s, end - s, "encoding") : NULL;

      if (enc != NULL)
        {
          const char *q = enc + 8;

          while (q < end && (dossier_html_is_space (*q) || *q == '='))
            q++;
          if (q < end && (*q == '"' || *q == '\''))
            {
              const char *close = memchr (q + 1, *q, end - q - 1);

              if (close != NULL)
                return canonical_charset (q + 1, close - q - 1);
            }
        }
    }

  while (i < n)
    {
      const char *lt = memchr (s + i, '<', n - i);

      if (lt == NULL)
        break;
      i = lt - s;
      if (i + 4 <= n && memcmp (s + i, "<!--", 4) == 0)
        {
          const char *end = find_bytes (s + i + 4, n - i - 4, "-->");

          if (end == NULL)
            break;
          i = end - s + 3;
          continue;
        }
      if (i + 6 <= n && g_ascii_strncasecmp (s + i, "<meta", 5) == 0 &&
          (dossier_html_is_space (s[i + 5]) || s[i + 5] == '/'))
        {
          char *charset = charset_from_meta (s, n, &i);

          if (charset != NULL)
            return charset;
          continue;
        }
      i++;
    }
  return NULL;
}

/* A page that declares a legacy encoding but is valid UTF-8 with non-ASCII
 * text is UTF-8: legacy text almost never forms valid multi-byte
 * sequences, and such mislabelled pages are common. */
static gboolean
is_non_ascii_utf8 (const guint8 *data,
                   gsize         len)
{
  gboolean high = FALSE;

  for (gsize i = 0; i < len && !high; i++)
    high = data[i] >= 0x80;
  return high && g_utf8_validate_len ((const char *) data, len, NULL);
}

char *
dossier_html_decode (const guint8  *data,
                     gsize          len,
                     const char    *display,
                     gsize         *out_len,
                     GError       **error)
{
  g_autofree char *charset = NULL;
  g_autoptr(GError) local_error = NULL;
  char *utf8;

  if (!has_bom (data, len))
    {
      charset = sniff_charset (data, len);
      if (charset != NULL && strcmp (charset, "UTF-8") != 0 && is_non_ascii_utf8 (data, len))
        g_clear_pointer (&charset, g_free);
    }

  utf8 = dossier_import_decode_named (data, len, charset, display, out_len, &local_error);
  if (utf8 != NULL)
    return utf8;

  if (charset == NULL &&
      g_error_matches (local_error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING))
    {
      if (display != NULL)
        g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING,
                     _("“%s” is not valid UTF-8 and does not declare another encoding "
                       "with <meta charset>. Save it again as UTF-8, or add its encoding, "
                       "and import it again."), display);
      else
        g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING,
                     _("The page is not valid UTF-8 and does not declare another encoding "
                       "with <meta charset>. Save it again as UTF-8, or add its encoding, "
                       "and import it again."));
    }
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* Blanks out the internal subset of the DOCTYPE (<!DOCTYPE html [ … ]>):
 * libxml2's HTML parser ignores entity declarations anyway, but reads the
 * rest of the subset as page text and loses the <head>. */
void
dossier_html_blank_internal_subset (char  *s,
                                    gsize  len)
{
  gsize i = 0;

  for (;;)
    {
      while (i < len && dossier_html_is_space (s[i]))
        i++;
      if (i + 4 <= len && memcmp (s + i, "<!--", 4) == 0)
        {
          const char *end = find_bytes (s + i + 4, len - i - 4, "-->");

          if (end == NULL)
            return;
          i = end - s + 3;
        }
      else if (i + 2 <= len && memcmp (s + i, "<?", 2) == 0)
        {
          const char *end = memchr (s + i, '>', len - i);

          if (end == NULL)
            return;
          i = end - s + 1;
        }
      else
        break;
    }

  if (i + 9 > len || g_ascii_strncasecmp (s + i, "<!doctype", 9) != 0)
    return;

  for (gsize j = i + 9; j < len; j++)
    {
      gsize k;
      char quote = 0;

      if (s[j] == '>')
        return;
      if (s[j] != '[')
        continue;

      /* The subset ends at the first "]" outside quotes followed by ">". */
      for (k = j + 1; k < len; k++)
        {
          if (quote != 0)
            {
              if (s[k] == quote)
                quote = 0;
              continue;
            }
          if (s[k] == '"' || s[k] == '\'')
            quote = s[k];
          else if (s[k] == ']')
            {
              gsize m = k + 1;

              while (m < len && dossier_html_is_space (s[m]))
                m++;
              if (m < len && s[m] == '>')
                break;
            }
        }
      if (k >= len)
        {
          /* Unterminated: blank it up to the first '>' as libxml2 would. */
          const char *gt = memchr (s + j, '>', len - j);

          k = gt != NULL ? (gsize) (gt - s) - 1 : len - 1;
        }
      memset (s + j, ' ', k - j + 1);
      return;
    }
}

/* NUL bytes end libxml2's text nodes early; the text keeps none anyway. */
gsize
dossier_html_remove_nul_bytes (char  *s,
                               gsize  len)
{
  char *w = memchr (s, '\0', len);

  if (w == NULL)
    return len;
  for (const char *r = w; r < s + len; r++)
    if (*r != '\0')
      *w++ = *r;
  *w = '\0';
  return w - s;
}
