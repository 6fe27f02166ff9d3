/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-text.c — normalized text and code-point offsets.
 *
 * Every offset in Dossier counts code points over text normalized here, so
 * this file is the single definition of "normalized": valid UTF-8, NFC, LF
 * line endings, no BOM, no control characters but '\n' and '\t'. All of it
 * runs in one or two linear passes: imports of many megabytes go through it.
 */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include <dossier/dossier-import.h>
#include <dossier/dossier-text.h>

#include "dossier-text-private.h"

/* Defined here, the lowest layer, since normalization already fails with
 * it: code that only handles text need not link the importers. */
G_DEFINE_QUARK (dossier-import-error-quark, dossier_import_error)

static const char *block_kind_names[] = {
  [DOSSIER_BLOCK_TITLE] = "title",
  [DOSSIER_BLOCK_HEADING] = "heading",
  [DOSSIER_BLOCK_PARAGRAPH] = "paragraph",
  [DOSSIER_BLOCK_LIST_ITEM] = "list-item",
  [DOSSIER_BLOCK_QUOTE] = "quote",
  [DOSSIER_BLOCK_PREFORMATTED] = "preformatted",
};

const char *
dossier_block_kind_to_string (DossierBlockKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (block_kind_names), NULL);

  return block_kind_names[kind];
}

