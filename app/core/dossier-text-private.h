/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-text-private.h — the cleaning steps behind dossier_text_normalize(),
 * shared with the text builder so that both produce exactly the same text.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @str (@len bytes of valid UTF-8, NUL bytes allowed and dropped) to
 * @out with control characters other than '\n' and '\t' removed, CR LF and
 * lone CR turned into '\n', form feed, vertical tab, NEL, U+2028 and U+2029
 * turned into '\n', and U+FEFF (BOM / zero-width no-break space) dropped. */
void dossier_text_filter_append (GString    *out,
                                 const char *str,
                                 gsize       len);

/* Appends the NFC form of @str (@len bytes of valid UTF-8 without NUL) to
 * @out. Only the stretches that contain code points from U+0300 up are given
 * to g_utf8_normalize(), so mostly-ASCII text costs a copy. */
void dossier_text_nfc_append    (GString    *out,
                                 const char *str,
                                 gsize       len);

/* Whether @str (valid UTF-8, @len > 0 bytes) starts with a code point that
 * never composes or reorders with what precedes it, so that NFC(a + str) =
 * NFC(a) + NFC(str). Conservative: FALSE for anything it does not know. */
gboolean dossier_text_is_stable_start (const char *str,
                                       gsize       len);

/* Like g_utf8_validate() over exactly @len bytes, except that NUL bytes are
 * accepted. On failure *@bad_offset is the byte offset of the first invalid
 * sequence. */
gboolean dossier_text_validate  (const char *str,
                                 gsize       len,
                                 gsize      *bad_offset);

/* The line (1 for the first) that byte @offset of @str lies on, counting
 * "\n", "\r\n" and a lone "\r" as line breaks: where a person finds a
 * byte in a text editor, which shows lines, not byte offsets. */
guint    dossier_text_line_at   (const char *str,
                                 gsize       offset);

/* Reads slices of a text by character offsets without walking it from its
 * start for each, when they come front to back (as a document's blocks
 * do); an offset behind the last one starts over. */
typedef struct
{
  const char *text;
  const char *p;       /* where @offset is */
  gint64      offset;
} DossierTextCursor;

#define DOSSIER_TEXT_CURSOR_INIT(text) { (text), (text), 0 }

/* Where character @offset of the text is (its end if shorter). */
const char *dossier_text_cursor_seek  (DossierTextCursor *cursor,
                                       gint64             offset);

/* A copy of characters [@start, @end) of the text ("" when empty). */
char       *dossier_text_cursor_slice (DossierTextCursor *cursor,
                                       gint64             start,
                                       gint64             end);

/* The first 60 characters of @text on one line (line breaks and tabs as
 * spaces, "…" when cut), valid UTF-8 whatever @text is (NULL: ""): a
 * passage named in a one-line report by its own words. */
char    *dossier_text_excerpt   (const char *text);

/* The folding behind dossier_text_fold(), one entry per code point of the
 * Basic Multilingual Plane: 0 = dropped (marks, invisible format
 * characters), ' ' for every space, line break and tab, '\'' for every
 * apostrophe, '"' for every quote, '-' for every dash, else the code point
 * lower-cased without its accents. Code points above U+FFFF fold to
 * themselves. Built on first use (thread-safe). */
const guint16 *dossier_text_fold_table (void);

/* The words of @text folded (dossier_text_fold()), split at anything that
 * is not a letter or digit. */
GPtrArray     *dossier_text_folded_words (const char *text);

/* @text with its first letter in title case ("islanders" → "Islanders"). */
char          *dossier_text_capitalise (const char *text);

/* Letters, digits, marks and '_': what a whole word is made of. */
gboolean       dossier_unichar_is_word (gunichar c);

/* Whether @len bytes at @str are text as a project stores it: valid UTF-8
 * without NUL. Its number of code points in *@length (if not NULL). Eight
 * ASCII bytes at a time. */
gboolean dossier_text_validate_stored (const char *str,
                                       gsize       len,
                                       gint64     *length);

/* A copy of @len bytes at @str (-1: up to its NUL) that is valid UTF-8
 * without NUL: each invalid sequence and NUL becomes U+FFFD. NULL for
 * NULL. For strings read from a file someone else may have written. */
char    *dossier_text_dup_valid       (const char *str,
                                       gssize      len);

G_END_DECLS
