/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-text.c — normalization, code-point offsets, slices, context, hashes
 * and the text builder that every importer uses. */

#include "config.h"

#include <string.h>

#include <dossier/dossier-import.h>
#include <dossier/dossier-text.h>

#include "dossier-text-builder.h"
#include "dossier-text-private.h"

/* Text written for these tests: accents, curly quotes, emoji (with a ZWJ
 * family and a flag), CJK, Arabic (RTL). */
#define E_ACUTE "\xc3\xa9"                   /* é, one code point */
#define COMBINING_ACUTE "\xcc\x81"           /* U+0301 */
#define FAMILY "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7" /* 5 cp */
#define FLAG "\xf0\x9f\x87\xb3\xf0\x9f\x87\xb4"  /* 2 cp */
#define CJK "\xe6\xb8\xaf\xe5\x8f\xa3"          /* 港口, 2 cp */
#define ARABIC "\xd9\x85\xd9\x8a\xd9\x86\xd8\xa7\xd8\xa1" /* ميناء, 5 cp */

static void
test_block_kinds (void)
{
  DossierBlockKind kind;

  for (int k = DOSSIER_BLOCK_TITLE; k <= DOSSIER_BLOCK_PREFORMATTED; k++)
    {
      const char *name = dossier_block_kind_to_string (k);

      g_assert_nonnull (name);
      g_assert_true (dossier_block_kind_from_string (name, &kind));
      g_assert_cmpint (kind, ==, k);
    }

  g_assert_cmpstr (dossier_block_kind_to_string (DOSSIER_BLOCK_LIST_ITEM), ==, "list-item");
  g_assert_false (dossier_block_kind_from_string ("sidebar", &kind));
  g_assert_false (dossier_block_kind_from_string (NULL, &kind));
}

static void
assert_normalizes (const char *in,
                   gssize      len,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = dossier_text_normalize (in, len, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_normalize (void)
{
  /* BOM, CRLF and lone CR. */
  assert_normalizes ("\xef\xbb\xbfOne\r\nTwo\rThree\n", -1, "One\nTwo\nThree\n");
  /* Control characters go, tabs and newlines stay; page breaks and line
   * separators become newlines. */
  assert_normalizes ("a\x01" "b\tc\x7f" "d\x1b" "e\ff\xe2\x80\xa8g\xe2\x80\xa9h\xc2\x85i\xc2\x9bj",
                     -1, "ab\tcde\nf\ng\nh\nij");
  /* A NUL inside the data is dropped, not the end of the text. */
  assert_normalizes ("before\0after", 12, "beforeafter");
  assert_normalizes ("\0\0x\0", 4, "x");
  /* NFC composes e + combining acute into é, also mid-word and next to
   * curly quotes and CJK; precomposed text is left alone. */
  assert_normalizes ("Caf" "e" COMBINING_ACUTE " \xe2\x80\x9cq\xe2\x80\x9d " CJK, -1,
                     "Caf" E_ACUTE " \xe2\x80\x9cq\xe2\x80\x9d " CJK);
  assert_normalizes ("Caf" E_ACUTE, -1, "Caf" E_ACUTE);
  /* A control character between a letter and its accent does not stop
   * them from composing. */
  assert_normalizes ("e\x01" COMBINING_ACUTE, -1, E_ACUTE);
  /* Hangul jamo compose into a syllable. */
  assert_normalizes ("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", -1, "\xed\x95\x9c");
  /* ZWJ sequences and RTL text pass unchanged. */
  assert_normalizes (FAMILY " " FLAG " " ARABIC, -1, FAMILY " " FLAG " " ARABIC);
  /* A BOM later in the data (concatenated files) goes too. */
  assert_normalizes ("a\xef\xbb\xbf" "b", -1, "ab");
  assert_normalizes ("", 0, "");
}

static void
test_normalize_invalid (void)
{
  g_autoptr(GError) error = NULL;
  char *out;

  out = dossier_text_normalize ("ok \xff\xfe bad", -1, &error);
  g_assert_null (out);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  /* Truncated sequence at the end, overlong encoding, surrogate. */
  out = dossier_text_normalize ("abc\xc3", -1, &error);
  g_assert_null (out);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING);
  g_clear_error (&error);

  out = dossier_text_normalize ("\xc0\xaf", -1, &error);
  g_assert_null (out);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING);
  g_clear_error (&error);

  out = dossier_text_normalize ("\xed\xa0\x80", -1, &error);
  g_assert_null (out);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING);
}

/* The validator skims ASCII and checks the rest itself: it must agree
 * with GLib's on every string, to the byte it reports, and the length
 * counted eight bytes at a time with g_utf8_strlen(). */
static void
test_validate_like_glib (void)
{
  static const guchar interesting[] = {
    0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee,
    0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf8, 0xfe, 0xff,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 40);
      const char *bad = NULL;
      gsize our_bad = 0;
      gboolean valid, ours;

      for (guint i = 0; i < n; i++)
        {
          guint kind = g_rand_int_range (rand, 0, 10);

          if (kind < 4)
            g_string_append_c (s, g_rand_int_range (rand, 1, 0x80));
          else if (kind < 7)
            {
              gunichar c;

              do
                c = g_rand_int_range (rand, 0x80, kind == 6 ? 0x110000 : 0x3000);
              while (c >= 0xd800 && c < 0xe000);
              g_string_append_unichar (s, c);
            }
          else
            g_string_append_c (s, interesting[g_rand_int_range (rand, 0, G_N_ELEMENTS (interesting))]);
        }

      valid = g_utf8_validate_len (s->str, s->len, &bad);
      ours = dossier_text_validate (s->str, s->len, &our_bad);
      g_assert_cmpint (ours, ==, valid);
      if (!valid)
        g_assert_cmpuint (our_bad, ==, bad - s->str);
      else
        g_assert_cmpint (dossier_text_length (s->str), ==, g_utf8_strlen (s->str, -1));
    }

  /* NUL bytes are accepted (and dropped later); what follows one counts. */
  g_assert_true (dossier_text_validate ("a\0b", 3, NULL));
  g_assert_false (dossier_text_validate ("a\0\xff", 3, NULL));
}