gboolean
dossier_block_kind_from_string (const char       *str,
                                DossierBlockKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (block_kind_names); i++)
    {
      if (g_str_equal (str, block_kind_names[i]))
        {
          *kind = (DossierBlockKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Bytes in a UTF-8 sequence by its lead byte; invalid leads count 1 so that
 * a walk always advances (input is validated before we get here). */
static inline gsize
utf8_sequence_length (guchar lead)
{
  if (lead < 0xC0)
    return 1;
  if (lead < 0xE0)
    return 2;
  if (lead < 0xF0)
    return 3;
  return 4;
}

#define HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)
#define ALL_01 G_GUINT64_CONSTANT (0x0101010101010101)
#define ALL_7F G_GUINT64_CONSTANT (0x7F7F7F7F7F7F7F7F)

/* Bytes of the valid UTF-8 sequence at @p (before @end), or 0. */
static inline gsize
valid_sequence_length (const guchar *p,
                       const guchar *end)
{
  gsize avail = end - p;
  guchar c = p[0];

  if (c >= 0xC2 && c <= 0xDF)
    return avail >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;

  if (c >= 0xE0 && c <= 0xEF)
    {
      /* No overlong forms (E0 80–9F), no surrogates (ED A0–BF). */
      guchar lo = c == 0xE0 ? 0xA0 : 0x80;
      guchar hi = c == 0xED ? 0x9F : 0xBF;

      return avail >= 3 && p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 ? 3 : 0;
    }

  if (c >= 0xF0 && c <= 0xF4)
    {
      /* No overlong forms (F0 80–8F), nothing past U+10FFFF (F4 90–). */
      guchar lo = c == 0xF0 ? 0x90 : 0x80;
      guchar hi = c == 0xF4 ? 0x8F : 0xBF;

      return avail >= 4 && p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 &&
             (p[3] & 0xC0) == 0x80 ? 4 : 0;
    }

  return 0;
}

guint
dossier_text_line_at (const char *str,
                      gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (str[i] == '\n' || (str[i] == '\r' && (i + 1 >= offset || str[i + 1] != '\n')))
      line++;
  return line;
}

char *
dossier_text_shorten (const char *text,
                      gsize       max_chars)
{
  const char *p = text != NULL ? text : "";
  const char *last = p;
  gsize n = 0;

  g_return_val_if_fail (max_chars > 0, NULL);

  /* Not past the end of a text that is not valid UTF-8 after all. */
  for (; *p != '\0'; p = g_utf8_find_next_char (p, NULL))
    {
      if (++n == max_chars)
        last = p;
      else if (n > max_chars)
        {
          g_autofree char *head = g_strndup (text, last - text);

          return g_strconcat (head, "…", NULL);
        }
    }
  return g_strdup (text != NULL ? text : "");
}

char *
dossier_text_cut (const char     *text,
                  gsize           max_chars,
                  DossierTextCut  what,
                  char          **note)
{
  g_autofree char *length = NULL;
  gsize n = 0;

  g_return_val_if_fail (max_chars > 0, NULL);

  if (note != NULL)
    *note = NULL;
  /* Bytes are never fewer than characters: most texts end here. */
  if (text == NULL || strlen (text) <= max_chars)
    return g_strdup (text != NULL ? text : "");
  /* Counted as dossier_text_shorten () reads: not past the end of a text
   * that is not valid UTF-8 after all. */
  for (const char *p = text; *p != '\0'; p = g_utf8_find_next_char (p, NULL))
    n++;
  if (n <= max_chars)
    return g_strdup (text);

  if (note == NULL)
    return dossier_text_shorten (text, max_chars);
  length = g_strdup_printf ("%" G_GSIZE_FORMAT, n);
  switch (what)
    {
    case DOSSIER_TEXT_CUT_PASSAGE:
      /* TRANSLATORS: after a passage cut short in an export or a briefing's
       * PDF; %s is its whole length, in characters */
      *note = g_strdup_printf (_("[cut short: the passage is %s characters long]"), length);
      break;
    case DOSSIER_TEXT_CUT_MEMO:
      /* TRANSLATORS: after a memo cut short in an export; %s is its whole
       * length, in characters */
      *note = g_strdup_printf (_("[cut short: the memo is %s characters long]"), length);
      break;
    case DOSSIER_TEXT_CUT_NOTE:
      /* TRANSLATORS: after a note on evidence cut short in an export; %s is
       * its whole length, in characters */
      *note = g_strdup_printf (_("[cut short: the note is %s characters long]"), length);
      break;
    case DOSSIER_TEXT_CUT_TEXT:
    default:
      /* TRANSLATORS: after a description, a stance or interests cut short
       * in an export; %s is the whole text's length, in characters */
      *note = g_strdup_printf (_("[cut short: the text is %s characters long]"), length);
      break;
    }
  return dossier_text_shorten (text, max_chars);
}

/* Whether a line may break next to @c (before or after it), as UAX #14
 * has it for the classes that matter: spaces, hyphens, slashes,
 * ideographs and kana, Hangul, the scripts broken by a dictionary (Thai).
 * Letters, digits, marks, quotes, other punctuation and invalid bytes
 * join a run. */
static gboolean
breaks_line (gunichar c)
{
  switch (g_unichar_break_type (c))
    {
    case G_UNICODE_BREAK_MANDATORY:
    case G_UNICODE_BREAK_CARRIAGE_RETURN:
    case G_UNICODE_BREAK_LINE_FEED:
    case G_UNICODE_BREAK_NEXT_LINE:
    case G_UNICODE_BREAK_SPACE:
    case G_UNICODE_BREAK_ZERO_WIDTH_SPACE:
    case G_UNICODE_BREAK_AFTER:
    case G_UNICODE_BREAK_BEFORE:
    case G_UNICODE_BREAK_BEFORE_AND_AFTER:
    case G_UNICODE_BREAK_HYPHEN:
    case G_UNICODE_BREAK_SYMBOL:
    case G_UNICODE_BREAK_IDEOGRAPHIC:
    case G_UNICODE_BREAK_CONDITIONAL_JAPANESE_STARTER:
    case G_UNICODE_BREAK_COMPLEX_CONTEXT:
    case G_UNICODE_BREAK_HANGUL_L_JAMO:
    case G_UNICODE_BREAK_HANGUL_V_JAMO:
    case G_UNICODE_BREAK_HANGUL_T_JAMO:
    case G_UNICODE_BREAK_HANGUL_LV_SYLLABLE:
    case G_UNICODE_BREAK_HANGUL_LVT_SYLLABLE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The character at @p, or (gunichar) -1 for an invalid byte. */
static gunichar
char_at (const char *p)
{
  gunichar c = g_utf8_get_char_validated (p, -1);

  return c == (gunichar) -2 ? (gunichar) -1 : c;
}

char *
dossier_text_shown (const char *text)
{
  g_autofree char *shortened = dossier_text_shorten (text, DOSSIER_TEXT_SHOWN_MAX);
  GString *shown;
  gsize run = 0;

  if (dossier_text_longest_run (shortened) <= DOSSIER_TEXT_SHOWN_RUN_MAX)
    return g_steal_pointer (&shortened);

  shown = g_string_sized_new (strlen (shortened));
  for (const char *p = shortened; *p != '\0';)
    {
      /* Never past the '\0': it is no continuation byte. */
      const char *next = g_utf8_find_next_char (p, NULL);
      gunichar c = char_at (p);

      if (c != (gunichar) -1 && breaks_line (c))
        run = 0;
      else
        run++;
      if (run < DOSSIER_TEXT_SHOWN_RUN_MAX)
        g_string_append_len (shown, p, next - p);
      else if (run == DOSSIER_TEXT_SHOWN_RUN_MAX)
        g_string_append (shown, "…");
      p = next;
    }
  return g_string_free (shown, FALSE);
}

gsize
dossier_text_longest_run (const char *text)
{
  gsize run = 0, longest = 0;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_find_next_char (p, NULL))
    {
      gunichar c = char_at (p);

      run = c != (gunichar) -1 && breaks_line (c) ? 0 : run + 1;
      longest = MAX (longest, run);
    }
  return longest;
}

char *
dossier_text_excerpt (const char *text)
{
  g_autofree char *flat = g_utf8_make_valid (text != NULL ? text : "", -1);

  g_strdelimit (flat, "\r\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= 60)
    return g_steal_pointer (&flat);
  {
    g_autofree char *start = g_utf8_substring (flat, 0, 57);

    return g_strconcat (start, "…", NULL);
  }
}

gboolean
dossier_text_validate (const char *str,
                       gsize       len,
                       gsize      *bad_offset)
{
  const guchar *p = (const guchar *) str;
  const guchar *end = p + len;

  /* ASCII (NUL included, which we accept and later drop) is valid as it
   * is: skip it eight bytes at a time. */
  while (p < end)
    {
      gsize n;

      while (end - p >= 8)
        {
          guint64 w;

          memcpy (&w, p, 8);
          if ((w & HIGH_BITS) != 0)
            break;
          p += 8;
        }
      if (p >= end)
        break;

      if (*p < 0x80)
        {
          p++;
          continue;
        }

      n = valid_sequence_length (p, end);
      if (n == 0)
        {
          if (bad_offset != NULL)
            *bad_offset = (const char *) p - str;
          return FALSE;
        }
      p += n;
    }

  return TRUE;
}

/* Whether any of the 8 bytes of @w is below @n (n <= 128). */
static inline gboolean
has_byte_below (guint64 w,
                guint   n)
{
  return ((w - ALL_01 * n) & ~w & HIGH_BITS) != 0;
}

gboolean
dossier_text_validate_stored (const char *str,
                              gsize       len,
                              gint64     *length)
{
  const guchar *p = (const guchar *) str;
  const guchar *end = p + len;
  gint64 n_chars = 0;

  while (p < end)
    {
      gsize n;

      /* ASCII without NUL, eight bytes at a time. */
      while (end - p >= 8)
        {
          guint64 w;

          memcpy (&w, p, 8);
          if ((w & HIGH_BITS) != 0 || has_byte_below (w, 1))
            break;
          p += 8;
          n_chars += 8;
        }
      if (p >= end)
        break;

      if (*p == '\0')
        return FALSE;
      if (*p < 0x80)
        {
          p++;
          n_chars++;
          continue;
        }

      n = valid_sequence_length (p, end);
      if (n == 0)
        return FALSE;
      p += n;
      n_chars++;
    }

  if (length != NULL)
    *length = n_chars;
  return TRUE;
}

char *
dossier_text_dup_valid (const char *str,
                        gssize      len)
{
  if (str == NULL)
    return NULL;
  if (len < 0)
    len = strlen (str);

  if (dossier_text_validate_stored (str, len, NULL))
    return g_strndup (str, len);

  /* Each invalid sequence, and each NUL, becomes U+FFFD. */
  return g_utf8_make_valid (str, len);
}

void
dossier_text_filter_append (GString    *out,
                            const char *str,
                            gsize       len)
{
  const guchar *p = (const guchar *) str;
  const guchar *end = p + len;
  const guchar *run = p;   /* start of bytes to copy unchanged */

#define FLUSH_RUN() G_STMT_START { \
    if (p > run) \
      g_string_append_len (out, (const char *) run, p - run); \
  } G_STMT_END

  while (p < end)
    {
      guchar c;

      /* Eight bytes at a time while none needs a look: no control
       * character, DEL, or lead byte of one of the characters handled
       * below (C2: C1 controls, E2: U+2028/2029, EF: U+FEFF). Accented
       * letters pass. */
      while (end - p >= 8)
        {
          guint64 w;

          memcpy (&w, p, 8);
          if (has_byte_below (w, 0x20) || has_byte_below (w ^ ALL_7F, 1) ||
              has_byte_below (w ^ (ALL_01 * 0xC2), 1) || has_byte_below (w ^ (ALL_01 * 0xE2), 1) ||
              has_byte_below (w ^ (ALL_01 * 0xEF), 1))
            break;
          p += 8;
        }
      if (p >= end)
        break;

      c = *p;
      if (c >= 0x20 && c < 0x7F)
        {
          p++;
          continue;
        }

      if (c == '\n' || c == '\t')
        {
          p++;
          continue;
        }

      if (c < 0x80)
        {
          /* A control character (or CR, NUL, DEL). */
          FLUSH_RUN ();
          if (c == '\r')
            {
              /* CR LF keeps the LF; a lone CR (old Mac) becomes one. */
              if (p + 1 < end && p[1] == '\n')
                ;
              else
                g_string_append_c (out, '\n');
            }
          else if (c == '\f' || c == '\v')
            {
              /* Page breaks separate text: keep a line break, so that words
               * on both sides do not run together. */
              g_string_append_c (out, '\n');
            }
          p++;
          run = p;
          continue;
        }

      gsize n = utf8_sequence_length (c);
      if (p + n > end)
        n = end - p;

      if (c == 0xC2 && n == 2 && p[1] >= 0x80 && p[1] <= 0x9F)
        {
          /* C1 control characters; NEL is a line break. */
          FLUSH_RUN ();
          if (p[1] == 0x85)
            g_string_append_c (out, '\n');
          p += n;
          run = p;
          continue;
        }

      if (c == 0xE2 && n == 3 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
        {
          /* U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR. */
          FLUSH_RUN ();
          g_string_append_c (out, '\n');
          p += n;
          run = p;
          continue;
        }

      if (c == 0xEF && n == 3 && p[1] == 0xBB && p[2] == 0xBF)
        {
          /* U+FEFF: a BOM, also when files were concatenated. */
          FLUSH_RUN ();
          p += n;
          run = p;
          continue;
        }

      p += n;
    }

  FLUSH_RUN ();

#undef FLUSH_RUN
}

/* Whether the code point starting at @p is one that NFC leaves alone and that
 * never composes with what precedes it (canonical combining class 0, quick
 * check Yes): then a normalization stretch may end right before it. */
static inline gboolean
is_nfc_boundary (const guchar *p,
                 const guchar *end)
{
  guchar c = p[0];

  /* Everything below U+0300 (Latin-1, Latin Extended, IPA). */
  if (c < 0xCC)
    return TRUE;

  /* U+2010–U+2027: dashes, curly quotes, bullet, ellipsis. */
  if (c == 0xE2 && end - p >= 3 && p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0xA7)
    return TRUE;

  /* U+4000–U+9FFF: CJK unified ideographs. */
  if (c >= 0xE4 && c <= 0xE9)
    return TRUE;

  /* U+1F000–U+1FFFF: emoji and pictographs. */
  if (c == 0xF0 && end - p >= 2 && p[1] == 0x9F)
    return TRUE;

  return FALSE;
}

gboolean
dossier_text_is_stable_start (const char *str,
                              gsize       len)
{
  return len > 0 && is_nfc_boundary ((const guchar *) str, (const guchar *) str + len);
}

static void
normalize_stretch (GString      *out,
                   const guchar *start,
                   const guchar *stop)
{
  g_autofree char *nfc = NULL;

  if (stop <= start)
    return;

  nfc = g_utf8_normalize ((const char *) start, stop - start, G_NORMALIZE_NFC);
  if (nfc != NULL)
    g_string_append (out, nfc);
  else
    g_string_append_len (out, (const char *) start, stop - start);
}

void
dossier_text_nfc_append (GString    *out,
                         const char *str,
                         gsize       len)
{
  const guchar *p = (const guchar *) str;
  const guchar *end = p + len;
  const guchar *copied = p;     /* bytes before this are in @out */
  const guchar *boundary = p;   /* start of the latest boundary code point */
  const guchar *stretch = NULL; /* start of the stretch to normalize, if any */
  const guchar *run_start = NULL;
  guint simple_run = 0;

  /* The text is cut at boundaries into stretches that are copied as they
   * are (no code point from U+0300 up, except known-stable ones) and
   * stretches given to g_utf8_normalize(). A stretch ends after 16 stable
   * code points in a row so that one call covers a whole accented word or
   * CJK sentence, without normalizing the whole text at once. */
  while (p < end)
    {
      gsize n;
      gboolean stable;

      if (stretch == NULL)
        {
          /* Runs of bytes below CC (ASCII, Latin-1, Latin Extended, IPA):
           * every code point in them is a boundary; the last one counts. A
           * byte is CC or above when its high bit is set and its low seven
           * bits reach 4C (adding 34 to them then sets bit 7). */
          const guchar *from = p;

          while (end - p >= 8)
            {
              guint64 w;

              memcpy (&w, p, 8);
              if ((((w & ALL_7F) + ALL_01 * 0x34) & w & HIGH_BITS) != 0)
                break;
              p += 8;
            }
          if (p > from)
            {
              /* Finish a code point cut at the eighth byte, then step back
               * to the start of the last one. */
              const guchar *last;

              while (p < end && (*p & 0xC0) == 0x80)
                p++;
              for (last = p - 1; last > from && (*last & 0xC0) == 0x80; last--)
                ;
              boundary = last;
            }
          if (p >= end)
            break;
        }

      n = utf8_sequence_length (*p);
      stable = is_nfc_boundary (p, end);

      if (p + n > end)
        n = end - p;

      if (stretch == NULL)
        {
          if (stable)
            boundary = p;
          else
            {
              /* The previous stable code point may compose with this one. */
              g_string_append_len (out, (const char *) copied, boundary - copied);
              stretch = boundary;
              simple_run = 0;
            }
        }
      else if (stable)
        {
          if (simple_run == 0)
            run_start = p;
          if (++simple_run >= 16)
            {
              normalize_stretch (out, stretch, run_start);
              copied = run_start;
              boundary = p;
              stretch = NULL;
            }
        }
      else
        simple_run = 0;

      p += n;
    }

  if (stretch != NULL)
    normalize_stretch (out, stretch, end);
  else
    g_string_append_len (out, (const char *) copied, end - copied);
}

char *
dossier_text_normalize (const char  *data,
                        gssize       len,
                        GError     **error)
{
  g_autoptr(GString) filtered = NULL;
  GString *out;
  gsize bad = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len < 0)
    len = strlen (data);
  if (len == 0)
    return g_strdup ("");

  if (!dossier_text_validate (data, len, &bad))
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING,
                   _("The text is not valid UTF-8 (the first bad character is on line %u); "
                     "save it as UTF-8 and try again"),
                   dossier_text_line_at (data, bad));
      return NULL;
    }

  filtered = g_string_sized_new (len + 1);
  dossier_text_filter_append (filtered, data, len);

  out = g_string_sized_new (filtered->len + 16);
  dossier_text_nfc_append (out, filtered->str, filtered->len);

  return g_string_free (out, FALSE);
}

gint64
dossier_text_length (const char *text)
{
  const guchar *p = (const guchar *) text;
  const guchar *end;
  gsize len;
  gint64 n;

  g_return_val_if_fail (text != NULL, 0);

  /* Count the bytes that start a code point, no need to decode: all but
   * the continuation bytes (10xxxxxx), eight at a time. */
  len = strlen (text);
  end = p + len;
  n = len;
  for (; end - p >= 8; p += 8)
    {
      guint64 w, cont;

      memcpy (&w, p, 8);
      cont = w & ~(w << 1) & HIGH_BITS;
      n -= ((cont >> 7) * ALL_01) >> 56;
    }
  for (; p < end; p++)
    n -= (*p & 0xC0) == 0x80;

  return n;
}

/* Code points starting in 8 bytes: all but the continuation bytes. */
static inline guint
starts_in_word (guint64 w)
{
  guint64 high = w & G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 cont = high & ~((w << 1) & G_GUINT64_CONSTANT (0x8080808080808080));

  return 8 - __builtin_popcountll (cont);
}

/* Advances @p by up to @count code points, stopping at the end of the text.
 * Long walks go 64 bytes at a time (memchr() guards the end of the string
 * without reading past it), so offsets deep into a big text stay cheap. */
static const char *
skip_code_points (const char *p,
                  gint64      count)
{
  while (count >= 64 && memchr (p, '\0', 64) == NULL)
    {
      guint starts = 0;

      for (int i = 0; i < 8; i++)
        {
          guint64 w;

          memcpy (&w, p + i * 8, 8);
          starts += starts_in_word (w);
        }

      if (starts > count)
        break;
      p += 64;
      count -= starts;
    }

  /* Byte by byte: stop at the start of the next code point once @count
   * are passed (we may be in the middle of one after the fast loop). */
  for (; *p != '\0'; p++)
    {
      if (((guchar) *p & 0xC0) != 0x80)
        {
          if (count == 0)
            break;
          count--;
        }
    }

  return p;
}

char *
dossier_text_slice (const char *text,
                    gint64      start,
                    gint64      end)
{
  const char *from;
  const char *to;

  g_return_val_if_fail (text != NULL, NULL);

  start = MAX (start, 0);
  if (end <= start)
    return g_strdup ("");

  from = skip_code_points (text, start);
  to = skip_code_points (from, end - start);

  return g_strndup (from, to - from);
}

const char *
dossier_text_cursor_seek (DossierTextCursor *cursor,
                          gint64             offset)
{
  if (offset < cursor->offset)
    {
      cursor->p = cursor->text;
      cursor->offset = 0;
    }
  for (; cursor->offset < offset && *cursor->p != '\0'; cursor->offset++)
    cursor->p = g_utf8_next_char (cursor->p);
  return cursor->p;
}

char *
dossier_text_cursor_slice (DossierTextCursor *cursor,
                           gint64             start,
                           gint64             end)
{
  const char *from = dossier_text_cursor_seek (cursor, start);
  /* An empty or reversed range is empty, without seeking back. */
  const char *to = end > start ? dossier_text_cursor_seek (cursor, end) : from;

  return g_strndup (from, to - from);
}

void
dossier_text_quote_context (const char  *text,
                            gint64       start,
                            gint64       end,
                            char       **quote,
                            char       **prefix,
                            char       **suffix)
{
  gint64 prefix_start;
  const char *p0, *p1, *p2, *p3;

  g_return_if_fail (text != NULL);

  start = MAX (start, 0);
  end = MAX (end, start);
  prefix_start = MAX (start - DOSSIER_CONTEXT_LENGTH, 0);

  /* One walk from the beginning, each piece continuing the last. */
  p0 = skip_code_points (text, prefix_start);
  p1 = skip_code_points (p0, start - prefix_start);
  p2 = skip_code_points (p1, end - start);
  p3 = skip_code_points (p2, DOSSIER_CONTEXT_LENGTH);

  if (prefix != NULL)
    *prefix = g_strndup (p0, p1 - p0);
  if (quote != NULL)
    *quote = g_strndup (p1, p2 - p1);
  if (suffix != NULL)
    *suffix = g_strndup (p2, p3 - p2);
}

char *
dossier_text_join_lines (const char *s)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = s != NULL ? s : ""; *p; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
dossier_text_quote_marks (const char  *text,
                          const char **open,
                          const char **close)
{
  static const char * const pairs[][2] = {
    { "“", "”" }, { "„", "“" }, { "„", "”" }, { "”", "”" }, { "«", "»" }, { "»", "«" },
    { "‹", "›" }, { "\"", "\"" }, { "「", "」" }, { "『", "』" },
  };
  gsize len = text != NULL ? strlen (text) : 0;
  gsize end = len;

  /* A selection often takes the sentence's full stop or comma after a
   * closing mark (‘…can match”.’): the mark is still the one that ends
   * the passage. */
  while (end > 0 && strchr (".,;:!?", text[end - 1]) != NULL)
    end--;

  *open = "“";
  *close = "”";
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      gsize a = strlen (pairs[i][0]), b = strlen (pairs[i][1]);

      if (len > a + b && g_str_has_prefix (text, pairs[i][0]) && g_str_has_suffix (text, pairs[i][1]))
        {
          *open = *close = "";
          return;
        }
    }

  /* A passage cut inside a quotation opens it and never closes it (or
   * the other way round): printing “ and ” around it would show two
   * opening marks, so only the missing one is added, matching its own. */
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      gsize a = strlen (pairs[i][0]), b = strlen (pairs[i][1]);

      if (len > a && g_str_has_prefix (text, pairs[i][0]) && strstr (text + a, pairs[i][1]) == NULL)
        {
          *open = "";
          *close = pairs[i][1];
          return;
        }
      if (end > b && memcmp (text + end - b, pairs[i][1], b) == 0)
        {
          gboolean opened = FALSE;

          /* ” closes “, „ and ”: opened by any of them, it is balanced. */
          for (guint j = 0; j < G_N_ELEMENTS (pairs) && !opened; j++)
            opened = strcmp (pairs[j][1], pairs[i][1]) == 0
                     && g_strstr_len (text, end - b, pairs[j][0]) != NULL;
          if (!opened)
            {
              *open = pairs[i][0];
              *close = "";
              return;
            }
        }
    }
}

