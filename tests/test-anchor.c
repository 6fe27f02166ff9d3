/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-anchor.c — finding highlights again after their text changed. */

#include "config.h"

#include <string.h>

#include <dossier/dossier-anchor.h>
#include <dossier/dossier-text.h>

typedef struct
{
  char   *quote;
  char   *prefix;
  char   *suffix;
  gint64  start;
  gint64  end;
} Highlight;

static void
highlight_clear (Highlight *h)
{
  g_clear_pointer (&h->quote, g_free);
  g_clear_pointer (&h->prefix, g_free);
  g_clear_pointer (&h->suffix, g_free);
}

/* A highlight over the first occurrence (or the @nth) of @needle. */
static Highlight
highlight_of (const char *text,
              const char *needle,
              int         nth)
{
  Highlight h = { 0 };
  const char *p = text;

  for (int i = 0; i <= nth; i++)
    {
      p = strstr (i == 0 ? p : p + 1, needle);
      g_assert_nonnull (p);
    }

  h.start = g_utf8_pointer_to_offset (text, p);
  h.end = h.start + g_utf8_strlen (needle, -1);
  dossier_text_quote_context (text, h.start, h.end, &h.quote, &h.prefix, &h.suffix);
  g_assert_cmpstr (h.quote, ==, needle);

  return h;
}

static DossierAnchorOutcome
locate (const char      *new_text,
        const Highlight *h,
        gint64          *start,
        gint64          *end)
{
  g_autoptr(DossierAnchorText) at = dossier_anchor_text_new (new_text);
  DossierTextQuote q = { h->quote, h->prefix, h->suffix, h->start, h->end };

  *start = *end = -1;
  return dossier_anchor_locate (at, &q, start, end);
}

static void
assert_located (const char           *new_text,
                const Highlight      *h,
                DossierAnchorOutcome  expected,
                const char           *expected_quote,
                gint64                expected_start)
{
  gint64 start, end;
  DossierAnchorOutcome outcome = locate (new_text, h, &start, &end);
  g_autofree char *found = NULL;

  g_assert_cmpstr (dossier_anchor_outcome_to_string (outcome), ==,
                   dossier_anchor_outcome_to_string (expected));
  if (expected == DOSSIER_ANCHOR_ORPHANED)
    return;

  found = dossier_text_slice (new_text, start, end);
  g_assert_cmpstr (found, ==, expected_quote);
  if (expected_start >= 0)
    g_assert_cmpint (start, ==, expected_start);
}

static const char *article =
  "The harbour board met on Tuesday. Members voted to rebuild the old pier "
  "before winter, citing storm damage. Fishermen welcomed the decision, but "
  "residents of the east quay asked for a second hearing on the costs. "
  "The mayor said the costs would be shared with the region.";

static void
test_exact_position (void)
{
  Highlight h = highlight_of (article, "rebuild the old pier", 0);
  g_autofree char *edited = NULL;

  /* Unchanged, and changed only after the highlight. */
  assert_located (article, &h, DOSSIER_ANCHOR_EXACT_POSITION, "rebuild the old pier", h.start);
  edited = g_strconcat (article, " A vote follows in May.", NULL);
  assert_located (edited, &h, DOSSIER_ANCHOR_EXACT_POSITION, "rebuild the old pier", h.start);

  {
    g_autoptr(DossierAnchorText) at = dossier_anchor_text_new (article);
    g_assert_cmpint (dossier_anchor_text_length (at), ==, g_utf8_strlen (article, -1));
  }
  highlight_clear (&h);
}

static void
test_edit_before (void)
{
  Highlight h = highlight_of (article, "asked for a second hearing", 0);
  g_autofree char *edited = g_strconcat ("Updated: ", article, NULL);
  g_autofree char *shortened = NULL;
  const char *cut = strstr (article, "Fishermen");

  assert_located (edited, &h, DOSSIER_ANCHOR_EXACT_QUOTE, "asked for a second hearing",
                  h.start + 9);

  /* A sentence removed before it. */
  shortened = g_strconcat ("The harbour board met on Tuesday. ", cut, NULL);
  assert_located (shortened, &h, DOSSIER_ANCHOR_EXACT_QUOTE, "asked for a second hearing",
                  g_utf8_pointer_to_offset (shortened, strstr (shortened, "asked")));
  highlight_clear (&h);
}