/* Normalization skims runs that need no work eight bytes at a time; cut
 * anywhere, with marks that compose arriving at every alignment, it must
 * give what g_utf8_normalize() gives for the whole. */
static void
test_normalize_like_glib (void)
{
  static const char * const pieces[] = {
    "a", "e", "word ", "  ", "\n", "\t", E_ACUTE, "\xc3\xb6", "\xc7\x84", "\xc9\x90",
    COMBINING_ACUTE, "\xcc\x96", "\xcc\x88", "\xe1\x84\x80", "\xe1\x85\xa1", "\xe1\x86\xa8",
    CJK, FAMILY, "\xe2\x80\x9c", "\xe2\x84\xab", "\xef\xbc\xa1", "\xcd\x85", "\xd7\x90",
    "\xe0\xa4\x95\xe0\xa4\xbc", "\xc3\x85", "A\xcc\x8a",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      g_autofree char *ours = NULL;
      g_autofree char *glib = NULL;
      guint n = g_rand_int_range (rand, 1, 60);

      for (guint i = 0; i < n; i++)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      ours = dossier_text_normalize (s->str, s->len, NULL);
      glib = g_utf8_normalize (s->str, s->len, G_NORMALIZE_NFC);
      g_assert_cmpstr (ours, ==, glib);
    }
}

/* What the filter keeps of @s, one code point at a time. */
static char *
filter_slowly (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
        }
      else if (c == '\f' || c == '\v' || c == 0x85 || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, '\n');
      else if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0) || c == 0xfeff)
        ;
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The filter skims runs that need no work eight bytes at a time, accented
 * letters included: the characters it drops or changes are found at every
 * alignment. */
static void
test_filter_like_slowly (void)
{
  static const char * const pieces[] = {
    "a", "word ", "\n", "\t", E_ACUTE, "\xc3\xb6", CJK, "\xe2\x80\x9c", "\r", "\r\n", "\x01",
    "\x7f", "\x0c", "\x0b", "\xc2\x85", "\xc2\x90", "\xc2\xa0", "\xe2\x80\xa8", "\xe2\x80\xa9",
    "\xef\xbb\xbf", "\xef\xbc\xa1", "\xc2\xbf", "\xe2\x82\xac",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      g_autofree char *ours = NULL;
      g_autofree char *expected = NULL;
      guint n = g_rand_int_range (rand, 1, 60);

      for (guint i = 0; i < n; i++)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      ours = dossier_text_normalize (s->str, s->len, NULL);
      expected = filter_slowly (s->str);
      g_assert_cmpstr (ours, ==, expected);
    }
}

/* Mixed text: curly quotes, accents, a combining mark, CJK, CRLF. */
#define MIXED_LINE "The harbour\xe2\x80\x99s caf" E_ACUTE " opened at dawn, " \
                   "and the \xe2\x80\x9cnew\xe2\x80\x9d pier (" CJK ") was e" COMBINING_ACUTE \
                   "lectric.\r\n"

static void
check_normalize_big (gsize size)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *line = dossier_text_normalize (MIXED_LINE, strlen (MIXED_LINE), NULL);
  g_autofree char *out = NULL;

  /* Lines end with a newline, so each normalizes on its own: the whole is
   * the normalized line over and over, however big. */
  while (big->len < size)
    {
      g_string_append (big, MIXED_LINE);
      g_string_append (expected, line);
    }

  out = dossier_text_normalize (big->str, big->len, NULL);
  g_assert_nonnull (out);
  g_assert_null (strstr (out, "\r"));
  g_assert_null (strstr (out, COMBINING_ACUTE));
  g_assert_cmpuint (strlen (out), ==, expected->len);
  g_assert_true (memcmp (out, expected->str, expected->len) == 0);
}

/* Big inputs come out whole and right (their cost is bench-core's
 * "normalize" figures, at 1 and 8 MB). */
static void
test_normalize_big (void)
{
  g_autofree char *line = dossier_text_normalize (MIXED_LINE, strlen (MIXED_LINE), NULL);

  /* The line itself: composed, LF. */
  g_assert_true (g_str_has_suffix (line, "was " E_ACUTE "lectric.\n"));
  check_normalize_big (1024 * 1024);
  check_normalize_big (8 * 1024 * 1024);
}

static void
test_length_and_slice (void)
{
  const char *text = "Caf" E_ACUTE " " FAMILY " " CJK " " ARABIC " " FLAG "!";
  g_autofree char *s1 = NULL;
  g_autofree char *s2 = NULL;
  g_autofree char *s3 = NULL;
  g_autofree char *s4 = NULL;
  g_autofree char *s5 = NULL;

  /* 4 + 1 + 5 + 1 + 2 + 1 + 5 + 1 + 2 + 1 */
  g_assert_cmpint (dossier_text_length (text), ==, 23);
  g_assert_cmpint (dossier_text_length (""), ==, 0);

  s1 = dossier_text_slice (text, 3, 4);
  g_assert_cmpstr (s1, ==, E_ACUTE);
  s2 = dossier_text_slice (text, 5, 10);
  g_assert_cmpstr (s2, ==, FAMILY);
  s3 = dossier_text_slice (text, 11, 13);
  g_assert_cmpstr (s3, ==, CJK);
  s4 = dossier_text_slice (text, 14, 19);
  g_assert_cmpstr (s4, ==, ARABIC);
  /* Clamped to the text; empty when reversed. */
  s5 = dossier_text_slice (text, 20, 1000);
  g_assert_cmpstr (s5, ==, FLAG "!");
  g_free (s5);
  s5 = dossier_text_slice (text, -5, 3);
  g_assert_cmpstr (s5, ==, "Caf");
  g_free (s5);
  s5 = dossier_text_slice (text, 8, 2);
  g_assert_cmpstr (s5, ==, "");
  g_free (s5);
  s5 = dossier_text_slice (text, 500, 600);
  g_assert_cmpstr (s5, ==, "");
}