/* ---- SHA-256 -------------------------------------------------------------
 *
 * Every import hashes the whole text, and GLib's portable SHA-256 costs
 * about 15 ms per megabyte. x86 processors from the last years compute it
 * in hardware (the SHA extensions) about ten times faster: use them when
 * the processor has them, GLib otherwise. The result is the same, which
 * test-text checks against GLib for many lengths. */

#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
# define HAVE_SHA_NI_CODE 1
# include <cpuid.h>
# include <immintrin.h>
#endif

#ifdef HAVE_SHA_NI_CODE

static const guint32 sha256_k[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static gboolean
cpu_has_sha (void)
{
  static gsize checked = 0;
  static gboolean has = FALSE;

  if (g_once_init_enter (&checked))
    {
      unsigned int a, b, c, d;

      /* SHA (leaf 7, EBX bit 29), SSSE3 and SSE4.1 (leaf 1, ECX bits 9, 19). */
      if (__get_cpuid (1, &a, &b, &c, &d) && (c & (1u << 9)) && (c & (1u << 19)) &&
          __get_cpuid_count (7, 0, &a, &b, &c, &d) && (b & (1u << 29)))
        has = TRUE;
      g_once_init_leave (&checked, 1);
    }

  return has;
}

/* Runs @n_blocks 64-byte blocks through @state (a, b, … h). */
__attribute__((target ("sha,sse4.1,ssse3")))
static void
sha256_blocks_sha_ni (guint32       state[8],
                      const guchar *data,
                      gsize         n_blocks)
{
  const __m128i swap = _mm_set_epi64x (0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  __m128i tmp, state0, state1;

  /* The instructions want the state as ABEF and CDGH. */
  tmp = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[0]), 0xB1);
  state1 = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[4]), 0x1B);
  state0 = _mm_alignr_epi8 (tmp, state1, 8);
  state1 = _mm_blend_epi16 (state1, tmp, 0xF0);

  for (; n_blocks > 0; n_blocks--, data += 64)
    {
      __m128i abef = state0, cdgh = state1;
      __m128i w[4];

      for (int i = 0; i < 16; i++)
        {
          __m128i msg;

          if (i < 4)
            w[i] = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 16 * i)), swap);
          else
            {
              /* W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], four at a time. */
              __m128i t = _mm_sha256msg1_epu32 (w[i & 3], w[(i + 1) & 3]);

              t = _mm_add_epi32 (t, _mm_alignr_epi8 (w[(i + 3) & 3], w[(i + 2) & 3], 4));
              w[i & 3] = _mm_sha256msg2_epu32 (t, w[(i + 3) & 3]);
            }

          msg = _mm_add_epi32 (w[i & 3], _mm_loadu_si128 ((const __m128i *) &sha256_k[4 * i]));
          state1 = _mm_sha256rnds2_epu32 (state1, state0, msg);
          state0 = _mm_sha256rnds2_epu32 (state0, state1, _mm_shuffle_epi32 (msg, 0x0E));
        }

      state0 = _mm_add_epi32 (state0, abef);
      state1 = _mm_add_epi32 (state1, cdgh);
    }

  tmp = _mm_shuffle_epi32 (state0, 0x1B);
  state1 = _mm_shuffle_epi32 (state1, 0xB1);
  state0 = _mm_blend_epi16 (tmp, state1, 0xF0);
  state1 = _mm_alignr_epi8 (state1, tmp, 8);
  _mm_storeu_si128 ((__m128i *) &state[0], state0);
  _mm_storeu_si128 ((__m128i *) &state[4], state1);
}

