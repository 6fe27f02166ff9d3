/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-line-cuts.c — where the reader cuts a long paragraph into lines
 * (dossier_unbroken_runs_line_cuts): at spaces, after a sentence where it
 * can, every so many code points at most, offsets exact; text without
 * spaces (Chinese, Japanese) at a character, after a full stop where it
 * can, never inside a grapheme. */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <pango/pango.h>

#include "dossier-unbroken-runs.h"

/* Checks what every cut must be: its character (not at a line's ends),
 * its byte and code point offsets agreeing, in order. */
static void
assert_cuts_valid (const char   *text,
                   const GArray *cuts)
{
  gsize length = strlen (text);
  gsize byte = 0;      /* the cut before's, and its offset: counted on from */
  gint64 offset = 0;

  for (guint i = 0; i < cuts->len; i++)
    {
      const DossierLineCut *cut = &g_array_index (cuts, DossierLineCut, i);
      const char *after;

      g_assert_cmpuint (cut->byte, <, length);
      g_assert_cmpuint (cut->byte, >=, byte);
      g_assert_cmpuint (g_utf8_get_char (text + cut->byte), ==, cut->ch);
      offset += g_utf8_pointer_to_offset (text + byte, text + cut->byte);
      byte = cut->byte;
      g_assert_cmpint (cut->offset, ==, offset);
      g_assert_cmpuint (cut->byte, >, 0);
      g_assert_cmpint (text[cut->byte - 1], !=, '\n');
      after = g_utf8_next_char (text + cut->byte);
      g_assert_cmpint (*after, !=, '\n');
      g_assert_cmpint (*after, !=, '\0');
      if (i > 0)
        g_assert_cmpint (cut->offset, >, g_array_index (cuts, DossierLineCut, i - 1).offset);
      /* The code points it is drawn with: on its line, after the cut before. */
      g_assert_cmpint (cut->offset - cut->joined, >, i > 0 ? g_array_index (cuts, DossierLineCut, i - 1).offset : -1);
      for (guint k = 0; k < cut->joined; k++)
        {
          const char *before = g_utf8_offset_to_pointer (text + cut->byte, -(glong) (k + 1));

          g_assert_cmpint (*before, !=, '\n');
        }
    }
}

/* Each cut's character and the code points before it it is drawn with
 * (DossierLineCut.joined) are one whole grapheme, as Pango finds them: a
 * cursor goes before them and after it, none between — no flag shown as
 * two letters, a lone regional indicator on either side of the cut, no
 * hand apart from its skin tone. */
static void
assert_cut_graphemes_whole (const char   *text,
                            const GArray *cuts)
{
  glong n_chars = g_utf8_strlen (text, -1);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n_chars + 1);

  pango_get_log_attrs (text, (int) strlen (text), -1, pango_language_from_string ("en"),
                       attrs, (int) n_chars + 1);
  for (guint i = 0; i < cuts->len; i++)
    {
      const DossierLineCut *cut = &g_array_index (cuts, DossierLineCut, i);
      gint64 first = cut->offset - cut->joined;

      if (!attrs[first].is_cursor_position || !attrs[cut->offset + 1].is_cursor_position)
        g_error ("cut %u at %" G_GINT64_FORMAT " (U+%04X, %u joined): not where a grapheme starts "
                 "and ends", i, cut->offset, cut->ch, cut->joined);
      for (gint64 k = first + 1; k <= cut->offset; k++)
        if (attrs[k].is_cursor_position)
          g_error ("cut %u at %" G_GINT64_FORMAT " (U+%04X, %u joined): more than one grapheme",
                   i, cut->offset, cut->ch, cut->joined);
    }
}

/* @text with each cut's character replaced with '\n', as a view shows it:
 * the same number of code points, each cut's '\n' at its offset; given
 * back its characters, @text again. */