/* A cursor's slices are dossier_text_slice()'s, in any order: forwards it
 * walks on, backwards it starts over; a reversed or past-the-end range is
 * empty. */
static void
test_cursor_slice (void)
{
  const char *text = "Caf" E_ACUTE " " FAMILY " " CJK " " ARABIC " " FLAG "!";
  const gint64 ranges[][2] = {
    { 0, 4 }, { 5, 10 }, { 11, 13 }, { 3, 4 }, { 14, 19 }, { 19, 14 }, { 20, 1000 },
    { 500, 600 }, { 0, 0 }, { 2, 23 },
  };
  DossierTextCursor cursor = DOSSIER_TEXT_CURSOR_INIT (text);

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autofree char *got = dossier_text_cursor_slice (&cursor, ranges[i][0], ranges[i][1]);
      g_autofree char *want = dossier_text_slice (text, ranges[i][0], ranges[i][1]);

      g_assert_cmpstr (got, ==, want);
    }
}

static void
test_quote_context (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  gint64 start;

  /* 40 accented letters, the quote, 40 CJK characters. */
  for (int i = 0; i < 40; i++)
    g_string_append (text, E_ACUTE);
  start = 40;
  g_string_append (text, "the \xe2\x80\x9cquote\xe2\x80\x9d " FAMILY);
  for (int i = 0; i < 20; i++)
    g_string_append (text, CJK);

  dossier_text_quote_context (text->str, start, start + 17, &quote, &prefix, &suffix);
  g_assert_cmpstr (quote, ==, "the \xe2\x80\x9cquote\xe2\x80\x9d " FAMILY);
  g_assert_cmpint (dossier_text_length (prefix), ==, DOSSIER_CONTEXT_LENGTH);
  g_assert_cmpint (dossier_text_length (suffix), ==, DOSSIER_CONTEXT_LENGTH);
  g_assert_true (g_str_has_prefix (suffix, CJK));
  g_clear_pointer (&quote, g_free);
  g_clear_pointer (&prefix, g_free);
  g_clear_pointer (&suffix, g_free);

  /* At the very start and end, context is shorter. */
  dossier_text_quote_context ("short text", 0, 5, &quote, &prefix, &suffix);
  g_assert_cmpstr (quote, ==, "short");
  g_assert_cmpstr (prefix, ==, "");
  g_assert_cmpstr (suffix, ==, " text");
}

/* Contexts near the end of a big text: each walks to its place once and
 * comes out right (the walks' cost is bench-core's "quote contexts"
 * figure). */
static void
test_context_near_end (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *unit = "Quay " E_ACUTE " " CJK " \xe2\x80\x94 ";
  gint64 unit_length = dossier_text_length (unit);
  gint64 len;

  while (text->len < 4 * 1024 * 1024)
    g_string_append (text, unit);
  len = dossier_text_length (text->str);
  g_assert_cmpint (len % unit_length, ==, 0);

  for (int i = 0; i < 200; i++)
    {
      g_autofree char *quote = NULL, *prefix = NULL, *suffix = NULL;
      g_autofree char *expected = NULL;
      gint64 start = len - 100 - i;
      /* The text repeats: the same slice of its last units. */
      gint64 k = 400 / unit_length + 1;
      const char *tail = g_utf8_offset_to_pointer (text->str + text->len - k * strlen (unit),
                                                   start - (len - k * unit_length));

      dossier_text_quote_context (text->str, start, len - 50, &quote, &prefix, &suffix);
      g_assert_cmpint (dossier_text_length (quote), ==, 50 + i);
      expected = g_strndup (tail, g_utf8_offset_to_pointer (tail, 50 + i) - tail);
      g_assert_cmpstr (quote, ==, expected);
      g_assert_cmpint (dossier_text_length (prefix), ==, DOSSIER_CONTEXT_LENGTH);
      g_assert_cmpint (dossier_text_length (suffix), ==, DOSSIER_CONTEXT_LENGTH);
    }
}

static void
test_shorten (void)
{
  g_autofree char *huge = g_strnfill (1024 * 1024, 'x');
  char *s;

  s = dossier_text_shorten (NULL, 5);
  g_assert_cmpstr (s, ==, "");
  g_free (s);
  s = dossier_text_shorten ("Harbour", 7);
  g_assert_cmpstr (s, ==, "Harbour");
  g_free (s);
  /* Characters, not bytes; the "…" counts as one. */
  s = dossier_text_shorten ("Žáková", 5);
  g_assert_cmpstr (s, ==, "Žáko…");
  g_free (s);
  s = dossier_text_shorten ("ab", 1);
  g_assert_cmpstr (s, ==, "…");
  g_free (s);
  /* Text that is not valid UTF-8 after all (a file's): not read past
   * its end. */
  s = dossier_text_shorten ("ab\xed", 5);
  g_assert_cmpstr (s, ==, "ab\xed");
  g_free (s);
  s = dossier_text_shorten (huge, 200);
  g_assert_cmpint (g_utf8_strlen (s, -1), ==, 200);
  g_assert_true (g_str_has_suffix (s, "x…"));
  g_free (s);
}

/* What a window shows: at most DOSSIER_TEXT_SHOWN_MAX characters, no
 * run without a line break of more than DOSSIER_TEXT_SHOWN_RUN_MAX, the
 * text after a cut word kept; words, addresses and CJK untouched. */