static char *
sha256_hex_sha_ni (const guchar *data,
                   gsize         len)
{
  guint32 state[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };
  guchar tail[128] = { 0 };
  gsize full = len / 64;
  gsize rest = len - full * 64;
  gsize tail_len = rest + 9 <= 64 ? 64 : 128;
  guint64 bits = (guint64) len * 8;
  char *hex = g_malloc (65);

  sha256_blocks_sha_ni (state, data, full);

  /* The last bytes, 0x80, zeros, and the length in bits, big-endian. */
  memcpy (tail, data + full * 64, rest);
  tail[rest] = 0x80;
  for (int i = 0; i < 8; i++)
    tail[tail_len - 1 - i] = (guchar) (bits >> (8 * i));
  sha256_blocks_sha_ni (state, tail, tail_len / 64);

  for (int i = 0; i < 8; i++)
    g_snprintf (hex + 8 * i, 9, "%08x", state[i]);
  return hex;
}

#endif

char *
dossier_text_hash (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

#ifdef HAVE_SHA_NI_CODE
  if (cpu_has_sha ())
    return sha256_hex_sha_ni ((const guchar *) text, strlen (text));
#endif

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

gboolean
dossier_color_is_hex (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

/* ---- Folding ------------------------------------------------------------
 *
 * Names are compared, and aliases found, over text folded to lower case
 * without accents, with every kind of space, apostrophe, quote and dash
 * made one. One 128 KB table over the Basic Multilingual Plane, built on
 * first use, answers for every code point in one load; the planes above
 * hold no cased or accented letters worth folding. */

static guint16 *fold_table;

static gunichar
fold_code_point (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return 0;
    case G_UNICODE_FORMAT:
      /* Soft hyphens, zero-width joiners and spaces, BOMs: invisible. */
      return 0;
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return ' ';
    case G_UNICODE_DASH_PUNCTUATION:
      return '-';
    default:
      break;
    }

  if (c == '\n' || c == '\t' || c == '\r')
    return ' ';

  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:  /* ‘ ’ ‚ ‛ */
    case 0x02BC: case 0x2032: case 0x00B4: case 0x0060:  /* ʼ ′ ´ ` */
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:  /* “ ” „ ‟ */
    case 0x00AB: case 0x00BB: case 0x2033:               /* « » ″ */
      return '"';
    case 0x2212:                                         /* − minus */
      return '-';
    /* Letters with a stroke have no decomposition. */
    case 0x0141: case 0x0142: return 'l';                /* Ł ł */
    case 0x00D8: case 0x00F8: return 'o';                /* Ø ø */
    case 0x0110: case 0x0111: return 'd';                /* Đ đ */
    case 0x0126: case 0x0127: return 'h';                /* Ħ ħ */
    case 0x0131: return 'i';                             /* ı */
    default:
      break;
    }

  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  if (n > 1)
    {
      gboolean marks_only = TRUE;

      for (gsize i = 1; i < n; i++)
        marks_only = marks_only && g_unichar_ismark (decomposed[i]);
      if (marks_only)
        c = decomposed[0];
    }

  /* Upper then lower, as Unicode's simple case folding does for nearly
   * every letter (final sigma, Kelvin sign, …). */
  c = g_unichar_tolower (g_unichar_toupper (c));
  return c <= 0xFFFF ? c : 0xFFFD;
}