static void
test_edit_inside (void)
{
  Highlight h = highlight_of (article, "Fishermen welcomed the decision, but residents of the east quay", 0);
  g_autoptr(GString) edited = g_string_new (article);
  const char *expected = "Fishermen warmly welcomed the decision, but residents of the east quay";
  gint64 start, end;

  /* A word added inside the highlight and text added before it. */
  g_string_replace (edited, "Fishermen welcomed", "Fishermen warmly welcomed", 1);
  g_string_prepend (edited, "Late news. ");
  g_assert_cmpint (locate (edited->str, &h, &start, &end), ==, DOSSIER_ANCHOR_APPROXIMATE);
  assert_located (edited->str, &h, DOSSIER_ANCHOR_APPROXIMATE, expected, -1);

  /* A typo fixed and a word changed, with the end of the quote reworded. */
  g_string_assign (edited, article);
  g_string_replace (edited, "residents of the east quay", "residents of the East Quay", 1);
  assert_located (edited->str, &h, DOSSIER_ANCHOR_APPROXIMATE,
                  "Fishermen welcomed the decision, but residents of the East Quay", -1);
  highlight_clear (&h);
}

static void
test_repeated_quote (void)
{
  const char *text =
    "In March the council said the costs were too high. Nobody agreed. "
    "In June the ministry said the costs were too high. Work stopped. "
    "In May the port said the costs were too high. Work resumed.";
  Highlight h = highlight_of (text, "said the costs were too high", 1);  /* the ministry's */
  g_autoptr(GString) edited = g_string_new (text);
  gint64 expected;

  /* Sentences reordered: the port's now sits where the ministry's was, so
   * the old offsets point at the wrong one; context must win. */
  g_string_assign (edited,
                   "In March the council said the costs were too high. Nobody agreed. "
                   "In May the port said the costs were too high. Work resumed. "
                   "In June the ministry said the costs were too high. Work stopped.");
  expected = g_utf8_pointer_to_offset (edited->str, strstr (edited->str, "ministry said") + 9);
  assert_located (edited->str, &h, DOSSIER_ANCHOR_EXACT_QUOTE, "said the costs were too high",
                  expected);

  /* With no context at all, the nearest occurrence wins. */
  g_clear_pointer (&h.prefix, g_free);
  g_clear_pointer (&h.suffix, g_free);
  expected = g_utf8_pointer_to_offset (edited->str, strstr (edited->str, "port said") + 5);
  assert_located (edited->str, &h, DOSSIER_ANCHOR_EXACT_QUOTE, "said the costs were too high",
                  expected);
  highlight_clear (&h);
}

/* Two sentences of the same length carry the same quote; swapping them
 * puts the wrong occurrence exactly at the highlight's old offsets. */
static void
test_reordered_prefix_decides (void)
{
  /* Identical for more than 32 characters after the quote: only what
   * comes before it (Anna's or Bert's name) tells them apart. */
  const char *anna = "Anna wrote: the costs were too high, and the work on the pier must stop at once. ";
  const char *bert = "Bert wrote: the costs were too high, and the work on the pier must stop at once. ";
  g_autofree char *text = g_strconcat (anna, bert, "Nobody answered.", NULL);
  g_autofree char *swapped = g_strconcat (bert, anna, "Nobody answered.", NULL);
  Highlight h = highlight_of (text, "the costs were too high", 1);  /* Bert's */
  gint64 start, end;

  g_assert_cmpint (h.start, ==, g_utf8_strlen (anna, -1) + 12);
  /* Anna's quote now sits at Bert's old offsets… */
  g_assert_true (g_str_has_prefix (g_utf8_offset_to_pointer (swapped, h.start), h.quote));
  g_assert_true (g_str_has_prefix (g_utf8_offset_to_pointer (swapped, h.start - 12), "Anna"));
  /* …but the highlight follows Bert. */
  assert_located (swapped, &h, DOSSIER_ANCHOR_EXACT_QUOTE, "the costs were too high", 12);

  /* And stays where it is when nothing moved, although Anna's occurrence
   * agrees with its suffix just as well. */
  g_assert_cmpint (locate (text, &h, &start, &end), ==, DOSSIER_ANCHOR_EXACT_POSITION);
  g_assert_cmpint (start, ==, h.start);
  highlight_clear (&h);
}