static void
test_shown (void)
{
  g_autofree char *huge = g_strnfill (1024 * 1024, 't');
  g_autofree char *word = g_strnfill (150, 'w');
  g_autofree char *cjk = NULL;
  g_autofree char *with_word = g_strconcat ("Fares ", word, " rise", NULL);
  g_autoptr(GString) many = g_string_new (NULL);
  char *s;

  for (guint i = 0; i < 1000; i++)
    g_string_append (many, "港口渡轮");
  cjk = g_strdup (many->str);

  g_assert_cmpuint (dossier_text_longest_run (NULL), ==, 0);
  g_assert_cmpuint (dossier_text_longest_run ("Harbour ferry fares"), ==, 7);
  g_assert_cmpuint (dossier_text_longest_run ("https://example.org/harbour/ferry-fares"), ==, 11);
  g_assert_cmpuint (dossier_text_longest_run (cjk), <=, 1);
  g_assert_cmpuint (dossier_text_longest_run (huge), ==, 1024 * 1024);

  s = dossier_text_shown ("Harbour ferry fares");
  g_assert_cmpstr (s, ==, "Harbour ferry fares");
  g_free (s);
  s = dossier_text_shown (huge);
  g_assert_cmpuint (g_utf8_strlen (s, -1), ==, DOSSIER_TEXT_SHOWN_RUN_MAX);
  g_assert_true (g_str_has_suffix (s, "t…"));
  g_free (s);
  s = dossier_text_shown (with_word);
  g_assert_cmpuint (dossier_text_longest_run (s), ==, DOSSIER_TEXT_SHOWN_RUN_MAX);
  g_assert_true (g_str_has_prefix (s, "Fares www"));
  g_assert_true (g_str_has_suffix (s, "w… rise"));
  g_free (s);
  /* Ideographs break anywhere: only shortened. */
  s = dossier_text_shown (cjk);
  g_assert_cmpuint (g_utf8_strlen (s, -1), ==, DOSSIER_TEXT_SHOWN_MAX);
  g_free (s);
  /* Not valid UTF-8 after all: not read past its end. */
  s = dossier_text_shown ("ab\xed");
  g_assert_cmpstr (s, ==, "ab\xed");
  g_free (s);
}

/* The embeddings, overrides and isolates (and their ends) are bidi
 * controls; the direction marks and the characters beside them are not. */