const guint16 *
dossier_text_fold_table (void)
{
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      guint16 *table = g_new (guint16, 0x10000);

      for (gunichar c = 0; c < 0x10000; c++)
        {
          if (c >= 0xD800 && c <= 0xDFFF)
            table[c] = 0xFFFD;
          else if (c < 0x80)
            table[c] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') :
                       c == '\n' || c == '\t' || c == '\r' ? ' ' : c;
          else
            table[c] = fold_code_point (c);
        }

      fold_table = table;
      g_once_init_leave (&ready, 1);
    }

  return fold_table;
}

gboolean
dossier_unichar_is_word (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c) || c == '_';

  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The longest Roman numeral a list writes below 4000: mmmdccclxxxviii. */
#define ROMAN_MAX_CHARS 15

/* The value of a Roman digit in lower case, 0 for another character. */
static int
roman_digit (char c)
{
  switch (c)
    {
    case 'i': return 1;
    case 'v': return 5;
    case 'x': return 10;
    case 'l': return 50;
    case 'c': return 100;
    case 'd': return 500;
    case 'm': return 1000;
    default: return 0;
    }
}

/* The value of the @n bytes at @s as a Roman numeral in lower case, as
 * lists number their items, 1 to 3999, written the one way it is ("iv",
 * not "iiii" or "vx": its value written again must give it back); 0 if
 * they are not one. */
