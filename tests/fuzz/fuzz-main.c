/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-main.c — the driver shared by the importer fuzz targets.
 *
 * Each fuzz-import-*.c defines LLVMFuzzerTestOneInput(). Built normally,
 * this file's main() replays every file under the directories (or files)
 * given on the command line, recursively, then a set of synthesized hostile
 * inputs, through that function: a crash, a sanitizer report or a broken
 * invariant fails the test. Built with clang -fsanitize=fuzzer and
 * -DDOSSIER_LIBFUZZER, main() is left out and libFuzzer drives the target.
 *
 * fuzz_check_document() asserts what every importer promises about its
 * result; targets call it on each document they get.
 */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include <dossier/dossier-import.h>
#include <dossier/dossier-text.h>

int  LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
void fuzz_check_document    (const DossierParsedDocument *doc);

/* Aborts (visibly, also in release builds) when an invariant fails. */
#define FUZZ_CHECK(cond) G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      { \
        fprintf (stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
        abort (); \
      } \
  } G_STMT_END

void
fuzz_check_document (const DossierParsedDocument *doc)
{
  g_autofree char *again = NULL;
  gint64 len, last = 0;

  FUZZ_CHECK (doc != NULL);
  FUZZ_CHECK (doc->text != NULL && doc->text[0] != '\0');
  FUZZ_CHECK (g_utf8_validate (doc->text, -1, NULL));
  FUZZ_CHECK (doc->title != NULL && g_utf8_validate (doc->title, -1, NULL));
  FUZZ_CHECK (doc->format != NULL);
  FUZZ_CHECK (doc->original != NULL);
  FUZZ_CHECK (doc->blocks != NULL);
  FUZZ_CHECK (doc->author == NULL || g_utf8_validate (doc->author, -1, NULL));
  FUZZ_CHECK (doc->published == NULL || strlen (doc->published) == 10);

  /* Already normalized: normalizing again changes nothing. */
  again = dossier_text_normalize (doc->text, -1, NULL);
  FUZZ_CHECK (again != NULL && strcmp (again, doc->text) == 0);

  len = dossier_text_length (doc->text);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const DossierBlock *b = &g_array_index (doc->blocks, DossierBlock, i);

      FUZZ_CHECK (b->start >= last);
      FUZZ_CHECK (b->end > b->start);
      FUZZ_CHECK (b->end <= len);
      FUZZ_CHECK (b->kind <= DOSSIER_BLOCK_PREFORMATTED);
      FUZZ_CHECK (b->level >= 0);
      last = b->end;
    }
}

#ifndef DOSSIER_LIBFUZZER

static guint n_inputs;

static void
run_one (const guint8 *data,
         gsize         size)
{
  /* An exactly sized copy, not NUL-terminated, as libFuzzer passes it:
   * reading past the end is then caught by the address sanitizer. */
  g_autofree guint8 *copy = g_memdup2 (data, size);

  LLVMFuzzerTestOneInput (copy, size);
  n_inputs++;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
run_path (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        return;
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      /* A stable order, so that failures reproduce (the array holds
       * pointers to the names). */
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);
          run_path (child);
        }
    }
  else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (g_file_get_contents (path, &contents, &len, NULL))
        run_one ((const guint8 *) contents, len);
    }
}

static void
run_repeated (const char *unit,
              gsize       unit_len,
              guint       times,
              const char *head,
              const char *tail)
{
  g_autoptr(GString) s = g_string_new (head);

  for (guint i = 0; i < times; i++)
    g_string_append_len (s, unit, unit_len);
  if (tail != NULL)
    g_string_append (s, tail);
  run_one ((const guint8 *) s->str, s->len);
}

#define REPEAT(unit, times) run_repeated (unit, sizeof (unit) - 1, times, "", NULL)

static void
run_hostile (void)
{
#define S(x) { x, sizeof (x) - 1 }
  static const struct { const char *data; gsize len; } small[] = {
    S (""), S (" "), S ("\n"), S ("\r"), S ("\r\n\r\n"), S ("\t"), S ("\xef\xbb\xbf"),
    S ("\xff\xfe"), S ("\xfe\xff"), S ("\xff\xfe\0\0"), S ("\0\0\xfe\xff"), S ("\xff\xfe" "a"),
    S ("\xfe\xff\xd8\0"), S ("\xef\xbb\xbf\xef\xbb\xbf"), S ("#"), S ("# "), S ("#######"),
    S ("---"), S ("---\n"), S ("---\ntitle:\n---"), S ("---\ntitle: x\n...\n"), S ("```"),
    S ("~~~~"), S ("    "), S ("> "), S (">"), S ("- "), S ("1."), S ("1) "), S ("* * *"),
    S ("["), S ("]"), S ("[]()"), S ("!["), S ("[^"), S ("<"), S ("<!--"), S ("<!-- -->"),
    S ("&"), S ("&#"), S ("&#x;"), S ("&#0;"), S ("&#xD800;"), S ("&#99999999999;"), S ("`"),
    S ("``"), S ("\\"), S ("*"), S ("_"), S ("~~"), S ("|"), S ("| --- |"), S ("=\n="),
    S ("a\n="), S ("a\n-"), S ("\xcc\x81"), S ("e\xcc\x81"), S ("\xe2\x80\xa8"), S ("\xc2\x85"),
    S ("\xf4\x8f\xbf\xbf"), S ("\xf4\x90\x80\x80"), S ("\xc0\x80"), S ("\xed\xa0\x80"),
    S ("\x80"), S ("\xc3"), S ("\xe2\x82"), S ("\xf0\x9f\x98"), S ("<html"),
    S ("<!DOCTYPE html><title></title>"), S ("<meta charset=\"x-unknown\">\x93"),
    S ("<meta charset=\"windows-1252\"><p>\x93q\x94</p>"), S ("<script>"), S ("<style><!--"),
    S ("%PDF-"), S ("\x89PNG\r\n\x1a\n"), S ("PK\x03\x04"), S ("\x7f" "ELF"), S ("GIF89a"),
    S ("\xff\xd8\xff"),
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x5eed);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (small); i++)
    run_one ((const guint8 *) small[i].data, small[i].len);