static void
test_bidi_control (void)
{
  const gunichar controls[] = { 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069 };
  const gunichar others[] = { 0x200e, 0x200f, 0x061c, 0x2029, 0x202f, 0x2065, 0x206a, 'a', 0x0627 };

  for (gsize i = 0; i < G_N_ELEMENTS (controls); i++)
    g_assert_true (dossier_text_is_bidi_control (controls[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_false (dossier_text_is_bidi_control (others[i]));
}

/* A list item's own number, as lists and reports write it (the reader
 * draws no bullet beside one); a sentence's first word is not one. */
static void
test_item_number (void)
{
  const struct { const char *text; gsize length; } cases[] = {
    { "1. Summary", 2 }, { "12) Costs", 3 }, { "(a) Work only", 3 }, { "(iv) Fees", 4 },
    { "(2) Second", 3 }, { "1.\tTabbed", 2 }, { "3.", 0 }, { "4)x", 0 }, { "b) Publish", 2 }, { "xi) Late", 3 },
    { "A. Smith said", 0 }, { "a. the start", 0 }, { "(via the port)", 0 },
    { "2019 was dry", 0 }, { "1234. Too long", 0 }, { "(a", 0 }, { "()", 0 },
    { "(A) Upper", 0 }, { "", 0 }, { "2.1 Spawning season.", 0 },
    /* Past xvii, and past z, as browsers number an ordered list (the
     * HTML importer writes what they show). */
    { "xviii) Fees", 6 }, { "(xviii) Fees", 7 }, { "xxxix) Dues", 6 }, { "xl) Tolls", 3 },
    { "cdxliv) Rent", 7 }, { "(mcmxcix) Late", 9 }, { "mmmcmxcix) Last", 10 },
    { "(mmmdccclxxxviii) Longest", 17 }, { "aa) Next", 3 }, { "(ab) Next", 4 }, { "zz) End", 3 },
    /* Letters that are not a Roman numeral are a word past two; so is a
     * numeral written otherwise, or past 3999. */
    { "(see) below", 0 }, { "and) so", 0 }, { "iiii) Four", 0 }, { "(mmmm) Big", 0 },
    { "(xviii Fees", 0 }, { "xviii. Fees", 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpuint (dossier_text_item_number_length (cases[i].text, strlen (cases[i].text)),
                        ==, cases[i].length);
    }

  /* Only @len bytes are read: a NUL inside is a byte like another. */
  g_assert_cmpuint (dossier_text_item_number_length ("(i\0)", 4), ==, 0);
  g_assert_cmpuint (dossier_text_item_number_length ("3.", 1), ==, 0);
}

/* In a list, its items decide together what an item starts with: letters
 * and Roman numerals in upper case, and any before a stop, are numbers
 * where the item before or after carries the number next to theirs,
 * written alike ("A) … B)", "I) … II)"); alone they are a word or a sign
 * ("A. Smith said", "(C) 2025"). */
static void
test_item_number_in_list (void)
{
  const struct { const char *before, *text, *after; gsize length; } cases[] = {
    /* Upper case, in a list that counts in it. */
    { NULL, "A) Survey", "B) Dredge", 2 }, { "A) Survey", "B) Dredge", NULL, 2 },
    { "(B) Dredge", "(C) Rebuild", NULL, 3 }, { "A. Survey", "B. Dredge", "C. Rebuild", 2 },
    { NULL, "IV) Fees", "V) Rent", 3 }, { "III) Dues", "IV) Fees", NULL, 3 },
    { "(XVII) Dues", "(XVIII) Fees", NULL, 7 }, { "Z) Last", "AA) Next", NULL, 3 },
    /* A single "I)" is what its list makes it: roman one, or a letter. */
    { NULL, "I) First", "II) Second", 2 }, { "H) Eighth", "I) Ninth", "J) Tenth", 2 },
    { "II) Second", "III) Third", NULL, 4 },
    /* Lower case before a stop, likewise. */
    { NULL, "a. the start", "b. the end", 2 }, { "ii. Fees", "iii. Rent", NULL, 4 },
    /* Alone, or beside items that do not count so. */
    { NULL, "(C) 2025 Harbour Board", NULL, 0 }, { "Tolls", "(C) 2025 Harbour Board", "Fees", 0 },
    { NULL, "A. Smith said", "The board agreed", 0 }, { NULL, "I) Alone", NULL, 0 },
    { NULL, "I) First", "K) Skipped", 0 }, { "B) Dredge", "A) Survey", NULL, 0 },
    { NULL, "A) Survey", "(B) Dredge", 0 }, { NULL, "A) Survey", "b) Dredge", 0 },
    { NULL, "A) Survey", "B. Dredge", 0 }, { NULL, "IIII) Four", "V) Five", 0 },
    { NULL, "ABC) Acronym", "ABD) Other", 0 }, { NULL, "Ab) Mixed", "Ac) Mixed", 0 },
    { NULL, "A)Survey", "B) Dredge", 0 }, { "1. One", "B) Two", "3. Three", 0 },
    /* What an item is alone it is in any list. */
    { "A) Survey", "1. Summary", "B) Dredge", 2 }, { NULL, "(iv) Fees", NULL, 4 },
    { "Z) Zed", "b) Publish", "X) Ex", 2 }, { "(A) Upper", "a. the start", NULL, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *before = cases[i].before, *after = cases[i].after;

      g_test_message ("%s / %s / %s", before, cases[i].text, after);
      g_assert_cmpuint (dossier_text_list_item_number_length (cases[i].text, strlen (cases[i].text),
                                                              before, before ? strlen (before) : 0,
                                                              after, after ? strlen (after) : 0),
                        ==, cases[i].length);
      /* (what an item is alone, with no list around it, it is in none) */
      if (cases[i].length == 0)
        g_assert_cmpuint (dossier_text_item_number_length (cases[i].text, strlen (cases[i].text)), ==, 0);
    }

  /* Only the lengths given are read. */
  g_assert_cmpuint (dossier_text_list_item_number_length ("B) Dredge", 9, "A) Survey", 1, NULL, 0), ==, 0);
  g_assert_cmpuint (dossier_text_list_item_number_length ("B) Dredge", 9, "A) Survey", 3, NULL, 0), ==, 2);
}

/* What is written as an item's number, whether or not its list makes it
 * one: the starts an importer weighs as an item's neighbours. */
static void
test_starts_with_item_number (void)
{
  const char *numbers[] = {
    "B) Dredge", "iv. Fees", "(C) 2025", "12. Twelve", "A. Smith said", "(iv)\tTabbed",
  };
  const char *none[] = {
    "B)Dredge", "Board) said", "1234. Too long", "(a. Mixed", "- Bullet", "Tolls", "B)", "",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_assert_true (dossier_text_starts_with_item_number (numbers[i], strlen (numbers[i])));
  for (gsize i = 0; i < G_N_ELEMENTS (none); i++)
    g_assert_false (dossier_text_starts_with_item_number (none[i], strlen (none[i])));
  /* Only the length given is read. */
  g_assert_false (dossier_text_starts_with_item_number ("B) Dredge", 2));
}

/* The reader reads DOSSIER_TEXT_ITEM_NUMBER_MAX_CHARS characters of an
 * item's start for its number: the longest number there is, with the
 * space after it, in lower and upper case, is that many and is read in
 * them; one character fewer and it is not. */
static void
test_item_number_max_chars (void)
{
  const char *longest[][2] = {
    { "(mmmdccclxxxvii) Fees", "(mmmdccclxxxviii) Longest" },
    { "(MMMDCCCLXXXVII) Fees", "(MMMDCCCLXXXVIII) Longest" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (longest); i++)
    {
      const char *before = longest[i][0], *item = longest[i][1];
      gsize n = DOSSIER_TEXT_ITEM_NUMBER_MAX_CHARS;

      g_assert_cmpuint (strchr (item, ' ') + 1 - item, ==, n);
      g_assert_cmpuint (dossier_text_list_item_number_length (item, n, before, strlen (before), NULL, 0),
                        ==, n - 1);
      g_assert_cmpuint (dossier_text_list_item_number_length (item, n - 1, before, strlen (before), NULL, 0),
                        ==, 0);
    }
  g_assert_cmpuint (dossier_text_item_number_length ("(mmmdccclxxxviii) Longest", DOSSIER_TEXT_ITEM_NUMBER_MAX_CHARS),
                    ==, DOSSIER_TEXT_ITEM_NUMBER_MAX_CHARS - 1);
  /* A Roman numeral a letter longer is none. */
  g_assert_cmpuint (dossier_text_item_number_length ("(mmmdccclxxxviiii) Too long", 27), ==, 0);
}

static void
test_color_is_hex (void)
{
  g_assert_true (dossier_color_is_hex ("#3584e4"));
  g_assert_true (dossier_color_is_hex ("#A0B1C2"));
  g_assert_false (dossier_color_is_hex (NULL));
  g_assert_false (dossier_color_is_hex (""));
  g_assert_false (dossier_color_is_hex ("3584e4"));     /* no '#' */
  g_assert_false (dossier_color_is_hex ("#3584e"));     /* short */
  g_assert_false (dossier_color_is_hex ("#3584e4f"));   /* long */
  g_assert_false (dossier_color_is_hex ("#35g4e4"));    /* not hex */
  g_assert_false (dossier_color_is_hex ("#fff"));       /* CSS's short form is not stored */
  g_assert_false (dossier_color_is_hex ("#3584e4\""));  /* nothing may follow into a style */
}

static void
test_hash (void)
{
  g_autofree char *h1 = dossier_text_hash ("abc");
  g_autofree char *h2 = dossier_text_hash ("abd");

  g_assert_cmpstr (h1, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (h1, !=, h2);
  g_assert_cmpint (strlen (h2), ==, 64);

  /* The processor's SHA instructions, where used, give GLib's hash for
   * every length around the block and padding boundaries, and for long
   * texts. */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (11);
    g_autoptr(GString) text = g_string_new (NULL);

    for (gsize len = 0; len < 300; len++)
      {
        g_autofree char *ours = dossier_text_hash (text->str);
        g_autofree char *glib = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, -1);

        g_assert_cmpstr (ours, ==, glib);
        g_string_append_c (text, g_rand_int_range (rand, 1, 256));
      }
    for (guint round = 0; round < 5; round++)
      {
        g_autofree char *ours = NULL;
        g_autofree char *glib = NULL;

        for (guint i = g_rand_int_range (rand, 1000, 200000); i > 0; i--)
          g_string_append_c (text, g_rand_int_range (rand, 1, 256));
        ours = dossier_text_hash (text->str);
        glib = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, -1);
        g_assert_cmpstr (ours, ==, glib);
      }
  }
}

static DossierBlock *
block_at (GArray *blocks,
          guint   i)
{
  g_assert_cmpuint (i, <, blocks->len);
  return &g_array_index (blocks, DossierBlock, i);
}

static void
assert_block_text (const char       *text,
                   GArray           *blocks,
                   guint             i,
                   DossierBlockKind  kind,
                   int               level,
                   const char       *expected)
{
  DossierBlock *b = block_at (blocks, i);
  g_autofree char *s = dossier_text_slice (text, b->start, b->end);

  g_assert_cmpstr (s, ==, expected);
  g_assert_cmpint (b->kind, ==, kind);
  g_assert_cmpint (b->level, ==, level);
}

static void
test_builder_blocks (void)
{
  g_autoptr(DossierTextBuilder) b = dossier_text_builder_new ();
  g_autofree char *text = NULL;
  g_autoptr(GArray) blocks = NULL;

  g_assert_false (dossier_text_builder_in_block (b));
  dossier_text_builder_add_block (b, DOSSIER_BLOCK_TITLE, 0, "  Caf" E_ACUTE "  title \n");
  dossier_text_builder_begin_block (b, DOSSIER_BLOCK_PARAGRAPH, 0);
  g_assert_true (dossier_text_builder_in_block (b));
  dossier_text_builder_append (b, "One \xc2\xa0 two\n", -1);
  dossier_text_builder_append (b, "three ", -1);
  dossier_text_builder_end_block (b);
  g_assert_false (dossier_text_builder_in_block (b));
  /* Empty blocks are dropped. */
  dossier_text_builder_add_block (b, DOSSIER_BLOCK_PARAGRAPH, 0, "   \n\t ");
  dossier_text_builder_add_block (b, DOSSIER_BLOCK_HEADING, 2, NULL);
  /* Consecutive list items are separated by one newline. */
  dossier_text_builder_add_block (b, DOSSIER_BLOCK_LIST_ITEM, 1, "a");
  dossier_text_builder_add_block (b, DOSSIER_BLOCK_LIST_ITEM, 2, "b " FAMILY);
  /* Preformatted text keeps its white space, minus blank lines around. */
  dossier_text_builder_begin_block (b, DOSSIER_BLOCK_PREFORMATTED, 0);
  dossier_text_builder_append (b, "\n\n  x = 1\n\n", -1);
  dossier_text_builder_append (b, "  y\t= 2\n\n", -1);
  dossier_text_builder_end_block (b);
  dossier_text_builder_add_block (b, DOSSIER_BLOCK_QUOTE, 0, CJK ARABIC);

  g_assert_cmpint (dossier_text_builder_get_length (b), ==, 63);
  dossier_text_builder_finish (b, &text, &blocks);

  g_assert_cmpstr (text, ==,
                   "Caf" E_ACUTE " title\n\nOne two three\n\na\nb " FAMILY "\n\n"
                   "  x = 1\n\n  y\t= 2\n\n" CJK ARABIC);
  g_assert_cmpint (dossier_text_length (text), ==, 63);
  g_assert_cmpuint (blocks->len, ==, 6);
  assert_block_text (text, blocks, 0, DOSSIER_BLOCK_TITLE, 0, "Caf" E_ACUTE " title");
  assert_block_text (text, blocks, 1, DOSSIER_BLOCK_PARAGRAPH, 0, "One two three");
  assert_block_text (text, blocks, 2, DOSSIER_BLOCK_LIST_ITEM, 1, "a");
  assert_block_text (text, blocks, 3, DOSSIER_BLOCK_LIST_ITEM, 2, "b " FAMILY);
  assert_block_text (text, blocks, 4, DOSSIER_BLOCK_PREFORMATTED, 0, "  x = 1\n\n  y\t= 2");
  assert_block_text (text, blocks, 5, DOSSIER_BLOCK_QUOTE, 0, CJK ARABIC);

  /* finish() resets the builder. */
  g_assert_cmpint (dossier_text_builder_get_length (b), ==, 0);
  g_assert_false (dossier_text_builder_in_block (b));
}

static void
test_builder_normalizes (void)
{
  g_autoptr(DossierTextBuilder) b = dossier_text_builder_new ();
  g_autofree char *text = NULL;
  g_autoptr(GArray) blocks = NULL;

  /* An accent arriving in the next append still composes. */
  dossier_text_builder_begin_block (b, DOSSIER_BLOCK_PARAGRAPH, 0);
  dossier_text_builder_append (b, "Caf", -1);
  dossier_text_builder_append (b, "e", -1);
  dossier_text_builder_append (b, COMBINING_ACUTE " au lait", -1);
  g_assert_cmpint (dossier_text_builder_get_length (b), ==, 12);
  dossier_text_builder_end_block (b);

  /* A block made of a lone accented letter, split in two appends. */
  dossier_text_builder_begin_block (b, DOSSIER_BLOCK_HEADING, 3);
  dossier_text_builder_append (b, "e", 1);
  dossier_text_builder_append (b, COMBINING_ACUTE, -1);
  dossier_text_builder_end_block (b);

  /* Marks arriving out of canonical order are reordered with what came
   * before them: a + acute, then a grave-below. */
  dossier_text_builder_begin_block (b, DOSSIER_BLOCK_QUOTE, 0);
  dossier_text_builder_append (b, "a" COMBINING_ACUTE, -1);
  dossier_text_builder_append (b, "\xcc\x96", -1);
  dossier_text_builder_end_block (b);

  /* Appending with no block open opens a paragraph; control characters
   * and NUL bytes (with an explicit length) vanish; invalid UTF-8 is
   * repaired rather than passed on. */
  dossier_text_builder_append (b, "x\x01y\0z", 5);
  dossier_text_builder_begin_block (b, DOSSIER_BLOCK_PARAGRAPH, 0);
  dossier_text_builder_append (b, "bad \xff byte", -1);
  dossier_text_builder_finish (b, &text, &blocks);

  g_assert_cmpstr (text, ==, "Caf" E_ACUTE " au lait\n\n" E_ACUTE "\n\n\xc3\xa1\xcc\x96\n\n"
                   "xyz\n\nbad \xef\xbf\xbd byte");
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (blocks->len, ==, 5);
  assert_block_text (text, blocks, 2, DOSSIER_BLOCK_QUOTE, 0, "\xc3\xa1\xcc\x96");
  assert_block_text (text, blocks, 0, DOSSIER_BLOCK_PARAGRAPH, 0, "Caf" E_ACUTE " au lait");
  assert_block_text (text, blocks, 1, DOSSIER_BLOCK_HEADING, 3, E_ACUTE);
  assert_block_text (text, blocks, 3, DOSSIER_BLOCK_PARAGRAPH, 0, "xyz");

  /* What the builder made is already normalized. */
  {
    g_autofree char *again = dossier_text_normalize (text, -1, NULL);
    g_assert_cmpstr (again, ==, text);
  }
}

/* The builder copies runs of text at once, and takes already normalized
 * pieces without normalizing them again: what it makes must not depend on
 * how the text was cut into appends, nor on the way in. The reference is
 * the same text appended one character at a time. */
static void
test_builder_batches (void)
{
  static const char * const pieces[] = {
    "word", " ", "  ", "\t", "\n", "\n\n", " x ", "caf" E_ACUTE, "e", COMBINING_ACUTE,
    COMBINING_ACUTE "s", "\xc2\xa0", "\xe2\x80\x83", CJK, FAMILY, "“quoted”", "a b c", " é ",
    " \xe2\x80\x83 ", "x\xc2\xa0y", "-", "12.5", "\xcc\x96", "\xe1\x84\x80", "\xe1\x85\xa1",
    "harbour ", "quay side", "ab cd ef gh", "\xe3\x80\x80", "\xe1\x9a\x80", "n\xc3\xb6rd ",
    "x  y", "long sentence with words ",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(DossierTextBuilder) whole = dossier_text_builder_new ();
      g_autoptr(DossierTextBuilder) normalized = dossier_text_builder_new ();
      g_autoptr(DossierTextBuilder) by_char = dossier_text_builder_new ();
      g_autoptr(DossierTextBuilder) joined = dossier_text_builder_new ();
      DossierTextBuilder *builders[] = { whole, normalized, joined, by_char };
      char *text[4] = { NULL };
      GArray *blocks[4] = { NULL };
      guint n_blocks = 1 + g_rand_int_range (rand, 0, 6);

      for (guint b = 0; b < n_blocks; b++)
        {
          DossierBlockKind kind = g_rand_int_range (rand, 0, DOSSIER_BLOCK_PREFORMATTED + 1);
          guint n = g_rand_int_range (rand, 0, 40);
          g_autoptr(GString) all = g_string_new (NULL);

          for (guint k = 0; k < 4; k++)
            dossier_text_builder_begin_block (builders[k], kind, 0);
          for (guint i = 0; i < n; i++)
            {
              const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

              dossier_text_builder_append (whole, piece, -1);
              dossier_text_builder_append_normalized (normalized, piece, strlen (piece));
              for (const char *c = piece; *c != '\0'; c = g_utf8_next_char (c))
                dossier_text_builder_append (by_char, c, g_utf8_next_char (c) - c);
              g_string_append (all, piece);
            }
          /* Long stretches go through eight bytes at a time. */
          dossier_text_builder_append (joined, all->str, all->len);
          for (guint k = 0; k < 4; k++)
            dossier_text_builder_end_block (builders[k]);
        }

      for (guint k = 0; k < 4; k++)
        dossier_text_builder_finish (builders[k], &text[k], &blocks[k]);

      for (guint k = 0; k < 3; k++)
        {
          g_assert_cmpstr (text[k], ==, text[3]);
          g_assert_cmpuint (blocks[k]->len, ==, blocks[3]->len);
          g_assert_cmpmem (blocks[k]->data, blocks[k]->len * sizeof (DossierBlock),
                           blocks[3]->data, blocks[3]->len * sizeof (DossierBlock));
        }
      {
        g_autofree char *again = dossier_text_normalize (text[3], -1, NULL);

        g_assert_cmpstr (again, ==, text[3]);
        g_assert_cmpint (blocks[3]->len > 0 ? g_array_index (blocks[3], DossierBlock, blocks[3]->len - 1).end : 0,
                         ==, dossier_text_length (text[3]));
      }

      for (guint k = 0; k < 4; k++)
        {
          g_free (text[k]);
          g_array_unref (blocks[k]);
        }
    }
}

static void
test_builder_many_blocks (void)
{
  g_autoptr(DossierTextBuilder) b = dossier_text_builder_new ();
  g_autofree char *text = NULL;
  g_autoptr(GArray) blocks = NULL;
  gint64 expected = 0, at = 0;
  const char *p;

  /* 100 000 small blocks, each where the text says (offsets are counted
   * as text goes in; the cost is bench-core's "import 20 MB" figure). */
  for (int i = 0; i < 100000; i++)
    {
      dossier_text_builder_begin_block (b, i % 3 ? DOSSIER_BLOCK_LIST_ITEM : DOSSIER_BLOCK_PARAGRAPH, 1);
      dossier_text_builder_append (b, "Item caf" E_ACUTE " \xe2\x80\x9cq\xe2\x80\x9d  ", -1);
      dossier_text_builder_append (b, CJK, -1);
      dossier_text_builder_end_block (b);
    }
  dossier_text_builder_finish (b, &text, &blocks);

  g_assert_cmpuint (blocks->len, ==, 100000);
  p = text;
  for (guint i = 0; i < blocks->len; i++)
    {
      DossierBlock *bl = block_at (blocks, i);

      g_assert_cmpint (bl->end - bl->start, ==, 16);
      g_assert_cmpint (bl->start, >=, expected);
      expected = bl->end;
      /* Walking the text once, block after block. */
      for (; at < bl->start; at++)
        p = g_utf8_next_char (p);
      g_assert_true (g_str_has_prefix (p, "Item caf" E_ACUTE " \xe2\x80\x9cq\xe2\x80\x9d"));
    }
  g_assert_cmpint (dossier_text_length (text), ==, expected);
}

/* A quotation keeps its own marks; a passage cut inside one gets only the
 * mark it lacks, matching its own; anything else gets “ and ”. */
static void
test_quote_marks (void)
{
  struct { const char *text, *open, *close; } cases[] = {
    { "“the most important decision”", "", "" },
    { "«une perte»", "", "" },
    { "„Wir warten nicht“", "", "" },
    { "\"plain\"", "", "" },
    { "「東京」", "", "" },
    { "“not closed", "", "”" },
    { "\"A ward that cannot be run is not a safe", "", "\"" },
    { "«sin cerrar", "", "»" },
    { "„nicht geschlossen", "", "“" },
    { "never opened”", "“", "" },
    { "jamais ouvert»", "«", "" },
    { "a pattern nobody else can match\".", "\"", "" },
    { "never opened”,", "“", "" },
    { "he said “no”.", "“", "”" },
    { "he said \"no\"!", "“", "”" },
    { ".", "“", "”" },
    { "he said “no”", "“", "”" },
    { "“no,” he said", "“", "”" },
    { "“", "“", "”" },
    { "“”", "“", "”" },
    { "plain words", "“", "”" },
    { "", "“", "”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *open, *close;

      dossier_text_quote_marks (cases[i].text, &open, &close);
      g_assert_cmpstr (open, ==, cases[i].open);
      g_assert_cmpstr (close, ==, cases[i].close);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/text/block-kinds", test_block_kinds);
  g_test_add_func ("/dossier/text/normalize", test_normalize);
  g_test_add_func ("/dossier/text/normalize-invalid", test_normalize_invalid);
  g_test_add_func ("/dossier/text/validate-like-glib", test_validate_like_glib);
  g_test_add_func ("/dossier/text/normalize-like-glib", test_normalize_like_glib);
  g_test_add_func ("/dossier/text/filter-like-slowly", test_filter_like_slowly);
  g_test_add_func ("/dossier/text/normalize-big", test_normalize_big);
  g_test_add_func ("/dossier/text/length-and-slice", test_length_and_slice);
  g_test_add_func ("/dossier/text/cursor-slice", test_cursor_slice);
  g_test_add_func ("/dossier/text/quote-context", test_quote_context);
  g_test_add_func ("/dossier/text/context-near-end", test_context_near_end);
  g_test_add_func ("/dossier/text/hash", test_hash);
  g_test_add_func ("/dossier/text/color-is-hex", test_color_is_hex);
  g_test_add_func ("/dossier/text/builder-blocks", test_builder_blocks);
  g_test_add_func ("/dossier/text/quote-marks", test_quote_marks);
  g_test_add_func ("/dossier/text/builder-normalizes", test_builder_normalizes);
  g_test_add_func ("/dossier/text/builder-batches", test_builder_batches);
  g_test_add_func ("/dossier/text/builder-many-blocks", test_builder_many_blocks);
  g_test_add_func ("/dossier/text/bidi-control", test_bidi_control);
  g_test_add_func ("/dossier/text/item-number", test_item_number);
  g_test_add_func ("/dossier/text/item-number-in-list", test_item_number_in_list);
  g_test_add_func ("/dossier/text/item-number-max-chars", test_item_number_max_chars);
  g_test_add_func ("/dossier/text/starts-with-item-number", test_starts_with_item_number);
  g_test_add_func ("/dossier/text/shorten", test_shorten);
  g_test_add_func ("/dossier/text/shown", test_shown);

  return g_test_run ();
}