static int
roman_value (const char *s,
             gsize       n)
{
  static const struct { int value; const char *digits; } numerals[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };
  gsize w = 0;
  int value = 0;
  int left;

  if (n == 0 || n > ROMAN_MAX_CHARS)
    return 0;
  for (gsize i = 0; i < n; i++)
    {
      int digit = roman_digit (s[i]);

      if (digit == 0)
        return 0;
      /* (a smaller digit before a larger one is taken away: "iv") */
      value += i + 1 < n && digit < roman_digit (s[i + 1]) ? -digit : digit;
    }
  if (value < 1 || value > 3999)
    return 0;

  left = value;
  for (gsize k = 0; k < G_N_ELEMENTS (numerals); k++)
    for (; left >= numerals[k].value; left -= numerals[k].value)
      for (const char *d = numerals[k].digits; *d != '\0'; d++)
        {
          if (w == n || *d != s[w])
            return 0;
          w++;
        }
  return w == n ? value : 0;
}

/* The value of the @n bytes at @s as letters in lower case as browsers
 * letter a list (a … z, aa, ab … zz: two at most, 702 items, for a longer
 * word in brackets is a word); 0 if they are not. */
static int
letters_value (const char *s,
               gsize       n)
{
  if (n == 1 && g_ascii_islower (s[0]))
    return s[0] - 'a' + 1;
  if (n == 2 && g_ascii_islower (s[0]) && g_ascii_islower (s[1]))
    return (s[0] - 'a' + 1) * 26 + s[1] - 'a' + 1;
  return 0;
}