static void
test_reordered_suffix_decides (void)
{
  /* Identical for more than 32 characters before the quote: only what
   * follows it tells them apart. */
  const char *anna = "As the harbour board said on Tuesday, the costs were too high for Anna. ";
  const char *bert = "As the harbour board said on Tuesday, the costs were too high for Bert. ";
  const char *tail = "The end of the report came next.";
  g_autofree char *text = g_strconcat (anna, bert, tail, NULL);
  g_autofree char *swapped = g_strconcat (bert, anna, tail, NULL);
  Highlight h = highlight_of (text, "the costs were too high", 1);  /* Bert's */
  gint64 expected = g_utf8_pointer_to_offset (bert, strstr (bert, "the costs"));

  g_assert_cmpint (dossier_text_length (h.prefix), ==, DOSSIER_CONTEXT_LENGTH);
  g_assert_true (g_str_has_suffix (bert, h.prefix) || strstr (text, h.prefix) != NULL);
  g_assert_true (g_str_has_prefix (g_utf8_offset_to_pointer (swapped, h.start), h.quote));
  g_assert_true (g_str_has_prefix (g_utf8_offset_to_pointer (swapped, h.end), " for Anna"));
  assert_located (swapped, &h, DOSSIER_ANCHOR_EXACT_QUOTE, "the costs were too high", expected);
  highlight_clear (&h);
}

/* The quote is still at its old offsets, but its context changed there and
 * another occurrence elsewhere kept the old context: the context decides,
 * wherever the occurrences are. */
static void
test_context_beats_position (void)
{
  const char *text =
    "The ferry union said the pier was unsafe in winter storms and closed it. "
    "The harbour office said the pier was safe enough in summer for boats.";
  Highlight h = highlight_of (text, "said the pier was", 1);  /* the office's */
  g_autoptr(GString) edited = g_string_new (text);
  gint64 expected;

  /* A sentence inserted before the office's, whose quote lands on the
   * old offsets by accident. */
  g_string_assign (edited,
                   "The ferry union said the pier was unsafe in winter storms and closed it. "
                   "The town's planner said the pier was never inspected in spring. "
                   "The harbour office said the pier was safe enough in summer for boats.");
  g_assert_cmpint (h.start, ==, strstr (edited->str, "planner said") + 8 - edited->str);
  expected = g_utf8_pointer_to_offset (edited->str, strstr (edited->str, "office said") + 7);
  assert_located (edited->str, &h, DOSSIER_ANCHOR_EXACT_QUOTE, "said the pier was", expected);
  highlight_clear (&h);
}

/* An edit that runs across a highlight's start or its end: part of the
 * passage and the text beside it rewritten together. */
static void
test_edit_across (void)
{
  Highlight h = highlight_of (article, "Fishermen welcomed the decision, but residents of the east quay", 0);
  g_autoptr(GString) edited = g_string_new (article);

  /* Across the start: the sentence before it merged into it. */
  g_string_replace (edited, "storm damage. Fishermen welcomed", "storm damage; fishermen welcomed", 1);
  assert_located (edited->str, &h, DOSSIER_ANCHOR_APPROXIMATE,
                  "fishermen welcomed the decision, but residents of the east quay", -1);

  /* Across the end: its last words and what followed reworded. */
  g_string_assign (edited, article);
  g_string_replace (edited, "the east quay asked for a second hearing",
                    "the eastern quay demanded a second hearing", 1);
  assert_located (edited->str, &h, DOSSIER_ANCHOR_APPROXIMATE,
                  "Fishermen welcomed the decision, but residents of the eastern quay", -1);

  /* Across both ends and with text before it: still found, offsets moved. */
  g_string_assign (edited, article);
  g_string_replace (edited, "damage. Fishermen", "damage. Local fishermen", 1);
  g_string_replace (edited, "east quay asked", "east quay, who asked", 1);
  g_string_prepend (edited, "Correction appended. ");
  assert_located (edited->str, &h, DOSSIER_ANCHOR_APPROXIMATE,
                  "fishermen welcomed the decision, but residents of the east quay", -1);
  highlight_clear (&h);
}