static void
assert_cuts_keep_offsets (const char   *text,
                          const GArray *cuts)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GString) back = g_string_new (NULL);
  gsize byte = 0;
  gint64 from = 0;   /* the offset at shown->str + byte, below */

  for (guint i = 0; i < cuts->len; i++)
    {
      const DossierLineCut *cut = &g_array_index (cuts, DossierLineCut, i);

      g_string_append_len (shown, text + byte, cut->byte - byte);
      g_string_append_c (shown, '\n');
      byte = g_utf8_next_char (text + cut->byte) - text;
    }
  g_string_append (shown, text + byte);
  g_assert_cmpint (g_utf8_strlen (shown->str, -1), ==, g_utf8_strlen (text, -1));

  byte = 0;
  for (guint i = 0; i < cuts->len; i++)
    {
      const DossierLineCut *cut = &g_array_index (cuts, DossierLineCut, i);
      const char *at = g_utf8_offset_to_pointer (shown->str + byte, cut->offset - from);

      g_assert_cmpint (*at, ==, '\n');
      g_string_append_len (back, shown->str + byte, at - (shown->str + byte));
      g_string_append_unichar (back, cut->ch);
      byte = at + 1 - shown->str;
      from = cut->offset + 1;
    }
  g_string_append (back, shown->str + byte);
  g_assert_cmpstr (back->str, ==, text);
}

/* Short lines, however many: nothing to cut. */
static void
test_short_lines (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) cuts = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append (text, "A short paragraph of words, one of many.\n\n");
  cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, 100);
  g_assert_cmpuint (cuts->len, ==, 0);
  g_clear_pointer (&cuts, g_array_unref);
  cuts = dossier_unbroken_runs_line_cuts ("", 0, 100);
  g_assert_cmpuint (cuts->len, ==, 0);
}

/* One long paragraph of sentences (accents: bytes are not code points):
 * cut after a sentence's end, each piece at most the limit long and more
 * than half of it; the text with '\n' for each cut space has the same
 * code points everywhere else. */
static void
test_sentences (void)
{
  g_autoptr(GString) text = g_string_new ("Title line\n\n");
  g_autoptr(GArray) cuts = NULL;
  const guint limit = 200;
  gint64 start = 12;   /* the paragraph's */
  gint64 length;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "%sLe café número %u a fermé à l’été, dit-il%s",
                            i > 0 ? " " : "", i, i % 7 == 3 ? "?”" : ".");
  g_string_append (text, "\n\nA last short line.");
  length = g_utf8_strlen (text->str, -1);

  cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, limit);
  assert_cuts_valid (text->str, cuts);
  g_assert_cmpuint (cuts->len, >, 40);
  for (guint i = 0; i < cuts->len; i++)
    {
      const DossierLineCut *cut = &g_array_index (cuts, DossierLineCut, i);
      gunichar before = g_utf8_get_char (g_utf8_find_prev_char (text->str, text->str + cut->byte));

      g_assert_cmpuint (cut->ch, ==, ' ');
      /* After a sentence: "." or a closing quote after "?". */
      g_assert_true (before == '.' || before == 0x201D);
      g_assert_cmpint (cut->offset - start, <=, limit);
      g_assert_cmpint (cut->offset - start, >=, limit / 2);
      start = cut->offset + 1;
    }
  /* None in the title, nor in the last line. */
  g_assert_cmpint (g_array_index (cuts, DossierLineCut, 0).offset, >, 12);
  g_assert_cmpint (g_array_index (cuts, DossierLineCut, cuts->len - 1).offset, <, length - 20);

  assert_cuts_keep_offsets (text->str, cuts);
}

/* Words without a sentence's end in reach: cut at the last space before
 * the limit. */
static void
test_words (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) cuts = NULL;
  gint64 start = 0;

  for (guint i = 0; i < 1000; i++)
    g_string_append (text, i > 0 ? " wörd" : "wörd");
  cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, 100);
  assert_cuts_valid (text->str, cuts);
  g_assert_cmpuint (cuts->len, >=, 45);
  for (guint i = 0; i < cuts->len; i++)
    {
      const DossierLineCut *cut = &g_array_index (cuts, DossierLineCut, i);

      g_assert_cmpint (cut->offset - start, <=, 100);
      g_assert_cmpint (cut->offset - start, >, 100 - 5);
      start = cut->offset + 1;
    }
}

/* A run without a space longer than the limit (a run of CJK between
 * words): cut inside it at a character, none of its lines longer than
 * the limit; a whole line without a space too. */
