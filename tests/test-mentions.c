/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-mentions.c — finding stakeholders' aliases in text: case and
 * accents, whole words, spaces and apostrophes, overlapping aliases,
 * code-point offsets after emoji and CJK, and agreement with a naive
 * search on random texts. Also dossier_text_fold(). */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <dossier/dossier.h>

#include "test-util.h"

/* The text of [start, end) as a new string. */
static char *
slice (const char *text,
       const DossierMention *m)
{
  return dossier_text_slice (text, m->start, m->end);
}

static GArray *
find (DossierMentionFinder *finder,
      const char           *text)
{
  return dossier_mention_finder_find (finder, text);
}

static void
assert_mention (const char           *text,
                GArray               *mentions,
                guint                 i,
                gint64                key,
                const char           *expected)
{
  const DossierMention *m;
  g_autofree char *got = NULL;

  g_assert_cmpuint (i, <, mentions->len);
  m = &g_array_index (mentions, DossierMention, i);
  got = slice (text, m);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpint (m->key, ==, key);
}

static void
test_fold (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "López Obrador", "lopez obrador" },
    { "  ANDRÉS   Manuel\n\tLÓPEZ ", "andres manuel lopez" },
    { "Mexico’s President", "mexico's president" },
    { "“Quoted” «text»", "\"quoted\" \"text\"" },
    { "Franco–German — pact", "franco-german - pact" },
    { "Łódź Ørsted straße", "lodz orsted straße" },
    { "Ca\xcc\x81" "fe\xc2\xad" "teria", "cafeteria" },   /* combining accent, soft hyphen */
    { "ΣΊΣΥΦΟΣ", "σισυφοσ" },
    { "港口 🥐", "港口 🥐" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = dossier_text_fold (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_case_and_accents (void)
{
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  /* Offsets count code points: a flag (2), CJK (2) and an emoji before. */
  const char *text = "🇳🇴 港口 🥐 López Obrador spoke; LOPEZ OBRADOR listened; "
                     "lópez obrador left. Lopez-Obrador is another spelling.";
  g_autoptr(GArray) m = NULL;

  g_assert_cmpint (dossier_mention_finder_add (finder, 7, "Lopez Obrador"), ==, 0);
  m = find (finder, text);

  g_assert_cmpuint (m->len, ==, 3);
  assert_mention (text, m, 0, 7, "López Obrador");
  g_assert_cmpint (g_array_index (m, DossierMention, 0).start, ==, 8);
  g_assert_cmpint (g_array_index (m, DossierMention, 0).end, ==, 21);
  assert_mention (text, m, 1, 7, "LOPEZ OBRADOR");
  assert_mention (text, m, 2, 7, "lópez obrador");
  g_assert_cmpuint (g_array_index (m, DossierMention, 2).alias, ==, 0);
}

static void
test_whole_words (void)
{
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  const char *text = "Mexico and Mexicans; a bus to the USA, the US Senate, "
                     "U.S. troops and U.S.-led talks; Mexico’s leader; México.";
  g_autoptr(GArray) m = NULL;

  dossier_mention_finder_add (finder, 1, "Mexico");
  dossier_mention_finder_add (finder, 2, "US");
  dossier_mention_finder_add (finder, 2, "U.S.");
  dossier_mention_finder_add (finder, 3, "Mex");
  m = find (finder, text);

  g_assert_cmpuint (m->len, ==, 6);
  assert_mention (text, m, 0, 1, "Mexico");
  assert_mention (text, m, 1, 2, "US");          /* not in "bus" nor "USA" */
  assert_mention (text, m, 2, 2, "U.S.");
  assert_mention (text, m, 3, 2, "U.S.");        /* before a hyphen */
  assert_mention (text, m, 4, 1, "Mexico");      /* before an apostrophe */
  assert_mention (text, m, 5, 1, "México");
  g_assert_cmpuint (g_array_index (m, DossierMention, 2).alias, ==, 2);
}

static void
test_spaces_and_apostrophes (void)
{
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  const char *text = "The speech by Mexico’s\nPresident was read by Mexico's   President’s aide.";
  g_autoptr(GArray) m = NULL;

  dossier_mention_finder_add (finder, 4, "  Mexico's President ");
  m = find (finder, text);

  g_assert_cmpuint (m->len, ==, 2);
  assert_mention (text, m, 0, 4, "Mexico’s\nPresident");
  assert_mention (text, m, 1, 4, "Mexico's   President");
}

static void
test_overlapping (void)
{
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  const char *text = "President López Obrador met López Obrador’s cabinet; "
                     "Andrés Manuel López Obrador and the Harbour Bridge Trust Fund.";
  g_autoptr(GArray) m = NULL;

  dossier_mention_finder_add (finder, 1, "López Obrador");
  dossier_mention_finder_add (finder, 1, "Andrés Manuel López Obrador");
  dossier_mention_finder_add (finder, 2, "President López");      /* shorter than key 1's full name */
  dossier_mention_finder_add (finder, 3, "President López Obrador");
  dossier_mention_finder_add (finder, 5, "Harbour Bridge");
  dossier_mention_finder_add (finder, 6, "Bridge Trust Fund");
  dossier_mention_finder_add (finder, 7, "Trust");
  m = find (finder, text);

  g_assert_cmpuint (m->len, ==, 4);
  assert_mention (text, m, 0, 3, "President López Obrador");
  assert_mention (text, m, 1, 1, "López Obrador");
  assert_mention (text, m, 2, 1, "Andrés Manuel López Obrador");
  /* The longer of two overlapping aliases, even when it starts later;
   * what overlaps neither is still found. */
  assert_mention (text, m, 3, 6, "Bridge Trust Fund");
}

static void
test_overlapping_equal (void)
{
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  const char *text = "alpha beta gamma delta";
  g_autoptr(GArray) m = NULL;

  dossier_mention_finder_add (finder, 1, "alpha beta");
  dossier_mention_finder_add (finder, 2, "beta gamma");
  dossier_mention_finder_add (finder, 3, "gamma delta");
  m = find (finder, text);

  /* Equal lengths: the leftmost, then what no longer overlaps. */
  g_assert_cmpuint (m->len, ==, 2);
  assert_mention (text, m, 0, 1, "alpha beta");
  assert_mention (text, m, 1, 3, "gamma delta");
}

static void
test_shared_alias (void)
{
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  const char *text = "The Minister said so.";
  g_autoptr(GArray) m = NULL;

  dossier_mention_finder_add (finder, 9, "the minister");
  dossier_mention_finder_add (finder, 3, "The Minister");
  g_assert_cmpint (dossier_mention_finder_add (finder, 3, "THE MINISTER"), ==, 1);
  g_assert_cmpuint (dossier_mention_finder_get_n_aliases (finder), ==, 2);
  m = find (finder, text);

  g_assert_cmpuint (m->len, ==, 2);
  assert_mention (text, m, 0, 3, "The Minister");
  assert_mention (text, m, 1, 9, "The Minister");
}

/* A town's council named by its town is not mentioned where the words
 * say where something is; where the town acts, and in the words of an
 * alias that says the place, it is. */
static void
test_town_as_place (void)
{
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  g_autoptr(DossierMentionFinder) place = dossier_mention_finder_new ();
  const char *text = "The town of Harrowby agreed. Patients in the town of Harrowby were not "
                     "asked, nor traders at the City of Harlow market; the city of Harlow paid. "
                     "En el ayuntamiento de Soria no hubo pleno: el ayuntamiento de Soria calla.";
  g_autoptr(GArray) m = NULL;
  g_autoptr(GArray) p = NULL;

  dossier_mention_finder_add (finder, 1, "Harrowby council");
  dossier_mention_finder_add (finder, 1, "town of Harrowby");
  dossier_mention_finder_add (finder, 2, "city of Harlow");
  dossier_mention_finder_add (finder, 3, "Ayuntamiento de Soria");
  g_assert_cmpuint (dossier_mention_finder_get_n_aliases (finder), ==, 4);
  m = find (finder, text);

  g_assert_cmpuint (m->len, ==, 3);
  assert_mention (text, m, 0, 1, "town of Harrowby");
  g_assert_cmpint (g_array_index (m, DossierMention, 0).start, ==, 4);
  assert_mention (text, m, 1, 2, "city of Harlow");
  assert_mention (text, m, 2, 3, "ayuntamiento de Soria");
  g_assert_cmpint (g_array_index (m, DossierMention, 2).start, ==,
                   g_utf8_pointer_to_offset (text, strstr (text, "ayuntamiento de Soria calla")));

  /* Said as an alias, the place is what is looked for. */
  dossier_mention_finder_add (place, 4, "in the town of Harrowby");
  p = find (place, text);
  g_assert_cmpuint (p->len, ==, 1);
  assert_mention (text, p, 0, 4, "in the town of Harrowby");
}

/* A common noun written with its capital as an alias of a name that
 * holds it ("School" of "Fenwick Church School") is that body's short
 * form: found where the text writes it so, not in lower case, nor as a
 * table's header cell or a line of its own. A name that is the word, or
 * the alias in lower case, is found wherever the word is. */
static void
test_short_form_with_its_capital (void)
{
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  const char *text = "Fenwick Church School will close. The School said the school run would "
                     "grow; SCHOOL governors agreed.\n"
                     "School\t2016\t2021\n"
                     "| School | 2016 |\n"
                     "  School  \n"
                     "The agency and the Harlby council said so. Ña Núñez — «el colegio», "
                     "dijo: «El Colegio cierra».";
  g_autoptr(GArray) m = NULL;

  dossier_mention_finder_add (finder, 1, "Fenwick Church School");
  dossier_mention_finder_add (finder, 1, "School");
  dossier_mention_finder_add (finder, 2, "Agency");
  dossier_mention_finder_add (finder, 3, "Harlby Council");
  dossier_mention_finder_add (finder, 3, "council");
  dossier_mention_finder_add (finder, 4, "Colegio Público Núñez");
  dossier_mention_finder_add (finder, 4, "Colegio");
  m = find (finder, text);

  g_assert_cmpuint (m->len, ==, 6);
  assert_mention (text, m, 0, 1, "Fenwick Church School");
  assert_mention (text, m, 1, 1, "School");
  assert_mention (text, m, 2, 1, "SCHOOL");
  assert_mention (text, m, 3, 2, "agency");
  assert_mention (text, m, 4, 3, "Harlby council");
  assert_mention (text, m, 5, 4, "Colegio");
}

static void
test_bad_aliases (void)
{
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) m = NULL;

  /* Nothing that could be a word. */
  none = find (finder, "Nothing to find here.");
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpint (dossier_mention_finder_add (finder, 1, ""), ==, -1);
  g_assert_cmpint (dossier_mention_finder_add (finder, 1, "   \n"), ==, -1);
  g_assert_cmpint (dossier_mention_finder_add (finder, 1, "—…?"), ==, -1);
  g_assert_cmpint (dossier_mention_finder_add (finder, 1, "x"), ==, 0);
  m = find (finder, "x y x\n\nyx x");
  g_assert_cmpuint (m->len, ==, 3);
  m = (g_array_unref (m), find (finder, ""));
  g_assert_cmpuint (m->len, ==, 0);
}

static void
test_non_nfc (void)
{
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  /* A decomposed é (e + U+0301) counts two code points in the text. */
  const char *text = "Jose\xcc\x81 and Jose\xcc\x81 Mari\xcc\x81" "a";
  g_autoptr(GArray) m = NULL;

  dossier_mention_finder_add (finder, 1, "José María");
  dossier_mention_finder_add (finder, 2, "José");
  m = find (finder, text);

  g_assert_cmpuint (m->len, ==, 2);
  g_assert_cmpint (g_array_index (m, DossierMention, 0).start, ==, 0);
  g_assert_cmpint (g_array_index (m, DossierMention, 0).end, ==, 5);
  g_assert_cmpint (g_array_index (m, DossierMention, 1).start, ==, 10);
  g_assert_cmpint (g_array_index (m, DossierMention, 1).end, ==, 22);
  g_assert_cmpint (g_array_index (m, DossierMention, 1).key, ==, 1);
}

/* ---- Against a naive search --------------------------------------------- */

/* Folds @text one code point at a time like the finder, keeping each
 * folded code point's offset in the original. */
static void
naive_fold (const char *text,
            GString    *folded,
            GArray     *origin,   /* gint64 per folded code point */
            GArray     *before)   /* gboolean: a word character precedes it */
{
  gint64 offset = 0;
  gboolean last_space = TRUE, last_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);
      char one[8] = { 0 };
      g_autofree char *f = NULL;

      g_unichar_to_utf8 (c, one);
      f = dossier_text_fold (one);
      if (g_unichar_isspace (c))
        {
          if (!last_space)
            {
              g_string_append_c (folded, ' ');
              g_array_append_val (origin, offset);
              g_array_append_val (before, last_word);
            }
          last_space = TRUE;
          last_word = FALSE;
          continue;
        }
      if (*f == '\0')
        continue;
      g_string_append (folded, f);
      g_array_append_val (origin, offset);
      g_array_append_val (before, last_word);
      last_space = FALSE;
      last_word = g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
    }
}