/* An item's number as written, read whatever it may be: "12.", "(iv)",
 * "B)", "C.". */
typedef struct
{
  gsize    length;    /* bytes, with its brackets or stop; 0: none */
  gsize    at, n;     /* its digits or letters (one case), in bytes */
  char     close;     /* ')' or '.' */
  gboolean open;      /* in brackets: "(a)" */
  gboolean digits;    /* "12", not letters */
  gboolean upper;     /* "B", "IV" */
  char     lower[ROMAN_MAX_CHARS];  /* the letters in lower case */
} ItemNumber;

static gboolean
read_item_number (const char *s,
                  gsize       len,
                  ItemNumber *number)
{
  gsize i = 0;
  gsize n = 0;

  memset (number, 0, sizeof *number);
  number->open = len > 0 && s[0] == '(';
  if (number->open)
    i++;

  while (i + n < len && n < 4 && g_ascii_isdigit (s[i + n]))
    n++;
  if (n > 3)
    return FALSE;
  number->digits = n > 0;

  if (n == 0)
    {
      number->upper = i < len && g_ascii_isupper (s[i]);
      while (i + n < len && n < ROMAN_MAX_CHARS &&
             (number->upper ? g_ascii_isupper (s[i + n]) : g_ascii_islower (s[i + n])))
        {
          number->lower[n] = g_ascii_tolower (s[i + n]);
          n++;
        }
      /* (a word longer than any numeral is no number) */
      if (n == 0 || (i + n < len && g_ascii_isalpha (s[i + n])))
        return FALSE;
    }

  number->at = i;
  number->n = n;
  i += n;
  if (i + 1 >= len || (s[i + 1] != ' ' && s[i + 1] != '\t'))
    return FALSE;
  if (s[i] != ')' && (s[i] != '.' || number->open))
    return FALSE;
  number->close = s[i];
  number->length = i + 1;
  return TRUE;
}

