/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-text.h — normalized text and code-point offsets.
 *
 * Every offset in Dossier counts Unicode code points over normalized text
 * (UTF-8, NFC, LF line endings, no BOM, no control characters but '\n' and
 * '\t'), end exclusive — the same unit as GtkTextIter offsets.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Structure of an imported document, kept as ranges over its text. */
typedef enum
{
  DOSSIER_BLOCK_TITLE,
  DOSSIER_BLOCK_HEADING,
  DOSSIER_BLOCK_PARAGRAPH,
  DOSSIER_BLOCK_LIST_ITEM,
  DOSSIER_BLOCK_QUOTE,
  DOSSIER_BLOCK_PREFORMATTED,
} DossierBlockKind;

typedef struct
{
  gint64           start;   /* code points, inclusive */
  gint64           end;     /* code points, exclusive */
  DossierBlockKind kind;
  int              level;   /* heading level 1–6, list nesting depth 1–n, else 0 */
} DossierBlock;

/* "title", "heading", "paragraph", "list-item", "quote", "preformatted" */
const char       *dossier_block_kind_to_string   (DossierBlockKind  kind);
gboolean          dossier_block_kind_from_string (const char       *str,
                                                  DossierBlockKind *kind);

/* Normalizes valid UTF-8 (NFC, LF, no BOM, control characters other than
 * '\n' and '\t' removed, NUL bytes removed). Fails with
 * DOSSIER_IMPORT_ERROR_ENCODING if @data is not valid UTF-8. */
char             *dossier_text_normalize         (const char       *data,
                                                  gssize            len,
                                                  GError          **error);

/* Number of code points in @text (valid UTF-8). */
gint64            dossier_text_length            (const char       *text);

/* Newly allocated copy of code points [start, end) of @text; offsets are
 * clamped to the text. */
char             *dossier_text_slice             (const char       *text,
                                                  gint64            start,
                                                  gint64            end);

/* Fills quote, prefix and suffix (up to DOSSIER_CONTEXT_LENGTH code points
 * each side) for [start, end) of @text. */
#define DOSSIER_CONTEXT_LENGTH 32
void              dossier_text_quote_context     (const char       *text,
                                                  gint64            start,
                                                  gint64            end,
                                                  char            **quote,
                                                  char            **prefix,
                                                  char            **suffix);

/* @text lower-cased, without accents ("López" → "lopez"), every run of
 * spaces, tabs and line breaks made one space and trimmed, curly
 * apostrophes and quotes made straight, every dash made '-'. Two names
 * that fold the same are the same name to Dossier (aliases, suggestions). */
char             *dossier_text_fold              (const char       *text);

/* @text on one line, as a quote is printed after other text (a footnote,
 * a list of sources): its line breaks and tabs made spaces, a run of them
 * one space, none at either end. */
char             *dossier_text_join_lines        (const char       *text);

/* The marks to print around @text as a quotation: “ and ”, or "" and ""
 * when @text is one already (it opens with a quotation mark and closes
 * with the mark that matches it: “…”, «…», „…“, "…", 「…」 and the like),
 * so that a passage that quotes someone is not printed ““…””. A passage
 * that opens a quotation and never closes it gets only the closing mark
 * (""…" becomes "…"), one that closes a quotation it never opened only the
 * opening mark. */
void              dossier_text_quote_marks       (const char       *text,
                                                  const char      **open,
                                                  const char      **close);

/* The most characters a free text may have: a tag's or a stakeholder's
 * description, a stakeholder's stance and interests (some eight pages). */
#define DOSSIER_TEXT_MAX_FREE 20000

/* The most of a stored text a window shows in one label, row, tooltip,
 * title or menu item (see dossier_text_shorten ()): above every limit a
 * text shown whole is written with (a question's or an argument's 2,000
 * characters, a name's 200). */
#define DOSSIER_TEXT_SHOWN_MAX 2000

/* @text (UTF-8, not read past its end if invalid; NULL is "") when it is at most @max_chars
 * characters long, else its first @max_chars - 1 characters and "…".
 * For a stored text that a file from elsewhere may make of any length,
 * where it is shown or said whole (a label, a message, a report): a GTK
 * label of a megabyte measures for minutes. Reads no further into @text
 * than @max_chars characters. */
char             *dossier_text_shorten           (const char       *text,
                                                  gsize             max_chars);

/* The most of a passage (a highlight's quote) that a document for people
 * (a summary, a briefing note, its PDF) prints: a passage of a document of
 * one 50 MB paragraph would be ten thousand pages. Some eight pages. */
#define DOSSIER_TEXT_MAX_PASSAGE 20000