static void
test_random (void)
{
  /* Words that share prefixes, suffixes and accents. */
  static const char *words[] = { "ana", "Ána", "anab", "bel", "BÉL", "el", "l", "Ana-Bel", "a" };
  static const char *gaps[] = { " ", "  ", "\n", ", ", "-", "’", "" };
  GRand *rand = g_rand_new_with_seed (42);

  for (int round = 0; round < 300; round++)
    {
      g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) folded = g_string_new (NULL);
      g_autoptr(GArray) origin = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (gboolean));
      g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (DossierMention));
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (DossierMention));
      g_autoptr(GArray) got = NULL;
      g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func (g_free);
      int n_words = g_rand_int_range (rand, 1, 40);
      int n_aliases = g_rand_int_range (rand, 1, 5);

      for (int i = 0; i < n_words; i++)
        {
          g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append (text, gaps[g_rand_int_range (rand, 0, G_N_ELEMENTS (gaps))]);
        }
      for (int i = 0; i < n_aliases; i++)
        {
          int n = g_rand_int_range (rand, 1, 3);
          GString *alias = g_string_new (NULL);

          for (int j = 0; j < n; j++)
            {
              if (j > 0)
                g_string_append_c (alias, ' ');
              g_string_append (alias, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
            }
          g_assert_cmpint (dossier_mention_finder_add (finder, i, alias->str), ==, i);
          g_ptr_array_add (aliases, dossier_text_fold (alias->str));
          g_string_free (alias, TRUE);
        }

      naive_fold (text->str, folded, origin, before);

      /* Every whole-word occurrence of every alias... */
      for (guint a = 0; a < aliases->len; a++)
        {
          const char *alias = g_ptr_array_index (aliases, a);
          glong alias_len = g_utf8_strlen (alias, -1);
          gboolean again = FALSE;

          /* The same spelling for another key: found once, given to both. */
          for (guint b = 0; b < a; b++)
            again |= g_str_equal (alias, g_ptr_array_index (aliases, b));
          if (again)
            continue;
          for (const char *hit = strstr (folded->str, alias); hit != NULL;
               hit = strstr (g_utf8_next_char (hit), alias))
            {
              glong first = g_utf8_pointer_to_offset (folded->str, hit);
              glong last = first + alias_len - 1;
              const char *after = hit + strlen (alias);
              gunichar a0 = g_utf8_get_char (alias);
              gunichar an = g_utf8_get_char (g_utf8_prev_char (alias + strlen (alias)));
              DossierMention m;

              if (g_unichar_isalnum (a0) && g_array_index (before, gboolean, first))
                continue;
              if (g_unichar_isalnum (an) && *after != '\0' &&
                  g_unichar_isalnum (g_utf8_get_char (after)))
                continue;
              m.start = g_array_index (origin, gint64, first);
              m.end = g_array_index (origin, gint64, last) + 1;
              m.key = a;
              m.alias = a;
              g_array_append_val (candidates, m);
            }
        }

      /* ...kept longest first, then leftmost, if free. */
      while (candidates->len > 0)
        {
          guint best = 0;
          DossierMention b;
          gboolean overlaps = FALSE;

          for (guint i = 1; i < candidates->len; i++)
            {
              DossierMention *x = &g_array_index (candidates, DossierMention, i);
              DossierMention *y = &g_array_index (candidates, DossierMention, best);

              if (x->end - x->start > y->end - y->start ||
                  (x->end - x->start == y->end - y->start && x->start < y->start))
                best = i;
            }
          b = g_array_index (candidates, DossierMention, best);
          g_array_remove_index (candidates, best);
          for (guint i = 0; i < expected->len; i++)
            {
              DossierMention *e = &g_array_index (expected, DossierMention, i);

              overlaps |= e->start < b.end && b.start < e->end;
            }
          if (overlaps)
            continue;
          for (guint a = 0; a < aliases->len; a++)
            {
              if (g_str_equal (g_ptr_array_index (aliases, a), g_ptr_array_index (aliases, b.key)))
                {
                  DossierMention e = b;

                  e.key = e.alias = a;
                  g_array_append_val (expected, e);
                }
            }
        }

      got = find (finder, text->str);
      if (got->len != expected->len)
        {
          for (guint i = 0; i < aliases->len; i++)
            g_printerr ("alias %u: %s\n", i, (char *) g_ptr_array_index (aliases, i));
          for (guint i = 0; i < got->len; i++)
            g_printerr ("got %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " key %" G_GINT64_FORMAT "\n",
                        g_array_index (got, DossierMention, i).start,
                        g_array_index (got, DossierMention, i).end,
                        g_array_index (got, DossierMention, i).key);
          for (guint i = 0; i < expected->len; i++)
            g_printerr ("expected %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " key %" G_GINT64_FORMAT "\n",
                        g_array_index (expected, DossierMention, i).start,
                        g_array_index (expected, DossierMention, i).end,
                        g_array_index (expected, DossierMention, i).key);
        }
      if (got->len != expected->len)
        g_error ("round %d: %u mentions found, %u expected in “%s”",
                 round, got->len, expected->len, text->str);
      for (guint i = 0; i < got->len; i++)
        {
          DossierMention *g = &g_array_index (got, DossierMention, i);
          gboolean found = FALSE;

          for (guint j = 0; j < expected->len; j++)
            {
              DossierMention *e = &g_array_index (expected, DossierMention, j);

              found |= e->start == g->start && e->end == g->end && e->key == g->key;
            }
          if (!found)
            g_error ("round %d: unexpected mention [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                     ") of key %" G_GINT64_FORMAT " in “%s”",
                     round, g->start, g->end, g->key, text->str);
          /* In order, and apart but for keys sharing a spelling. */
          if (i > 0 && g->start != g_array_index (got, DossierMention, i - 1).start)
            g_assert_cmpint (g->start, >=, g_array_index (got, DossierMention, i - 1).end);
        }
    }

  g_rand_free (rand);
}