static void
test_unbroken_run (void)
{
  g_autoptr(GString) text = g_string_new ("Some words first, then ");
  g_autoptr(GArray) cuts = NULL;
  gsize run_start, run_end;
  gint64 start = 0;
  guint in_run = 0;

  run_start = text->len;
  for (guint i = 0; i < 500; i++)
    g_string_append (text, "漢");
  run_end = text->len;
  for (guint i = 0; i < 100; i++)
    g_string_append (text, " word");
  cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, 100);
  assert_cuts_valid (text->str, cuts);
  assert_cuts_keep_offsets (text->str, cuts);
  for (guint i = 0; i < cuts->len; i++)
    {
      const DossierLineCut *cut = &g_array_index (cuts, DossierLineCut, i);

      g_assert_cmpint (cut->offset - start, <=, 100);
      if (cut->byte >= run_start && cut->byte < run_end)
        {
          g_assert_cmpuint (cut->ch, ==, g_utf8_get_char ("漢"));
          in_run++;
        }
      else
        g_assert_cmpuint (cut->ch, ==, ' ');
      start = cut->offset + 1;
    }
  g_assert_cmpuint (in_run, >=, 4);
  g_clear_pointer (&cuts, g_array_unref);

  g_string_assign (text, "");
  for (guint i = 0; i < 500; i++)
    g_string_append (text, "漢");
  cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, 100);
  assert_cuts_valid (text->str, cuts);
  g_assert_cmpuint (cuts->len, ==, 4);
  for (guint i = 0; i < cuts->len; i++)
    g_assert_cmpint (g_array_index (cuts, DossierLineCut, i).offset, ==, 100 + 101 * (gint64) i);
}

/* Chinese and Japanese sentences, no space anywhere: cut after a full
 * stop (with its closing bracket) in the second half of each stretch. */
static void
test_cjk_sentences (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) cuts = NULL;
  const guint limit = 200;
  gint64 start = 0;

  for (guint i = 0; i < 300; i++)
    g_string_append (text, i % 3 == 0 ? "港口大桥的通行费今天再次上涨了。"
                           : i % 3 == 1 ? "議会は「橋の料金をまた上げる」と言った。」"
                           : "市民表示不满，并要求重新审议！");
  cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, limit);
  assert_cuts_valid (text->str, cuts);
  assert_cuts_keep_offsets (text->str, cuts);
  g_assert_cmpuint (cuts->len, >=, 20);
  for (guint i = 0; i < cuts->len; i++)
    {
      const DossierLineCut *cut = &g_array_index (cuts, DossierLineCut, i);
      gunichar before = g_utf8_get_char (g_utf8_find_prev_char (text->str, text->str + cut->byte));

      g_assert_true (before == 0x3002 || before == 0xFF01 || before == 0x300D);
      g_assert_cmpint (cut->offset - start, <=, limit);
      g_assert_cmpint (cut->offset - start, >=, limit / 2);
      start = cut->offset + 1;
    }
}

/* A grapheme of several code points is never cut inside, nor is the
 * character before a mark or beside a joiner replaced: "é" as e and an
 * accent, a family emoji joined by ZWJ, a hand with a skin tone, a
 * heart with its selector, Devanagari with a virama and a vowel sign.
 * Between them, "漢" is where lines are cut; a line of them alone is cut
 * where one ends. */