/* What a text cut by dossier_text_cut () is, for its note. */
typedef enum
{
  DOSSIER_TEXT_CUT_PASSAGE,  /* a highlight's quote */
  DOSSIER_TEXT_CUT_MEMO,     /* a highlight's memo */
  DOSSIER_TEXT_CUT_NOTE,     /* a note on evidence */
  DOSSIER_TEXT_CUT_TEXT,     /* a description, a stance, interests */
} DossierTextCut;

/* A long stored text (NULL is "") as a document for people (an export, a
 * PDF) writes it: whole when it is at most @max_chars characters long,
 * else its first @max_chars - 1 characters and "…" (as
 * dossier_text_shorten ()), and then *@note (unless @note is NULL; else
 * NULL) says what to write after it: "[cut short: the memo is 1048576
 * characters long]". Names and titles are shortened with
 * dossier_text_shorten () alone, to the most Dossier writes in them. */
char             *dossier_text_cut               (const char       *text,
                                                  gsize             max_chars,
                                                  DossierTextCut    what,
                                                  char            **note);

/* The longest run of characters with no line break between them (a word,
 * in most scripts) that a window shows: Pango wraps a longer one a
 * character at a time, shaping the rest of it again for each line, so
 * that a label of 2,000 characters in one word took 100 ms a measure
 * (GTK measures a wrapped label several times a frame), 5–10 s on Compare
 * with one such document title. No word of a language comes near it; a
 * web address breaks at its slashes and hyphens. */
#define DOSSIER_TEXT_SHOWN_RUN_MAX 100

/* What a window shows of a stored text: dossier_text_shorten (@text,
 * DOSSIER_TEXT_SHOWN_MAX), each run longer than DOSSIER_TEXT_SHOWN_RUN_MAX
 * characters with no line break in it cut to its first
 * DOSSIER_TEXT_SHOWN_RUN_MAX - 1 and "…", the text after it kept. */
char             *dossier_text_shown             (const char       *text);
/* The characters of @text's longest run with no line break opportunity in
 * it (after a space, a hyphen, a slash; around an ideograph…): what Pango
 * has to wrap a character at a time. */
gsize             dossier_text_longest_run       (const char       *text);

/* SHA-256 of the text, hex. */
char             *dossier_text_hash              (const char       *text);

/* The characters of the longest number an item starts with, and the space
 * after it: "(mmmdccclxxxviii) ", 3888 in Roman numerals. Reading that
 * many characters of an item's start is enough to find its number. */
#define DOSSIER_TEXT_ITEM_NUMBER_MAX_CHARS 18

/* Length in bytes of a list item's number at the start of @s (of @len
 * bytes), without the space or tab that must follow it, or 0: "12." and "3)" as lists
 * number their items, "(a)", "(iv)", "(2)" and "b)" as reports and
 * consultation papers do. A letter needs its bracket: "A. Smith" starts a
 * sentence, not an item; alone, a letter or numeral in upper case is
 * none either ("(C) 2025"). */
gsize             dossier_text_item_number_length (const char     *s,
                                                   gsize           len);
/* The same for an item of a list between the items @before and @after
 * (their starts, of @before_len and @after_len bytes; NULL where there is
 * none): the list's items as a whole decide what counts. Letters and Roman
 * numerals in upper case ("A)", "(IV)") and letters or numerals before a
 * stop ("B.", "ii.") are numbers where the item next to it carries the
 * number before or after it, written alike: "I)" is a letter in a list
 * that goes "H) I) J)", a numeral in one that goes "I) II)". */
gsize             dossier_text_list_item_number_length (const char *s,
                                                        gsize       len,
                                                        const char *before,
                                                        gsize       before_len,
                                                        const char *after,
                                                        gsize       after_len);

/* Whether @s (of @len bytes) starts with what is written as an item's
 * number, and the space or tab after it ("B) ", "iv. ", "(C) ", "12. "),
 * whether or not its list makes it one: the starts that
 * dossier_text_list_item_number_length () weighs, and so the items to
 * take as @before and @after. */
gboolean          dossier_text_starts_with_item_number (const char *s,
                                                        gsize       len);

/* Whether @c is a bidi control that changes the order of what follows it
 * (an embedding, override or isolate, or their end: U+202A–U+202E,
 * U+2066–U+2069), by which text from someone else can read otherwise than
 * it is ("Trojan Source"). The marks (U+200E, U+200F, U+061C) only settle
 * the direction of neutral characters, and are not. */
gboolean          dossier_text_is_bidi_control   (gunichar          c);

/* Whether @color is written "#rrggbb" (either case), the one form of a
 * colour the project stores and exports; NULL is not. */
gboolean          dossier_color_is_hex           (const char       *color);

G_END_DECLS