static gpointer
find_in_thread (gpointer data)
{
  DossierMentionFinder *finder = data;
  guint n = 0;

  for (int i = 0; i < 200; i++)
    {
      g_autoptr(GArray) m = find (finder, "Port Calder’s Harbour Bridge, PORT CALDER.");

      n += m->len;
    }

  return GUINT_TO_POINTER (n);
}

static void
test_threads (void)
{
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  GThread *threads[4];

  dossier_mention_finder_add (finder, 1, "Harbour Bridge");
  dossier_mention_finder_add (finder, 2, "Port Calder");

  /* The first searches race to build the automaton. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("find", find_in_thread, finder);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, 600);
}

/* The mention counts a file stores are checked at open by one pass over
 * them beside the counts of the texts, both in the table's order
 * (stakeholder, document): a row wrong, missing or too many is found
 * wherever it falls in that order (first, last, between), and the rows
 * no count is shown for (their document or stakeholder deleted by hand)
 * are passed over wherever they fall. */
#define TRUE_MENTIONS "1:1:1 1:3:2 2:1:1 2:2:1 3:3:1"

static char *
stored_mentions (const char *path)
{
  return test_sql_text (path, "SELECT group_concat (r, ' ') FROM "
                              "(SELECT stakeholder || ':' || document || ':' || count AS r "
                              " FROM stakeholder_mentions ORDER BY stakeholder, document)");
}

/* Three texts and four stakeholders (Ada, Ben, Cy, Dee: ids 1 to 4)
 * whose counts are TRUE_MENTIONS, in @dir; then @damage run on the file
 * from outside, if not NULL. */
static char *
make_counted (const char *dir,
              const char *damage)
{
  static const char * const names[] = { "Ada", "Ben", "Cy", "Dee" };
  char *path = g_build_filename (dir, damage != NULL ? "damaged.dossier" : "made.dossier", NULL);

  g_unlink (path);
  {
    g_autoptr(DossierProject) project = dossier_project_create (path, "Mentions", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (project);
    add_doc (project, "One", "Ada and Ben met.\n");
    add_doc (project, "Two", "Ben.\n");
    add_doc (project, "Three", "Cy and Ada, and Ada again.\n");
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      g_assert_cmpint (dossier_project_add_stakeholder (project, names[i], NULL,
                                                        DOSSIER_STAKEHOLDER_PUBLIC, &error),
                       ==, i + 1);
    g_assert_no_error (error);
  }
  {
    g_autofree char *rows = stored_mentions (path);

    g_assert_cmpstr (rows, ==, TRUE_MENTIONS);
  }
  if (damage != NULL)
    test_sql_exec (path, damage);
  return path;
}

static void
test_checked_at_open (void)
{
  static const struct
  {
    const char *sql;
    const char *left;   /* the rows after the open, if not TRUE_MENTIONS */
  } damage[] = {
    { "DELETE FROM stakeholder_mentions WHERE stakeholder = 1 AND document = 1", NULL },
    { "DELETE FROM stakeholder_mentions WHERE stakeholder = 2 AND document = 2", NULL },
    { "DELETE FROM stakeholder_mentions WHERE stakeholder = 3", NULL },
    { "DELETE FROM stakeholder_mentions", NULL },
    { "INSERT INTO stakeholder_mentions VALUES (1, 2, 1)", NULL },
    { "INSERT INTO stakeholder_mentions VALUES (4, 3, 1)", NULL },
    { "INSERT INTO stakeholder_mentions VALUES (4, 1, 1)", NULL },
    { "UPDATE stakeholder_mentions SET count = 2 WHERE stakeholder = 3", NULL },
    { "UPDATE stakeholder_mentions SET count = 5 WHERE stakeholder = 1 AND document = 1", NULL },
    /* Not shown, left alone: with the rest right, or wrong after them. */
    { "INSERT INTO stakeholder_mentions VALUES (1, 99, 5), (2, 0, 1), (9, 1, 1)",
      "1:1:1 1:3:2 1:99:5 2:0:1 2:1:1 2:2:1 3:3:1 9:1:1" },
    { "INSERT INTO stakeholder_mentions VALUES (1, 99, 5), (9, 1, 1);"
      "DELETE FROM stakeholder_mentions WHERE stakeholder = 3",
      "1:1:1 1:3:2 1:99:5 2:1:1 2:2:1 3:3:1 9:1:1" },
  };
  g_autofree char *dir = test_make_tmp_dir ("mentions");
  g_autofree char *made = make_counted (dir, NULL);
  g_autofree char *bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (made, &bytes, &length, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (damage); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/damaged-%u.dossier", dir, i);
      g_autofree char *rows = NULL;

      g_test_message ("%s", damage[i].sql);
      g_assert_true (g_file_set_contents (path, bytes, length, NULL));
      test_sql_exec (path, damage[i].sql);

      for (int mode = 0; mode < 2; mode++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(DossierProject) project =
            dossier_project_open (path, mode == 0 ? DOSSIER_OPEN_READ_ONLY : DOSSIER_OPEN_READ_WRITE,
                                  &error);
          static const guint n_mentions[] = { 3, 2, 1, 0 };

          g_assert_no_error (error);
          for (guint s = 0; s < G_N_ELEMENTS (n_mentions); s++)
            g_assert_cmpuint (dossier_stakeholder_get_n_mentions (dossier_project_get_stakeholder (project, s + 1)),
                              ==, n_mentions[s]);
        }

      /* Opened for writing, the file holds the true counts. */
      rows = stored_mentions (path);
      g_assert_cmpstr (rows, ==, damage[i].left != NULL ? damage[i].left : TRUE_MENTIONS);
    }

  remove_tree (dir);
}

/* Ada's mentions counted 5 in the first text (1 in truth: 3 in all, not
 * 7), Cy's row gone (1, not 0): what a file from someone else may say. */
#define WRONG_COUNTS \
  "UPDATE stakeholder_mentions SET count = 5 WHERE stakeholder = 1 AND document = 1;" \
  "DELETE FROM stakeholder_mentions WHERE stakeholder = 3"
#define WRONG_MENTIONS "1:1:5 1:3:2 2:1:1 2:2:1"

static gboolean
mentions_checked (gpointer data)
{
  return !dossier_project_get_mentions_pending (data);
}

static void
assert_true_counts (DossierProject *project)
{
  static const guint n_mentions[] = { 3, 2, 1, 0 };
  static const guint n_documents[] = { 2, 2, 1, 0 };

  for (guint s = 0; s < G_N_ELEMENTS (n_mentions); s++)
    {
      DossierStakeholder *stakeholder = dossier_project_get_stakeholder (project, s + 1);

      g_assert_false (dossier_stakeholder_get_mentions_pending (stakeholder));
      g_assert_cmpuint (dossier_stakeholder_get_n_mentions (stakeholder), ==, n_mentions[s]);
      g_assert_cmpuint (dossier_stakeholder_get_n_documents (stakeholder), ==, n_documents[s]);
    }
}

static void
count_notify (guint *n)
{
  (*n)++;
}

/* Opened for the window, the counts a file stores are checked by a
 * thread once the open has returned (it read every text first): none is
 * shown meanwhile, neither the file's 7 for Ada nor its nothing for Cy,
 * and the true ones come when the main loop hears the thread. */
static void
test_checked_in_background (void)
{
  g_autofree char *dir = test_make_tmp_dir ("mentions");
  g_autofree char *path = make_counted (dir, WRONG_COUNTS);

  for (int mode = 0; mode < 2; mode++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierProject) project =
        dossier_project_open (path, DOSSIER_OPEN_MENTIONS_IN_BACKGROUND |
                                    (mode == 0 ? DOSSIER_OPEN_READ_ONLY : DOSSIER_OPEN_READ_WRITE),
                              &error);
      g_autofree char *rows = NULL;
      guint notified = 0;

      g_assert_no_error (error);
      g_signal_connect_swapped (project, "notify::mentions-pending", G_CALLBACK (count_notify),
                                &notified);
      g_assert_true (dossier_project_get_mentions_pending (project));
      for (guint s = 1; s <= 4; s++)
        {
          DossierStakeholder *stakeholder = dossier_project_get_stakeholder (project, s);

          g_assert_true (dossier_stakeholder_get_mentions_pending (stakeholder));
          g_assert_cmpuint (dossier_stakeholder_get_n_mentions (stakeholder), ==, 0);
          g_assert_cmpuint (dossier_stakeholder_get_n_documents (stakeholder), ==, 0);
        }

      wait_until (mentions_checked, project, "the mentions checked");
      g_assert_cmpuint (notified, ==, 1);
      assert_true_counts (project);

      /* Read-only, the file stays as it was. */
      rows = stored_mentions (path);
      g_assert_cmpstr (rows, ==, mode == 0 ? WRONG_MENTIONS : TRUE_MENTIONS);
    }

  remove_tree (dir);
}

/* What reads the stored counts, or writes, does not wait for the thread:
 * it checks them first, there and then. An action keeps in its undo step
 * only what it changed: undone, no wrong count comes back. */
static void
test_background_finished_first (void)
{
  g_autofree char *dir = test_make_tmp_dir ("mentions");
  g_autoptr(GError) error = NULL;

  {
    g_autofree char *path = make_counted (dir, WRONG_COUNTS);
    g_autoptr(DossierProject) project =
      dossier_project_open (path, DOSSIER_OPEN_MENTIONS_IN_BACKGROUND, &error);
    g_autoptr(GArray) counts = NULL;

    g_assert_no_error (error);
    g_assert_true (dossier_project_get_mentions_pending (project));
    counts = dossier_project_count_mentions (project, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (counts->len, ==, 2);
    g_assert_cmpuint (g_array_index (counts, DossierMentionCount, 0).n_mentions, ==, 1);
    g_assert_cmpuint (g_array_index (counts, DossierMentionCount, 1).n_mentions, ==, 2);
    g_assert_false (dossier_project_get_mentions_pending (project));
    assert_true_counts (project);
  }

  for (int undo = 0; undo < 2; undo++)
    {
      g_autofree char *path = make_counted (dir, WRONG_COUNTS);
      g_autoptr(DossierProject) project =
        dossier_project_open (path, DOSSIER_OPEN_MENTIONS_IN_BACKGROUND, &error);
      g_autofree char *rows = NULL;

      g_assert_no_error (error);
      g_assert_true (dossier_project_get_mentions_pending (project));
      /* A new alias for Ada: the texts that name her, by the old names
       * or the new, are counted again in the action (the first one's 5
       * put right there would come back with its undo). */
      g_assert_true (dossier_project_set_stakeholder_aliases (project, 1,
                                                              (const char *[]) { "Adeline", NULL },
                                                              &error));
      g_assert_no_error (error);
      g_assert_false (dossier_project_get_mentions_pending (project));
      if (undo)
        {
          g_assert_true (dossier_project_undo (project, &error));
          g_assert_no_error (error);
        }
      assert_true_counts (project);
      rows = stored_mentions (path);
      g_assert_cmpstr (rows, ==, TRUE_MENTIONS);
    }

  remove_tree (dir);
}

/* Closed (or dropped) before the thread is heard: it is stopped, nothing
 * is written afterwards, nothing is left behind. */
static void
test_background_closed (void)
{
  g_autofree char *dir = test_make_tmp_dir ("mentions");
  g_autofree char *path = make_counted (dir, WRONG_COUNTS);

  for (int close = 0; close < 2; close++)
    {
      g_autoptr(GError) error = NULL;
      DossierProject *project =
        dossier_project_open (path, DOSSIER_OPEN_MENTIONS_IN_BACKGROUND, &error);
      g_autofree char *rows = NULL;

      g_assert_no_error (error);
      /* Whether the thread has finished or not. */
      if (close)
        g_usleep (50 * 1000);
      if (close)
        dossier_project_close (project);
      g_assert_finalize_object (project);
      for (int i = 0; i < 20; i++)
        {
          flush_events ();
          g_usleep (2000);
        }
      rows = stored_mentions (path);
      g_assert_cmpstr (rows, ==, WRONG_MENTIONS);
    }

  remove_tree (dir);
}

/* Read-only, following another program that writes: the counts it
 * writes are checked again (none shown meanwhile), whether the thread
 * read the file before or after it wrote. */
static void
test_background_other_writer (void)
{
  g_autofree char *dir = test_make_tmp_dir ("mentions");
  g_autofree char *path = make_counted (dir, WRONG_COUNTS);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) project =
    dossier_project_open (path, DOSSIER_OPEN_MENTIONS_IN_BACKGROUND | DOSSIER_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  for (int round = 0; round < 2; round++)
    {
      /* First while the thread may be at work, then after it was heard. */
      if (round == 1)
        wait_until (mentions_checked, project, "the mentions checked");
      test_sql_exec (path, round == 0 ? "UPDATE stakeholder_mentions SET count = 9 WHERE stakeholder = 2"
                                      : "INSERT INTO stakeholder_mentions VALUES (4, 2, 6)");
      g_assert_true (dossier_project_refresh (project));
      g_assert_true (dossier_project_get_mentions_pending (project));
      g_assert_cmpuint (dossier_stakeholder_get_n_mentions (dossier_project_get_stakeholder (project, 2)),
                        ==, 0);
      wait_until (mentions_checked, project, "the mentions checked");
      assert_true_counts (project);
    }

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/mentions/fold", test_fold);
  g_test_add_func ("/dossier/mentions/case-and-accents", test_case_and_accents);
  g_test_add_func ("/dossier/mentions/whole-words", test_whole_words);
  g_test_add_func ("/dossier/mentions/spaces-and-apostrophes", test_spaces_and_apostrophes);
  g_test_add_func ("/dossier/mentions/overlapping", test_overlapping);
  g_test_add_func ("/dossier/mentions/overlapping-equal", test_overlapping_equal);
  g_test_add_func ("/dossier/mentions/shared-alias", test_shared_alias);
  g_test_add_func ("/dossier/mentions/town-as-place", test_town_as_place);
  g_test_add_func ("/dossier/mentions/short-form-with-its-capital",
                   test_short_form_with_its_capital);
  g_test_add_func ("/dossier/mentions/bad-aliases", test_bad_aliases);
  g_test_add_func ("/dossier/mentions/non-nfc", test_non_nfc);
  g_test_add_func ("/dossier/mentions/random", test_random);
  g_test_add_func ("/dossier/mentions/threads", test_threads);
  g_test_add_func ("/dossier/mentions/checked-at-open", test_checked_at_open);
  g_test_add_func ("/dossier/mentions/checked-in-background", test_checked_in_background);
  g_test_add_func ("/dossier/mentions/background-finished-first", test_background_finished_first);
  g_test_add_func ("/dossier/mentions/background-closed", test_background_closed);
  g_test_add_func ("/dossier/mentions/background-other-writer", test_background_other_writer);

  return g_test_run ();
}