static void
test_graphemes (void)
{
  static const char *const units[] = {
    "e\u0301", "👨\u200D👩\u200D👧", "👋\U0001F3FD", "❤\uFE0F", "क्षि",
  };

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GArray) cuts = NULL;

      for (guint i = 0; i < 400; i++)
        g_string_append_printf (text, "%s%s", units[u], i % 5 == 4 ? "漢" : "");
      cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, 50);
      assert_cuts_valid (text->str, cuts);
      assert_cuts_keep_offsets (text->str, cuts);
      g_assert_cmpuint (cuts->len, >, 5);
      for (guint i = 0; i < cuts->len; i++)
        g_assert_cmpuint (g_array_index (cuts, DossierLineCut, i).ch, ==, g_utf8_get_char ("漢"));

      /* A line of them alone is cut anyway (test_only_long_graphemes ()). */
      g_string_assign (text, "");
      for (guint i = 0; i < 400; i++)
        g_string_append (text, units[u]);
      g_clear_pointer (&cuts, g_array_unref);
      cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, 50);
      assert_cuts_valid (text->str, cuts);
      assert_cuts_keep_offsets (text->str, cuts);
      g_assert_cmpuint (cuts->len, >=, g_utf8_strlen (text->str, -1) / 51 - 1);

      /* Nowhere to cut within the limit, somewhere a grapheme after it:
       * there. */
      g_string_assign (text, "");
      while (g_utf8_strlen (text->str, -1) <= 50)
        g_string_append (text, units[u]);
      g_string_append (text, " then words after");
      g_clear_pointer (&cuts, g_array_unref);
      cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, 50);
      assert_cuts_valid (text->str, cuts);
      g_assert_cmpuint (cuts->len, >=, 1);
      g_assert_cmpstr (text->str + g_array_index (cuts, DossierLineCut, 0).byte, ==, " then words after");
    }
}

/* Runs without a space of graphemes of several code points mixed with
 * letters of one: flags (two regional indicators each), Hangul written
 * as conjoining jamo, a family joined by ZWJ, a hand with a skin tone,
 * stacked accents, a keycap. Each cut's character is a grapheme of its
 * own, as Pango finds graphemes: a cursor goes before it and after it
 * (a cut inside a flag made two letters of it, or one the next flag's),
 * unless none is in reach (test_only_long_graphemes ()); and the line
 * after it starts with a whole one. */
static void
test_grapheme_boundaries (void)
{
  static const char *const units[] = {
    "🇫🇷", "🇩🇪", "\u1112\u1161\u11AB", "\u1100\u1173\u11AF", "👨\u200D👩\u200D👧",
    "👋\U0001F3FD", "x\u0308\u0323", "1\uFE0F\u20E3", "b", "漢",
  };
  GRand *rand = g_rand_new_with_seed (41);

  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GArray) cuts = NULL;
      g_autofree PangoLogAttr *attrs = NULL;
      glong n_chars;

      /* (the first rounds flags and jamo alone, with a letter now and then) */
      while (text->len < 60000)
        {
          guint u = round < 2 ? (guint) g_rand_int_range (rand, 0, 4)
                              : (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (units));

          if (round < 2 && g_rand_int_range (rand, 0, 40) == 0)
            u = G_N_ELEMENTS (units) - 2;
          g_string_append (text, units[u]);
        }
      cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, 50);
      assert_cuts_valid (text->str, cuts);
      assert_cuts_keep_offsets (text->str, cuts);
      assert_cut_graphemes_whole (text->str, cuts);
      g_assert_cmpuint (cuts->len, >, 10);

      n_chars = g_utf8_strlen (text->str, -1);
      attrs = g_new0 (PangoLogAttr, n_chars + 1);
      pango_get_log_attrs (text->str, (int) text->len, -1, pango_language_from_string ("en"),
                           attrs, (int) n_chars + 1);
      for (guint i = 0, start = 0; i < cuts->len; i++)
        {
          const DossierLineCut *cut = &g_array_index (cuts, DossierLineCut, i);

          if (!attrs[cut->offset + 1].is_cursor_position)
            g_error ("round %u: cut %u at %" G_GINT64_FORMAT " (U+%04X) leaves the next line inside "
                     "a grapheme", round, i, cut->offset, cut->ch);
          /* One inside a grapheme only where no letter of its own is in
           * reach: in the stretch, nor one stretch on. */
          if (!attrs[cut->offset].is_cursor_position)
            for (glong k = start + 1; k <= MIN (start + 2 * 50, n_chars - 1); k++)
              if (attrs[k].is_cursor_position && attrs[k + 1].is_cursor_position)
                g_error ("round %u: cut %u at %" G_GINT64_FORMAT " (U+%04X) is inside a grapheme, "
                         "with one of its own at %ld", round, i, cut->offset, cut->ch, k);
          start = cut->offset + 1;
        }
    }
  g_rand_free (rand);
}