/* What an item's number is alone, with no list around it. */
static gsize
item_number_alone (const ItemNumber *number)
{
  if (number->digits)
    return number->length;
  /* A letter or numeral in upper case, or one before a stop, can be a
   * sentence's first word ("A. Smith said", "I. e.") or a sign ("(C)
   * 2025"): only the items around it tell. */
  if (number->upper || number->close == '.')
    return 0;
  if (letters_value (number->lower, number->n) == 0 && roman_value (number->lower, number->n) == 0)
    return 0;
  return number->length;
}

gsize
dossier_text_item_number_length (const char *s,
                                 gsize       len)
{
  ItemNumber number;

  g_return_val_if_fail (s != NULL || len == 0, 0);

  if (!read_item_number (s, len, &number))
    return 0;
  return item_number_alone (&number);
}

gboolean
dossier_text_starts_with_item_number (const char *s,
                                      gsize       len)
{
  ItemNumber number;

  g_return_val_if_fail (s != NULL || len == 0, FALSE);

  return read_item_number (s, len, &number);
}

/* Whether @after's number follows @before's, written alike (the same
 * case, brackets and stop), as letters or as Roman numerals. */
static gboolean
number_follows (const ItemNumber *before,
                const ItemNumber *after)
{
  int b, a;

  if (before->digits || after->digits || before->upper != after->upper ||
      before->open != after->open || before->close != after->close)
    return FALSE;

  b = letters_value (before->lower, before->n);
  a = letters_value (after->lower, after->n);
  if (b > 0 && a == b + 1)
    return TRUE;
  b = roman_value (before->lower, before->n);
  a = roman_value (after->lower, after->n);
  return b > 0 && a == b + 1;
}

gsize
dossier_text_list_item_number_length (const char *s,
                                      gsize       len,
                                      const char *before,
                                      gsize       before_len,
                                      const char *after,
                                      gsize       after_len)
{
  ItemNumber number, other;
  gsize alone;

  g_return_val_if_fail (s != NULL || len == 0, 0);

  if (!read_item_number (s, len, &number))
    return 0;
  alone = item_number_alone (&number);
  if (alone > 0 || number.digits)
    return alone;

  /* "A) … B)", "I) … II)", "(C)" after "(B)": the list counts in them.
   * A single "I)" is a letter in a list that goes on "J)", a numeral in
   * one that goes on "II)". */
  if (before != NULL && read_item_number (before, before_len, &other) &&
      number_follows (&other, &number))
    return number.length;
  if (after != NULL && read_item_number (after, after_len, &other) &&
      number_follows (&number, &other))
    return number.length;
  return 0;
}

gboolean
dossier_text_is_bidi_control (gunichar c)
{
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

char *
dossier_text_fold (const char *text)
{
  const guint16 *table = dossier_text_fold_table ();
  g_autofree char *valid = NULL;
  GString *out;
  gboolean space = TRUE;  /* drops leading spaces */

  g_return_val_if_fail (text != NULL, NULL);

  /* Names come from project files too, where a byte that begins a
   * four-byte sequence before the end would walk past it. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar f = c < 0x10000 ? table[c] : c;

      if (f == 0 || (f == ' ' && space))
        continue;
      space = f == ' ';
      g_string_append_unichar (out, f);
    }

  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

GPtrArray *
dossier_text_folded_words (const char *text)
{
  g_autofree char *folded = dossier_text_fold (text);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = folded;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }

  return words;
}

char *
dossier_text_capitalise (const char *text)
{
  char first[8] = { 0 };

  g_return_val_if_fail (text != NULL, NULL);

  if (*text == '\0')
    return g_strdup ("");

  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (text)), first);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}