static void
test_orphaned (void)
{
  Highlight h = highlight_of (article, "citing storm damage", 0);
  g_autoptr(GString) edited = g_string_new (article);
  Highlight empty = { g_strdup (""), NULL, NULL, 0, 0 };

  /* The passage is gone. */
  g_string_replace (edited, "Members voted to rebuild the old pier before winter, citing storm damage. ",
                    "", 1);
  assert_located (edited->str, &h, DOSSIER_ANCHOR_ORPHANED, NULL, -1);

  /* Rewritten beyond recognition. */
  g_string_assign (edited, article);
  g_string_replace (edited, "citing storm damage", "after gales wrecked it", 1);
  assert_located (edited->str, &h, DOSSIER_ANCHOR_ORPHANED, NULL, -1);

  /* An empty text, an empty quote. */
  assert_located ("", &h, DOSSIER_ANCHOR_ORPHANED, NULL, -1);
  assert_located (article, &empty, DOSSIER_ANCHOR_ORPHANED, NULL, -1);

  highlight_clear (&h);
  highlight_clear (&empty);
}

static void
test_non_ascii (void)
{
  const char *text =
    "Le conseil du port a vot\xc3\xa9 \xc2\xab la reconstruction de la jet\xc3\xa9" "e \xc2\xbb "
    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 \xe6\xb8\xaf\xe5\x8f\xa3"
    "\xe3\x81\xae\xe5\x86\x8d\xe5\xbb\xba\xe3\x81\xaf\xe5\x86\xac\xe3\x81\xbe\xe3\x81\xa7"
    " \xd9\x85\xd9\x8a\xd9\x86\xd8\xa7\xd8\xa1 \xe2\x80\x9cqu\xc3\xa9" "bec\xe2\x80\x9d fin.";
  Highlight h = highlight_of (text, "\xe6\xb8\xaf\xe5\x8f\xa3\xe3\x81\xae\xe5\x86\x8d\xe5\xbb\xba", 0);
  Highlight h2 = highlight_of (text, "\xd9\x85\xd9\x8a\xd9\x86\xd8\xa7\xd8\xa1 \xe2\x80\x9cqu\xc3\xa9" "bec", 0);
  g_autofree char *edited = g_strconcat ("\xf0\x9f\x87\xb3\xf0\x9f\x87\xb4 Mise \xc3\xa0 jour : ", text, NULL);
  g_autoptr(GString) changed = g_string_new (edited);

  /* Offsets are code points: a flag and 15 more characters moved it. */
  assert_located (edited, &h, DOSSIER_ANCHOR_EXACT_QUOTE,
                  "\xe6\xb8\xaf\xe5\x8f\xa3\xe3\x81\xae\xe5\x86\x8d\xe5\xbb\xba", h.start + 17);

  /* An accent dropped inside an RTL + Latin quote. */
  g_string_replace (changed, "qu\xc3\xa9" "bec", "quebec", 1);
  assert_located (changed->str, &h2, DOSSIER_ANCHOR_APPROXIMATE,
                  "\xd9\x85\xd9\x8a\xd9\x86\xd8\xa7\xd8\xa1 \xe2\x80\x9cquebec", -1);

  highlight_clear (&h);
  highlight_clear (&h2);
}

static const char *syllables[] = {
  "har", "bour", "pi", "er", "coun", "cil", "storm", "vo", "te", "bud", "get",
  "quay", "fer", "ry", "res", "i", "dent", "fish", "caf\xc3\xa9", "\xe2\x80\x9c", "de",
  "lay", "re", "gion", "en", "gi", "neer", "tide", "\xe6\xb8\xaf", "port", "cost",
  "win", "crane", "\xc3\xb1o", "mo", "la", "zu", "\xd9\x85",
};

/* Made-up prose: words of one to three syllables, so that text repeats
 * about as much as real text does. */