/* A run made only of graphemes of several code points each — flags, a
 * family joined by ZWJ, a flag and a family by turns, hands with a skin
 * tone — has no code point that is a grapheme of its own: it is cut
 * anyway, at a code point, no line longer than the limit, and where a
 * grapheme ends, so that each line after a cut starts
 * with a whole one (the flags after it paired as they were); the code
 * points before it of the grapheme cut at are drawn with it (joined), so
 * that no flag or hand is split either. */
static void
test_only_long_graphemes (void)
{
  static const char *const runs[][2] = {
    { "🇫🇷", "🇩🇪" },
    { "👨\u200D👩\u200D👧", "👩\u200D👩\u200D👦\u200D👦" },
    { "🇯🇵", "👨\u200D👩\u200D👧" },
    { "👋\U0001F3FD", "👍\U0001F3FF" },
  };
  const guint limit = 50;

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GArray) cuts = NULL;
      g_autofree PangoLogAttr *attrs = NULL;
      glong n_chars;
      gint64 start = 0;

      for (guint i = 0; i < 2000; i++)
        g_string_append (text, runs[r][i % 3 == 0]);
      n_chars = g_utf8_strlen (text->str, -1);
      cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, limit);
      assert_cuts_valid (text->str, cuts);
      assert_cuts_keep_offsets (text->str, cuts);
      assert_cut_graphemes_whole (text->str, cuts);
      g_assert_cmpuint (cuts->len, >=, n_chars / (limit + 1) - 1);

      attrs = g_new0 (PangoLogAttr, n_chars + 1);
      pango_get_log_attrs (text->str, (int) text->len, -1, pango_language_from_string ("en"),
                           attrs, (int) n_chars + 1);
      for (guint i = 0; i < cuts->len; i++)
        {
          const DossierLineCut *cut = &g_array_index (cuts, DossierLineCut, i);

          g_assert_cmpint (cut->offset - start, <=, limit);
          if (!attrs[cut->offset + 1].is_cursor_position)
            g_error ("run %u: the line after cut %u at %" G_GINT64_FORMAT " starts inside a grapheme",
                     r, i, cut->offset);
          start = cut->offset + 1;
        }
      /* (the last, with no place to cut after it, at most a stretch more) */
      g_assert_cmpint (n_chars - start, <=, 2 * limit + 1);
    }
}

/* 5 MB on one line: cut in one pass (a quadratic walk would take
 * minutes), into lines none longer than the limit. */
static void
test_long_paragraph (void)
{
  g_autoptr(GString) text = g_string_sized_new (5 * 1000 * 1000 + 100);
  g_autoptr(GArray) cuts = NULL;
  gint64 start = 0;
  gint64 longest = 0;

  while (text->len < 5 * 1000 * 1000)
    g_string_append (text, "The council voted on the bridge again today. ");
  g_string_truncate (text, text->len - 1);
  cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, DOSSIER_UNBROKEN_LINE_CHARS);
  assert_cuts_valid (text->str, cuts);
  g_assert_cmpuint (cuts->len, >=, text->len / DOSSIER_UNBROKEN_LINE_CHARS);
  for (guint i = 0; i <= cuts->len; i++)
    {
      gint64 end = i < cuts->len ? g_array_index (cuts, DossierLineCut, i).offset : (gint64) text->len;

      longest = MAX (longest, end - start);
      start = end + 1;
    }
  g_assert_cmpint (longest, <=, DOSSIER_UNBROKEN_LINE_CHARS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/line-cuts/short-lines", test_short_lines);
  g_test_add_func ("/line-cuts/sentences", test_sentences);
  g_test_add_func ("/line-cuts/words", test_words);
  g_test_add_func ("/line-cuts/unbroken-run", test_unbroken_run);
  g_test_add_func ("/line-cuts/cjk-sentences", test_cjk_sentences);
  g_test_add_func ("/line-cuts/graphemes", test_graphemes);
  g_test_add_func ("/line-cuts/grapheme-boundaries", test_grapheme_boundaries);
  g_test_add_func ("/line-cuts/only-long-graphemes", test_only_long_graphemes);
  g_test_add_func ("/line-cuts/long-paragraph", test_long_paragraph);

  return g_test_run ();
}