#undef S

  /* Every single byte. */
  for (guint b = 0; b < 256; b++)
    {
      guint8 byte = b;
      run_one (&byte, 1);
    }

  /* Pathological nesting and repetition. */
  REPEAT ("[", 20000);
  REPEAT ("![", 10000);
  REPEAT ("[a](", 5000);
  REPEAT ("*", 50000);
  REPEAT ("_a", 20000);
  REPEAT ("`", 30000);
  REPEAT ("``a", 10000);
  REPEAT ("> ", 20000);
  REPEAT ("  - ", 5000);
  REPEAT ("- a\n  ", 5000);
  REPEAT ("1. ", 5000);
  REPEAT ("#", 10000);
  REPEAT ("<", 30000);
  REPEAT ("<a ", 10000);
  REPEAT ("<div>", 20000);
  REPEAT ("<!--", 10000);
  REPEAT ("&#", 10000);
  REPEAT ("&amp", 10000);
  REPEAT ("\\", 10000);
  REPEAT ("\xcc\x81", 20000);
  REPEAT ("\xe2\x80\xa8", 10000);
  REPEAT ("\r", 20000);
  REPEAT ("\n", 50000);
  REPEAT ("\t \n", 20000);
  REPEAT ("\xe2\x80\xa2 ", 10000);
  REPEAT ("a\n=\n", 5000);
  REPEAT ("|a", 10000);
  REPEAT ("x", 1024 * 1024);      /* one 1 MB line */
  REPEAT ("word ", 200000);       /* one 1 MB paragraph */
  run_repeated ("\0", 1, 3, "text with nuls ", " end");
  run_repeated ("a\0", 2, 5000, "", NULL);
  run_repeated ("\x01\x02", 2, 5000, "", NULL);
  run_repeated ("<p>", 3, 5000, "<!DOCTYPE html><html><body>", NULL);
  run_repeated ("x", 1, 100, "---\ntitle: ", NULL);
  run_repeated ("\xff\xfe", 2, 1000, "\xff\xfe", NULL);
  run_repeated ("a\0", 2, 999, "\xff\xfe", "\0");     /* odd-length UTF-16 */

  /* Random bytes, random text-like bytes, random structure. */
  for (guint i = 0; i < 300; i++)
    {
      static const char *tokens[] = {
        "# ", "## ", "\n", "\n\n", "- ", "* ", "  ", "    ", "1. ", "> ", "```\n", "---\n",
        "[", "]", "(", ")", "!", "*", "_", "`", "<b>", "</b>", "<!--", "-->", "&amp;",
        "word", "Caf\xc3\xa9", "\xe2\x80\x9c", "\xe2\x80\xa2 ", "\xcc\x81", "\xf0\x9f\x91\xa9\xe2\x80\x8d",
        "\xe6\xb8\xaf", "\t", "\r\n", "|", "===\n", "\\", "<https://x.example>", ":",
      };
      guint n = g_rand_int_range (rand, 0, 4000);

      g_string_truncate (s, 0);
      switch (i % 3)
        {
        case 0:
          for (guint k = 0; k < n; k++)
            g_string_append_c (s, (char) g_rand_int_range (rand, 0, 256));
          break;
        case 1:
          for (guint k = 0; k < n; k++)
            g_string_append_c (s, (char) g_rand_int_range (rand, 0x20, 0x7f));
          break;
        default:
          for (guint k = 0; k < n / 4; k++)
            g_string_append (s, tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))]);
          break;
        }
      run_one ((const guint8 *) s->str, s->len);
    }
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    {
      if (!g_file_test (argv[i], G_FILE_TEST_EXISTS))
        {
          fprintf (stderr, "%s: no such file or directory\n", argv[i]);
          return 1;
        }
      run_path (argv[i]);
    }

  run_hostile ();

  printf ("%u inputs ran without a problem\n", n_inputs);
  return 0;
}

#endif /* DOSSIER_LIBFUZZER */