static GString *
generate_text (GRand *rand,
               gsize  bytes)
{
  GString *s = g_string_sized_new (bytes + 64);

  while (s->len < bytes)
    {
      int n = g_rand_int_range (rand, 1, 4);

      for (int i = 0; i < n; i++)
        g_string_append (s, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
      g_string_append_c (s, g_rand_int_range (rand, 0, 12) == 0 ? '\n' : ' ');
    }

  return s;
}

static void
test_long_quote (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GString) text = generate_text (rand, 200 * 1024);
  g_autoptr(GString) edited = NULL;
  g_autoptr(GString) rewritten = NULL;
  gint64 len = dossier_text_length (text->str);
  Highlight h = { 0 };
  const char *a, *b;
  gint64 start, end;

  /* A whole section highlighted: 5000 code points. */
  h.start = len / 3;
  h.end = h.start + 5000;
  dossier_text_quote_context (text->str, h.start, h.end, &h.quote, &h.prefix, &h.suffix);

  /* Text inserted before it and a few words inserted inside it. */
  edited = g_string_new (text->str);
  a = g_utf8_offset_to_pointer (edited->str, h.start + 2000);
  g_string_insert (edited, a - edited->str, " (a correction) ");
  a = g_utf8_offset_to_pointer (edited->str, h.start + 4000);
  g_string_insert (edited, a - edited->str, " more words ");
  g_string_prepend (edited, "A new first paragraph.\n\n");

  g_assert_cmpint (locate (edited->str, &h, &start, &end), ==, DOSSIER_ANCHOR_APPROXIMATE);
  /* Moved by the new paragraph (24), longer by the insertions (16 + 12). */
  g_assert_cmpint (start, ==, h.start + 24);
  g_assert_cmpint (end, ==, h.end + 24 + 16 + 12);

  /* Its middle rewritten: not the same passage any more. */
  rewritten = g_string_new (text->str);
  a = g_utf8_offset_to_pointer (rewritten->str, h.start + 300);
  b = g_utf8_offset_to_pointer (rewritten->str, h.end - 300);
  {
    gsize from = a - rewritten->str;
    gsize n = b - a;
    g_autoptr(GString) filler = g_string_new (NULL);

    while (filler->len < n)
      g_string_append (filler, "zzz ");
    g_string_erase (rewritten, from, n);
    g_string_insert (rewritten, from, filler->str);
  }
  g_assert_cmpint (locate (rewritten->str, &h, &start, &end), ==, DOSSIER_ANCHOR_ORPHANED);

  highlight_clear (&h);
}

