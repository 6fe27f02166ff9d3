/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-line-cuts.c — where the reader cuts a long paragraph into lines
 * (dossier_unbroken_runs_line_cuts): at spaces, after a sentence where it
 * can, every so many code points at most, offsets exact. */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "dossier-unbroken-runs.h"

/* Checks what every cut must be: a space (not at a line's ends), its byte
 * and code point offsets agreeing, in order. */
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

      g_assert_cmpuint (cut->byte, <, length);
      g_assert_cmpuint (cut->byte, >=, byte);
      g_assert_cmpint (text[cut->byte], ==, ' ');
      offset += g_utf8_pointer_to_offset (text + byte, text + cut->byte);
      byte = cut->byte;
      g_assert_cmpint (cut->offset, ==, offset);
      g_assert_cmpuint (cut->byte, >, 0);
      g_assert_cmpint (text[cut->byte - 1], !=, '\n');
      g_assert_cmpint (text[cut->byte + 1], !=, '\n');
      g_assert_cmpint (text[cut->byte + 1], !=, '\0');
      if (i > 0)
        g_assert_cmpint (cut->offset, >, g_array_index (cuts, DossierLineCut, i - 1).offset);
    }
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
  g_autofree char *cut_text = NULL;
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

      /* After a sentence: "." or a closing quote after "?". */
      g_assert_true (before == '.' || before == 0x201D);
      g_assert_cmpint (cut->offset - start, <=, limit);
      g_assert_cmpint (cut->offset - start, >=, limit / 2);
      start = cut->offset + 1;
    }
  /* None in the title, nor in the last line. */
  g_assert_cmpint (g_array_index (cuts, DossierLineCut, 0).offset, >, 12);
  g_assert_cmpint (g_array_index (cuts, DossierLineCut, cuts->len - 1).offset, <, length - 20);

  cut_text = g_strdup (text->str);
  for (guint i = 0; i < cuts->len; i++)
    cut_text[g_array_index (cuts, DossierLineCut, i).byte] = '\n';
  g_assert_cmpint (g_utf8_strlen (cut_text, -1), ==, length);
  for (guint i = 0; i < cuts->len; i++)
    {
      const DossierLineCut *cut = &g_array_index (cuts, DossierLineCut, i);

      g_assert_cmpint (g_utf8_get_char (g_utf8_offset_to_pointer (cut_text, cut->offset)), ==, '\n');
      cut_text[cut->byte] = ' ';
    }
  g_assert_cmpstr (cut_text, ==, text->str);
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

/* A run without a space longer than the limit: cut at its end's space,
 * and the words after it cut as before. A whole line without a space:
 * nothing to cut. */
static void
test_unbroken_run (void)
{
  g_autoptr(GString) text = g_string_new ("Some words first, then ");
  g_autoptr(GArray) cuts = NULL;
  gsize run_end;

  for (guint i = 0; i < 500; i++)
    g_string_append (text, "漢");
  run_end = text->len;
  for (guint i = 0; i < 100; i++)
    g_string_append (text, " word");
  cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, 100);
  assert_cuts_valid (text->str, cuts);
  g_assert_cmpuint (cuts->len, >=, 2);
  /* The last space before the run, then the one after it. */
  g_assert_cmpuint (g_array_index (cuts, DossierLineCut, 0).byte, ==, strlen ("Some words first, then") );
  g_assert_cmpuint (g_array_index (cuts, DossierLineCut, 1).byte, ==, run_end);
  g_clear_pointer (&cuts, g_array_unref);

  g_string_assign (text, "");
  for (guint i = 0; i < 500; i++)
    g_string_append (text, "漢");
  cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, 100);
  g_assert_cmpuint (cuts->len, ==, 0);
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
  g_test_add_func ("/line-cuts/long-paragraph", test_long_paragraph);

  return g_test_run ();
}