static void
test_many_highlights_big_text (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240305);
  g_autoptr(GString) text = generate_text (rand, 1024 * 1024);
  g_autoptr(GString) edited = NULL;
  g_autoptr(DossierAnchorText) at = NULL;
  g_autofree gint64 *starts = NULL;
  g_autofree gint64 *ends = NULL;
  g_autofree DossierAnchorOutcome *outcomes = NULL;
  Highlight *hs;
  gint64 len = dossier_text_length (text->str);
  guint n = 3000;
  guint counts[4] = { 0 };
  const char *mid;

  /* Highlights of 20–200 code points all over the text. */
  hs = g_new0 (Highlight, n);
  starts = g_new (gint64, n);
  ends = g_new (gint64, n);
  outcomes = g_new (DossierAnchorOutcome, n);
  for (guint i = 0; i < n; i++)
    {
      gint64 s = g_rand_int_range (rand, 0, (gint32) (len - 300));
      gint64 e = s + g_rand_int_range (rand, 20, 200);

      hs[i].start = s;
      hs[i].end = e;
      dossier_text_quote_context (text->str, s, e, &hs[i].quote, &hs[i].prefix, &hs[i].suffix);
    }

  /* The new version: a paragraph inserted near the start, one word changed
   * in the middle (which some highlights contain). */
  edited = g_string_new (text->str);
  g_string_prepend (edited, "Editor\xe2\x80\x99s note: this report was updated.\n\n");
  mid = g_utf8_offset_to_pointer (edited->str, len / 2);
  {
    gsize at_byte = mid - edited->str;
    g_string_insert (edited, at_byte, " INSERTED ");
  }

  /* What locating costs (it must not grow with the square of the text)
   * is bench-core's "re-anchor" figures. */
  at = dossier_anchor_text_new (edited->str);
  for (guint i = 0; i < n; i++)
    {
      DossierTextQuote q = { hs[i].quote, hs[i].prefix, hs[i].suffix, hs[i].start, hs[i].end };

      outcomes[i] = dossier_anchor_locate (at, &q, &starts[i], &ends[i]);
    }

  for (guint i = 0; i < n; i++)
    {
      counts[outcomes[i]]++;
      if (outcomes[i] == DOSSIER_ANCHOR_EXACT_POSITION || outcomes[i] == DOSSIER_ANCHOR_EXACT_QUOTE)
        {
          g_autofree char *found = dossier_text_slice (edited->str, starts[i], ends[i]);
          g_assert_cmpstr (found, ==, hs[i].quote);
        }
      else
        g_assert_cmpint (outcomes[i], ==, DOSSIER_ANCHOR_APPROXIMATE);
    }

  g_test_message ("%u highlights over %" G_GINT64_FORMAT " code points: %u exact position, "
                  "%u exact quote, %u approximate, %u orphaned",
                  n, len, counts[0], counts[1], counts[2], counts[3]);
  /* Everything moved, so (almost) nothing is at its old position; nothing
   * is lost; only highlights spanning the inserted word are approximate. */
  g_assert_cmpuint (counts[DOSSIER_ANCHOR_ORPHANED], ==, 0);
  g_assert_cmpuint (counts[DOSSIER_ANCHOR_APPROXIMATE], <, 20);
  g_assert_cmpuint (counts[DOSSIER_ANCHOR_EXACT_QUOTE], >, n - 30);

  /* And a version where many quotes are slightly wrong: every highlight
   * located approximately. */
  memset (counts, 0, sizeof counts);
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GString) q = g_string_new (hs[i].quote);
      DossierTextQuote tq;
      gint64 s, e;
      DossierAnchorOutcome o;

      /* One character changed in the middle of the quote. */
      q->str[q->len / 2] = (q->str[q->len / 2] & 0x80) ? q->str[q->len / 2] : '#';
      tq = (DossierTextQuote) { q->str, hs[i].prefix, hs[i].suffix, hs[i].start, hs[i].end };
      outcomes[i] = DOSSIER_ANCHOR_ORPHANED;
      if (!g_utf8_validate (q->str, -1, NULL))
        continue;
      o = dossier_anchor_locate (at, &tq, &s, &e);
      counts[o]++;
      outcomes[i] = o;
      starts[i] = s;
      ends[i] = e;
    }

  /* One substitution: the span found is exactly where the quote is now. */
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *found = NULL;

      if (outcomes[i] != DOSSIER_ANCHOR_APPROXIMATE)
        continue;
      found = dossier_text_slice (edited->str, starts[i], ends[i]);
      g_assert_cmpstr (found, ==, hs[i].quote);
    }
  g_test_message ("300 altered quotes: %u exact quote, %u approximate, %u orphaned",
                  counts[1], counts[2], counts[3]);
  g_assert_cmpuint (counts[DOSSIER_ANCHOR_ORPHANED], ==, 0);
  /* Those whose change was not in a multi-byte character (left as it
   * was) are no longer exact. */
  g_assert_cmpuint (counts[DOSSIER_ANCHOR_APPROXIMATE], >, 200);

  for (guint i = 0; i < n; i++)
    highlight_clear (&hs[i]);
  g_free (hs);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/anchor/exact-position", test_exact_position);
  g_test_add_func ("/dossier/anchor/edit-before", test_edit_before);
  g_test_add_func ("/dossier/anchor/edit-inside", test_edit_inside);
  g_test_add_func ("/dossier/anchor/repeated-quote", test_repeated_quote);
  g_test_add_func ("/dossier/anchor/reordered-prefix-decides", test_reordered_prefix_decides);
  g_test_add_func ("/dossier/anchor/reordered-suffix-decides", test_reordered_suffix_decides);
  g_test_add_func ("/dossier/anchor/context-beats-position", test_context_beats_position);
  g_test_add_func ("/dossier/anchor/edit-across", test_edit_across);
  g_test_add_func ("/dossier/anchor/orphaned", test_orphaned);
  g_test_add_func ("/dossier/anchor/non-ascii", test_non_ascii);
  g_test_add_func ("/dossier/anchor/long-quote", test_long_quote);
  g_test_add_func ("/dossier/anchor/many-highlights-big-text", test_many_highlights_big_text);

  return g_test_run ();
}
