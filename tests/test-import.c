/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import.c — import dispatch, encodings, bad input, and the plain-text
 * and Markdown importers. (HTML has its own test.) */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <dossier/dossier.h>
#include <dossier/dossier-import.h>
#include <dossier/dossier-text.h>

#include "dossier-import-private.h"
#include "test-util.h"

#define E_ACUTE "\xc3\xa9"
#define COMBINING_ACUTE "\xcc\x81"
#define FAMILY "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"
#define CJK "\xe6\xb8\xaf\xe5\x8f\xa3"
#define ARABIC "\xd9\x85\xd9\x8a\xd9\x86\xd8\xa7\xd8\xa1"
#define LQ "\xe2\x80\x9c"
#define RQ "\xe2\x80\x9d"
#define APOS "\xe2\x80\x99"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("import");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);

  return path;
}

static DossierParsedDocument *
import_path (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return dossier_import_file (file, DOSSIER_FORMAT_AUTO, NULL, error);
}

static DossierParsedDocument *
import_string (const char    *data,
               gssize         len,
               DossierFormat  format,
               const char    *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len < 0 ? strlen (data) : (gsize) len);
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *doc = dossier_import_bytes (bytes, format, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);

  return doc;
}

static void
assert_import_fails (Fixture            *f,
                     const char         *name,
                     const char         *data,
                     gssize              len,
                     gint                code)
{
  g_autofree char *path = write_file (f, name, data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = import_path (path, &error);

  g_assert_null (doc);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, code);
  /* The message names the file the person picked. */
  g_assert_nonnull (strstr (error->message, name));
}

static char *
block_text (DossierParsedDocument *doc,
            guint                  i)
{
  DossierBlock *b;

  g_assert_cmpuint (i, <, doc->blocks->len);
  b = &g_array_index (doc->blocks, DossierBlock, i);
  return dossier_text_slice (doc->text, b->start, b->end);
}

static void
assert_block (DossierParsedDocument *doc,
              guint                  i,
              DossierBlockKind       kind,
              int                    level,
              const char            *text)
{
  g_autofree char *s = block_text (doc, i);
  DossierBlock *b = &g_array_index (doc->blocks, DossierBlock, i);

  g_assert_cmpstr (s, ==, text);
  g_assert_cmpstr (dossier_block_kind_to_string (b->kind), ==, dossier_block_kind_to_string (kind));
  g_assert_cmpint (b->level, ==, level);
}

/* Index of the first block whose text starts with @prefix, or -1. */
static int
find_block (DossierParsedDocument *doc,
            const char            *prefix)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      g_autofree char *s = block_text (doc, i);

      if (g_str_has_prefix (s, prefix))
        return (int) i;
    }

  return -1;
}

static guint
count_blocks (DossierParsedDocument *doc,
              DossierBlockKind       kind)
{
  guint n = 0;

  for (guint i = 0; i < doc->blocks->len; i++)
    n += g_array_index (doc->blocks, DossierBlock, i).kind == kind;

  return n;
}

/* Blocks in order, inside the text, not overlapping; text normalized. */
static void
assert_well_formed (DossierParsedDocument *doc)
{
  gint64 len = dossier_text_length (doc->text);
  gint64 last = 0;
  g_autofree char *again = dossier_text_normalize (doc->text, -1, NULL);

  g_assert_cmpstr (again, ==, doc->text);
  g_assert_nonnull (doc->title);
  g_assert_nonnull (doc->format);
  g_assert_nonnull (doc->original);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      DossierBlock *b = &g_array_index (doc->blocks, DossierBlock, i);

      g_assert_cmpint (b->start, >=, last);
      g_assert_cmpint (b->end, >, b->start);
      g_assert_cmpint (b->end, <=, len);
      last = b->end;
    }
}

static char *
fixture_path (const char *sub,
              const char *name)
{
  const char *dir = g_getenv ("DOSSIER_FIXTURES_DIR");

  if (dir != NULL)
    return g_build_filename (dir, sub, name, NULL);

  return g_test_build_filename (G_TEST_DIST, "fixtures", sub, name, NULL);
}

/* ------------------------------------------------------------------------ */
/* Plain text                                                               */

static void
test_text_article (void)
{
  g_autofree char *path = fixture_path ("text", "harbour-pier.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = import_path (path, &error);
  g_autofree char *contents = NULL;
  gsize len;
  int i;

  g_assert_no_error (error);
  assert_well_formed (doc);

  g_assert_cmpstr (doc->format, ==, "text");
  /* The file's name, not where it lay on this machine. */
  g_assert_cmpstr (doc->source, ==, "harbour-pier.txt");
  g_assert_cmpstr (doc->title, ==, "Port Ellery Votes to Rebuild Its Storm-Damaged Pier Before Winter");
  g_assert_cmpstr (doc->author, ==, "Maren Tolliver");
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (g_bytes_get_data (doc->original, NULL), g_bytes_get_size (doc->original),
                   contents, len);

  /* The title once: its repetition below is dropped; the byline under
   * it is the author's, not the first paragraph too. */
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0,
                "Port Ellery Votes to Rebuild Its Storm-Damaged Pier Before Winter");
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0,
                "After three months of hearings, the Port Ellery harbour board has voted to "
                "rebuild the north pier, which lost two of its pilings in the October gales. "
                "The decision ends a long stand-off between the fishing cooperative and "
                "residents of the east quay.");
  g_assert_null (strstr (doc->text, "By Maren Tolliver"));
  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_TITLE), ==, 1);

  /* Section headings, with ':' and '&' inside them. */
  i = find_block (doc, "Background & Context");
  assert_block (doc, i, DOSSIER_BLOCK_HEADING, 2, "Background & Context: A Pier Older Than the Town Hall");
  i = find_block (doc, "Analysis:");
  assert_block (doc, i, DOSSIER_BLOCK_HEADING, 2, "Analysis: Money, Memory and the Winter Deadline");
  i = find_block (doc, "Pros and Cons");
  assert_block (doc, i, DOSSIER_BLOCK_HEADING, 2, "Pros and Cons: Weighing the Board" APOS "s Decision");
  assert_block (doc, find_block (doc, "Key Takeaways"), DOSSIER_BLOCK_HEADING, 2, "Key Takeaways");
  assert_block (doc, find_block (doc, "Call to Action"), DOSSIER_BLOCK_HEADING, 2,
                "Call to Action: Have Your Say on the Harbour Budget");
  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_HEADING), ==, 8);

  /* "Pros:" and "Cons:" above their lists are sub-headings; a sentence
   * ending in ':' that introduces a list is not. */
  i = find_block (doc, "Pros:");
  assert_block (doc, i, DOSSIER_BLOCK_HEADING, 3, "Pros:");
  assert_block (doc, i + 1, DOSSIER_BLOCK_LIST_ITEM, 1,
                "Safe landing for the fishing fleet: The cooperative" APOS "s twelve boats can "
                "return to the north pier by spring.");
  assert_block (doc, find_block (doc, "Cons:"), DOSSIER_BLOCK_HEADING, 3, "Cons:");
  assert_block (doc, find_block (doc, "The steps the board"), DOSSIER_BLOCK_PARAGRAPH, 0,
                "The steps the board listed, in order:");

  /* "  • " bullets lose their bullet; numbers stay. */
  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_LIST_ITEM), ==, 11);
  assert_block (doc, find_block (doc, "2. Choose"), DOSSIER_BLOCK_LIST_ITEM, 1,
                "2. Choose a contractor by the end of the month.");
  g_assert_null (strstr (doc->text, "\xe2\x80\xa2"));

  /* Paragraphs and quotes. */
  assert_block (doc, find_block (doc, "We will not"), DOSSIER_BLOCK_QUOTE, 0,
                "We will not let the pier fall into the sea on our watch.");
  i = find_block (doc, "The board" APOS "s chair");
  assert_block (doc, i, DOSSIER_BLOCK_PARAGRAPH, 0,
                "The board" APOS "s chair, Idris Achterberg, called the vote " LQ "the only "
                "responsible choice" RQ " and promised that work would start within six weeks. "
                "Critics say the costs were never properly explained.");

  /* Consecutive list items are one newline apart, other blocks two. */
  g_assert_nonnull (strstr (doc->text, "Jobs: Local contractors will do most of the work.\n\nCons:\n\n"));
  g_assert_nonnull (strstr (doc->text, "by spring.\nRegional funding"));
}

static void
test_text_layout (void)
{
  g_autofree char *path = fixture_path ("text", "engineering-notes.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = import_path (path, &error);

  g_assert_no_error (error);
  assert_well_formed (doc);

  /* An underlined first line is the title; '-' underlines are headings. */
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Survey Notes for the North Pier");
  /* Hard-wrapped lines are joined. */
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0,
                "Readings were taken at low tide on both sides of the pier. The instrument was "
                "calibrated the evening before, and each reading was repeated twice.");
  assert_block (doc, 2, DOSSIER_BLOCK_HEADING, 3, "Measurements");
  /* An indented table is preformatted, its columns kept, across a blank. */
  assert_block (doc, 4, DOSSIER_BLOCK_PREFORMATTED, 0,
                "pile   depth   load\nN-01   4.2 m   ok\nN-02   3.9 m   cracked\n\nN-03   4.4 m   ok");
  /* Nested bullets by indentation, wrapped items joined. */
  assert_block (doc, 5, DOSSIER_BLOCK_HEADING, 3, "Observations:");
  assert_block (doc, 6, DOSSIER_BLOCK_LIST_ITEM, 1,
                "Deck timbers are soft near the seaward end and should be replaced first.");
  assert_block (doc, 7, DOSSIER_BLOCK_LIST_ITEM, 2, "Two planks are missing entirely.");
  assert_block (doc, 8, DOSSIER_BLOCK_LIST_ITEM, 2, "The handrail is loose.");
  assert_block (doc, 9, DOSSIER_BLOCK_LIST_ITEM, 1, "Bollards are sound.");
  /* "* * *" is decoration; "1)" numbers stay. */
  g_assert_null (strstr (doc->text, "* * *"));
  assert_block (doc, 10, DOSSIER_BLOCK_LIST_ITEM, 1, "1) Replace piles N-02 and N-07.");
  g_assert_cmpuint (doc->blocks->len, ==, 12);
}

/* A list in a .txt article, its bullets indented ("  * "), as the
 * Markdown and HTML importers make one: an item block per bullet, its
 * nesting from the indentation, a wrapped item joined, a number kept in
 * the text ("point 1" must still make sense), the bullet itself drawn
 * from the block (the reader, the exports) rather than kept as text.
 * The line after the list, less indented than its bullets, is a
 * paragraph of its own: it ran on as the end of the last item. */
static void
test_text_list (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = write_file (f, "list.txt",
                                      "Harbour report\n"
                                      "\n"
                                      "The council gave its reasons on Monday:\n"
                                      "  * the pier is unsafe\n"
                                      "  * the cost is rising,\n"
                                      "    as the engineer wrote\n"
                                      "    - the deck first\n"
                                      "  1. Repair the pier\n"
                                      "Then it voted to close the pier.\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = import_path (path, &error);

  g_assert_no_error (error);
  assert_well_formed (doc);
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Harbour report");
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0, "The council gave its reasons on Monday:");
  assert_block (doc, 2, DOSSIER_BLOCK_LIST_ITEM, 1, "the pier is unsafe");
  assert_block (doc, 3, DOSSIER_BLOCK_LIST_ITEM, 1, "the cost is rising, as the engineer wrote");
  assert_block (doc, 4, DOSSIER_BLOCK_LIST_ITEM, 2, "the deck first");
  assert_block (doc, 5, DOSSIER_BLOCK_LIST_ITEM, 1, "1. Repair the pier");
  assert_block (doc, 6, DOSSIER_BLOCK_PARAGRAPH, 0, "Then it voted to close the pier.");
  g_assert_cmpuint (doc->blocks->len, ==, 7);
  g_assert_null (strstr (doc->text, "* "));
}

/* A report's numbered sections ("1. Summary" alone over a paragraph) are
 * headings, their numbers kept; its lettered points ("(a) …" on lines of
 * their own) are items, not one paragraph; a list spaced out by blank
 * lines stays a list. They were list items and one run-on paragraph. */
static void
test_text_numbered_sections (void)
{
  g_autoptr(DossierParsedDocument) doc = NULL;

  doc = import_string ("Response to the Quay Consultation\n\n"
                       "1. Summary\n\n"
                       "We support the repairs but not the timetable.\n\n"
                       "2. What we ask\n\n"
                       "(a) Work only in the summer months, when the boats are out.\n"
                       "(b) Publish the survey before any licence is granted, and a plan\n"
                       "for the spoil.\n"
                       "(iii) Agree a scheme for the fishers first.\n\n"
                       "3. Other views\n\n"
                       "The residents want the work done this winter.\n\n"
                       "Our three asks, in order:\n\n"
                       "1. Timing\n\n"
                       "2. Testing\n\n"
                       "3. Compensation\n\n"
                       "We will say more at the hearing.\n",
                       -1, DOSSIER_FORMAT_TEXT, "quay.txt");
  assert_well_formed (doc);
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Response to the Quay Consultation");
  assert_block (doc, 1, DOSSIER_BLOCK_HEADING, 2, "1. Summary");
  assert_block (doc, 2, DOSSIER_BLOCK_PARAGRAPH, 0, "We support the repairs but not the timetable.");
  assert_block (doc, 3, DOSSIER_BLOCK_HEADING, 2, "2. What we ask");
  assert_block (doc, 4, DOSSIER_BLOCK_LIST_ITEM, 1,
                "(a) Work only in the summer months, when the boats are out.");
  assert_block (doc, 5, DOSSIER_BLOCK_LIST_ITEM, 1,
                "(b) Publish the survey before any licence is granted, and a plan for the spoil.");
  assert_block (doc, 6, DOSSIER_BLOCK_LIST_ITEM, 1, "(iii) Agree a scheme for the fishers first.");
  assert_block (doc, 7, DOSSIER_BLOCK_HEADING, 2, "3. Other views");
  assert_block (doc, 8, DOSSIER_BLOCK_PARAGRAPH, 0, "The residents want the work done this winter.");
  assert_block (doc, 9, DOSSIER_BLOCK_PARAGRAPH, 0, "Our three asks, in order:");
  assert_block (doc, 10, DOSSIER_BLOCK_LIST_ITEM, 1, "1. Timing");
  assert_block (doc, 11, DOSSIER_BLOCK_LIST_ITEM, 1, "2. Testing");
  assert_block (doc, 12, DOSSIER_BLOCK_LIST_ITEM, 1, "3. Compensation");
  assert_block (doc, 13, DOSSIER_BLOCK_PARAGRAPH, 0, "We will say more at the hearing.");
  g_assert_cmpuint (doc->blocks->len, ==, 14);
}

/* Items numbered "A)", "B)", "C)" or "ii.", "iii.", "iv." are items as
 * "1." and "(a)" are: the list's items decide together, so that a single
 * "I)" or "(C)" in prose, or a lettered section alone over its paragraph,
 * is none. They were one run-on paragraph. */
static void
test_text_lettered_items (void)
{
  g_autoptr(DossierParsedDocument) doc = NULL;

  /* Upper-case letters, an item wrapped without a hanging indent, a
   * paragraph right after the list. */
  doc = import_string ("Options for the Pier\n\n"
                       "The board weighed three courses:\n"
                       "A) Repair the old pier this summer.\n"
                       "B) Build a new pier to the south of the slipway, which would take\n"
                       "three years and cost twice as much.\n"
                       "C) Close the pier for good.\n"
                       "The vote was put off until May.\n",
                       -1, DOSSIER_FORMAT_TEXT, "options.txt");
  assert_well_formed (doc);
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0, "The board weighed three courses:");
  assert_block (doc, 2, DOSSIER_BLOCK_LIST_ITEM, 1, "A) Repair the old pier this summer.");
  assert_block (doc, 3, DOSSIER_BLOCK_LIST_ITEM, 1,
                "B) Build a new pier to the south of the slipway, which would take three years "
                "and cost twice as much.");
  assert_block (doc, 4, DOSSIER_BLOCK_LIST_ITEM, 1, "C) Close the pier for good.");
  assert_block (doc, 5, DOSSIER_BLOCK_PARAGRAPH, 0, "The vote was put off until May.");
  g_assert_cmpuint (doc->blocks->len, ==, 6);
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* Roman numerals before a stop, indented, spaced out by blank lines,
   * with a deeper item inside one; "(C)" and "I)" alone in prose. */
  doc = import_string ("Terms of the Lease\n\n"
                       "The tenant agrees to the following:\n\n"
                       "  ii. Keep the slipway clear.\n\n"
                       "  iii. Pay the harbour dues by the first of each month;\n"
                       "      - late dues carry interest\n"
                       "  iv. Insure the sheds.\n\n"
                       "I) say it plainly: the dues are too high, wrote one fisher.\n\n"
                       "(C) 2026 Quay Fishers' Association\n",
                       -1, DOSSIER_FORMAT_TEXT, "lease.txt");
  assert_well_formed (doc);
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0, "The tenant agrees to the following:");
  assert_block (doc, 2, DOSSIER_BLOCK_LIST_ITEM, 1, "ii. Keep the slipway clear.");
  assert_block (doc, 3, DOSSIER_BLOCK_LIST_ITEM, 1,
                "iii. Pay the harbour dues by the first of each month;");
  assert_block (doc, 4, DOSSIER_BLOCK_LIST_ITEM, 2, "late dues carry interest");
  assert_block (doc, 5, DOSSIER_BLOCK_LIST_ITEM, 1, "iv. Insure the sheds.");
  assert_block (doc, 6, DOSSIER_BLOCK_PARAGRAPH, 0,
                "I) say it plainly: the dues are too high, wrote one fisher.");
  assert_block (doc, 7, DOSSIER_BLOCK_PARAGRAPH, 0, "(C) 2026 Quay Fishers' Association");
  g_assert_cmpuint (doc->blocks->len, ==, 8);
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* Lettered sections, each alone over its paragraph, are headings: a
   * paragraph between them ends any list they could make. */
  doc = import_string ("Response of the Fishers\n\n"
                       "A) Summary\n\n"
                       "We ask for the repairs to wait until autumn.\n\n"
                       "B) Reasons\n\n"
                       "The boats are out all summer and need the pier.\n",
                       -1, DOSSIER_FORMAT_TEXT, "response.txt");
  assert_well_formed (doc);
  assert_block (doc, 1, DOSSIER_BLOCK_HEADING, 2, "A) Summary");
  assert_block (doc, 2, DOSSIER_BLOCK_PARAGRAPH, 0, "We ask for the repairs to wait until autumn.");
  assert_block (doc, 3, DOSSIER_BLOCK_HEADING, 2, "B) Reasons");
  assert_block (doc, 4, DOSSIER_BLOCK_PARAGRAPH, 0, "The boats are out all summer and need the pier.");
  g_assert_cmpuint (doc->blocks->len, ==, 5);
}

/* Items hard-wrapped at 72 columns without a hanging indent, as mail
 * programs and editors wrap them: the unindented lines carry their item
 * on, and a paragraph line right after the list is a paragraph; it ran
 * into the last item (or, under indented bullets, the wrapped lines of an
 * item became a paragraph that the next line ran into). */
static void
test_text_list_wrapped (void)
{
  g_autoptr(DossierParsedDocument) doc = NULL;

  /* Unindented bullets, items of several lines, a paragraph right after. */
  doc = import_string ("Findings of the Inspection\n\n"
                       "The engineers walked the pier on 3 March and listed three faults:\n"
                       "- The deck timbers at the seaward end are soft and will have to be\n"
                       "replaced before the winter storms, as the engineer's report of last\n"
                       "autumn already warned the board.\n"
                       "- Two of the piles have cracked at the base.\n"
                       "- The handrail is loose along most of the northern side, and a child\n"
                       "could slip through it at the landing steps.\n"
                       "The board will discuss the repairs at its meeting on Tuesday.\n",
                       -1, DOSSIER_FORMAT_TEXT, "findings.txt");
  assert_well_formed (doc);
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Findings of the Inspection");
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0,
                "The engineers walked the pier on 3 March and listed three faults:");
  assert_block (doc, 2, DOSSIER_BLOCK_LIST_ITEM, 1,
                "The deck timbers at the seaward end are soft and will have to be replaced "
                "before the winter storms, as the engineer's report of last autumn already "
                "warned the board.");
  assert_block (doc, 3, DOSSIER_BLOCK_LIST_ITEM, 1, "Two of the piles have cracked at the base.");
  assert_block (doc, 4, DOSSIER_BLOCK_LIST_ITEM, 1,
                "The handrail is loose along most of the northern side, and a child could slip "
                "through it at the landing steps.");
  assert_block (doc, 5, DOSSIER_BLOCK_PARAGRAPH, 0,
                "The board will discuss the repairs at its meeting on Tuesday.");
  g_assert_cmpuint (doc->blocks->len, ==, 6);
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* Indented bullets, their items wrapped back to the margin, a
   * paragraph of two lines right after the list. */
  doc = import_string ("What the Board Asks\n\n"
                       "  * Close the pier to vehicles from 1 April until the new deck has been\n"
                       "laid and inspected by the regional engineers.\n"
                       "  * Ask the ferry company to use the south ramp this summer.\n"
                       "The ferry company has not yet answered the board's letter of 12 March,\n"
                       "and the season begins in six weeks.\n",
                       -1, DOSSIER_FORMAT_TEXT, "asks.txt");
  assert_well_formed (doc);
  assert_block (doc, 1, DOSSIER_BLOCK_LIST_ITEM, 1,
                "Close the pier to vehicles from 1 April until the new deck has been laid and "
                "inspected by the regional engineers.");
  assert_block (doc, 2, DOSSIER_BLOCK_LIST_ITEM, 1,
                "Ask the ferry company to use the south ramp this summer.");
  assert_block (doc, 3, DOSSIER_BLOCK_PARAGRAPH, 0,
                "The ferry company has not yet answered the board's letter of 12 March, and the "
                "season begins in six weeks.");
  g_assert_cmpuint (doc->blocks->len, ==, 4);
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* Numbered items of several sentences, a blank line after the list. */
  doc = import_string ("Repairs in Order\n\n"
                       "1. Repair piles N-02 and N-07, which the divers found cracked below the\n"
                       "waterline last week.\n"
                       "2. Replace the deck at the seaward end. The timber is to be oak, as the\n"
                       "harbour's heritage plan asks, not the cheaper pine of the estimate.\n"
                       "\n"
                       "The divers will look at the other piles in May.\n",
                       -1, DOSSIER_FORMAT_TEXT, "repairs.txt");
  assert_well_formed (doc);
  assert_block (doc, 1, DOSSIER_BLOCK_LIST_ITEM, 1,
                "1. Repair piles N-02 and N-07, which the divers found cracked below the "
                "waterline last week.");
  assert_block (doc, 2, DOSSIER_BLOCK_LIST_ITEM, 1,
                "2. Replace the deck at the seaward end. The timber is to be oak, as the "
                "harbour's heritage plan asks, not the cheaper pine of the estimate.");
  assert_block (doc, 3, DOSSIER_BLOCK_PARAGRAPH, 0, "The divers will look at the other piles in May.");
  g_assert_cmpuint (doc->blocks->len, ==, 4);
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* Short lines: an item stopped mid-sentence goes on in lower case; a
   * line after an item that ended its sentence is a paragraph. */
  doc = import_string ("Notes\n\n"
                       "- the cost is rising,\n"
                       "as the engineer wrote\n"
                       "- the deck comes first.\n"
                       "Then the piles.\n",
                       -1, DOSSIER_FORMAT_TEXT, "notes.txt");
  assert_well_formed (doc);
  assert_block (doc, 1, DOSSIER_BLOCK_LIST_ITEM, 1, "the cost is rising, as the engineer wrote");
  assert_block (doc, 2, DOSSIER_BLOCK_LIST_ITEM, 1, "the deck comes first.");
  assert_block (doc, 3, DOSSIER_BLOCK_PARAGRAPH, 0, "Then the piles.");
  g_assert_cmpuint (doc->blocks->len, ==, 4);
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* The last line of an item is the longest of all and ends a sentence:
   * the paragraph after it starts a sentence, and is a paragraph. It ran
   * into the item (the word after a full line could not have fitted on
   * it, so the item had looked wrapped there). A full line that ends a
   * sentence followed by one in lower case still carries the item on. */
  doc = import_string ("Objections to the Timetable\n\n"
                       "The board heard three objections to the new timetable:\n"
                       "- The early boat leaves before the first bus reaches the pier, so\n"
                       "workers from the hill villages will miss it and lose a morning's pay.\n"
                       "- The last boat back leaves at six, an hour before the shops close.\n"
                       "The operator will look at both before the summer season begins.\n"
                       "- Fares for children rise too, by 20 per cent from 1 April, the\n"
                       "operator's chief told the council at the harbour office at 9.30 a.m.\n"
                       "on Monday.\n",
                       -1, DOSSIER_FORMAT_TEXT, "objections.txt");
  assert_well_formed (doc);
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0,
                "The board heard three objections to the new timetable:");
  assert_block (doc, 2, DOSSIER_BLOCK_LIST_ITEM, 1,
                "The early boat leaves before the first bus reaches the pier, so workers from "
                "the hill villages will miss it and lose a morning's pay.");
  assert_block (doc, 3, DOSSIER_BLOCK_LIST_ITEM, 1,
                "The last boat back leaves at six, an hour before the shops close.");
  assert_block (doc, 4, DOSSIER_BLOCK_PARAGRAPH, 0,
                "The operator will look at both before the summer season begins.");
  assert_block (doc, 5, DOSSIER_BLOCK_LIST_ITEM, 1,
                "Fares for children rise too, by 20 per cent from 1 April, the operator's chief "
                "told the council at the harbour office at 9.30 a.m. on Monday.");
  g_assert_cmpuint (doc->blocks->len, ==, 6);
}

static void
test_text_paragraph_styles (void)
{
  g_autoptr(DossierParsedDocument) doc = NULL;

  /* One long line per paragraph, no blank lines between them: each line is
   * a paragraph, not one run-on block. */
  doc = import_string ("A Long Day at the Quay\n"
                       "The ferry was late again on Monday morning, and the queue of cars reached "
                       "back past the chandlery and the old customs house, where it blocked the bus.\n"
                       "By noon the harbour master had opened the second ramp and the queue cleared, "
                       "though several drivers said they had waited for more than two hours in the sun.\n",
                       -1, DOSSIER_FORMAT_TEXT, "day.txt");
  assert_well_formed (doc);
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "A Long Day at the Quay");
  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_PARAGRAPH), ==, 2);
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* Paragraphs marked by indentation are prose, not code. */
  doc = import_string ("Tide Tables\n\n"
                       "    The spring tides come twice a month, at new and full moon, and\n"
                       "the harbour floods its lowest steps.\n\n"
                       "    Neap tides are gentler.\n\n"
                       "    Fishermen plan their week around both.\n",
                       -1, DOSSIER_FORMAT_TEXT, NULL);
  assert_well_formed (doc);
  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_PREFORMATTED), ==, 0);
  g_assert_cmpstr (doc->format, ==, "text");
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* No title-like first line: the file name is the title, underscores as
   * spaces, without the extension. */
  doc = import_string ("the minutes were read and approved without comment, after which the "
                       "chair moved straight to the budget.\n\nA second paragraph follows.\n",
                       -1, DOSSIER_FORMAT_AUTO, "/some/where/board_minutes-march.txt");
  g_assert_cmpstr (doc->title, ==, "board minutes-march");
  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_TITLE), ==, 0);
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* Hard-wrapped text from its first line: no title in it. */
  doc = import_string ("The harbour board met on Tuesday evening and voted to rebuild the\n"
                       "north pier before winter, despite objections from the east quay\n"
                       "residents who had asked for a second hearing on the costs.\n\n"
                       "Work starts within six weeks.\n",
                       -1, DOSSIER_FORMAT_TEXT, "pier.txt");
  g_assert_cmpstr (doc->title, ==, "pier");
  assert_block (doc, 0, DOSSIER_BLOCK_PARAGRAPH, 0,
                "The harbour board met on Tuesday evening and voted to rebuild the north pier "
                "before winter, despite objections from the east quay residents who had asked "
                "for a second hearing on the costs.");
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* A title right above its text, without a blank line. */
  doc = import_string ("Pier Vote Delayed\n"
                       "The harbour board postponed its vote on the north pier until the\n"
                       "regional engineers have finished their second inspection.\n",
                       -1, DOSSIER_FORMAT_TEXT, NULL);
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Pier Vote Delayed");
  g_assert_cmpstr (doc->title, ==, "Pier Vote Delayed");
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* No name either. */
  doc = import_string ("only a fragment of text, nothing more.", -1, DOSSIER_FORMAT_TEXT, NULL);
  g_assert_nonnull (doc->title);
  g_assert_cmpstr (doc->text, ==, "only a fragment of text, nothing more.");
}

/* E-mails and reports that indent each paragraph (a tab, or four spaces
 * and more) while their title and headings are not: the paragraphs read
 * as prose and wrap, as paragraphs; they became preformatted blocks,
 * monospace and unwrapped, as if they were code. A command, a program or
 * a table indented the same way stays preformatted. */
static void
test_text_indented_prose (void)
{
  g_autoptr(DossierParsedDocument) doc = NULL;

  doc = import_string ("Quarterly Report\n\n"
                       "Summary\n\n"
                       "\tThe harbour board met three times this quarter and approved the\n"
                       "\tbudget for the north pier, which had waited since the spring\n"
                       "\tinspection.  The vote was unanimous.\n\n"
                       "Next Steps\n\n"
                       "\tWork begins in March. Will the contractor finish the deck before\n"
                       "\tthe summer season, when the ferries run twice as often?\n",
                       -1, DOSSIER_FORMAT_TEXT, "report.txt");
  assert_well_formed (doc);
  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_PREFORMATTED), ==, 0);
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Quarterly Report");
  assert_block (doc, 1, DOSSIER_BLOCK_HEADING, 2, "Summary");
  assert_block (doc, 2, DOSSIER_BLOCK_PARAGRAPH, 0,
                "The harbour board met three times this quarter and approved the budget for "
                "the north pier, which had waited since the spring inspection. The vote was "
                "unanimous.");
  assert_block (doc, 3, DOSSIER_BLOCK_HEADING, 2, "Next Steps");
  assert_block (doc, 4, DOSSIER_BLOCK_PARAGRAPH, 0,
                "Work begins in March. Will the contractor finish the deck before the summer "
                "season, when the ferries run twice as often?");
  g_assert_cmpuint (doc->blocks->len, ==, 5);
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* A quoted paragraph indented by four spaces in a letter. */
  doc = import_string ("Dear members of the board,\n\n"
                       "my comments on the engineer's report are below.\n\n"
                       "    I have read the report and agree with its findings on the state\n"
                       "    of the deck, but not with its estimate of the cost (" LQ "about\n"
                       "    four hundred thousand" RQ ").\n\n"
                       "Regards,\nMara\n",
                       -1, DOSSIER_FORMAT_TEXT, "letter.txt");
  assert_well_formed (doc);
  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_PREFORMATTED), ==, 0);
  assert_block (doc, find_block (doc, "I have read"), DOSSIER_BLOCK_PARAGRAPH, 0,
                "I have read the report and agree with its findings on the state of the deck, "
                "but not with its estimate of the cost (" LQ "about four hundred thousand" RQ ").");
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* Commands, a program and tables, indented: preformatted, lines and
   * columns kept, however long their lines. */
  doc = import_string ("Rebuilding the Index\n\n"
                       "Run these two commands from the project's folder, in this order:\n\n"
                       "    dossier-cli index --rebuild --jobs=2 harbour-inquiry.dossier\n"
                       "    dossier-cli check harbour-inquiry.dossier\n\n"
                       "The check prints one line per document that it could not read.\n\n"
                       "\tif (depth < 3.5) { flag_pile (pile, \"too shallow\"); continue; }\n"
                       "\treturn check_all_piles (piles, n_piles) == 0 ? 0 : 1;\n\n"
                       "The readings of last week:\n\n"
                       "    Pile N-01 was sound at low tide.    4.2 m    ok\n"
                       "    Pile N-02 had cracked at the base.  3.9 m    replace\n\n"
                       "And those of the week before, as the engineer sent them:\n\n"
                       "\tPile\tDepth in metres\tState of the pile at low tide.\n"
                       "\tN-07\t4.4\tSound, though the timber is weathered.\n",
                       -1, DOSSIER_FORMAT_TEXT, "index.txt");
  assert_well_formed (doc);
  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_PREFORMATTED), ==, 4);
  assert_block (doc, find_block (doc, "dossier-cli index"), DOSSIER_BLOCK_PREFORMATTED, 0,
                "dossier-cli index --rebuild --jobs=2 harbour-inquiry.dossier\n"
                "dossier-cli check harbour-inquiry.dossier");
  assert_block (doc, find_block (doc, "Pile N-01"), DOSSIER_BLOCK_PREFORMATTED, 0,
                "Pile N-01 was sound at low tide.    4.2 m    ok\n"
                "Pile N-02 had cracked at the base.  3.9 m    replace");
  assert_block (doc, find_block (doc, "Pile\t"), DOSSIER_BLOCK_PREFORMATTED, 0,
                "Pile\tDepth in metres\tState of the pile at low tide.\n"
                "N-07\t4.4\tSound, though the timber is weathered.");
}

/* Rows with tabs between their columns, pasted from a spreadsheet or typed
 * so, in a plain text: each row a paragraph with its cells set apart by
 * tabs, as the HTML and Markdown importers give a table's rows, so that the
 * reader lines the columns up; they were run together with spaces into
 * one paragraph, the caption above them too. Two tabs in a row are an
 * empty cell when every row has as many tabs (a spreadsheet's), one gap
 * when they do not (columns lined up by hand). One line with a tab is no
 * table. */
static void
test_text_tab_table (void)
{
  g_autoptr(DossierParsedDocument) doc = NULL;

  doc = import_string ("Reservoir levels\n\n"
                       "The water board published its weekly figures on Friday.\n\n"
                       "Storage by reservoir\n"
                       "Reservoir\tJune\tJuly\tAugust\n"
                       "Holme Moss\t81%\t\t64%\n"
                       "Ladybower\t77%\t70%\t59%\n\n"
                       "Staff on the rota\n"
                       "Engineer\t\tShift\n"
                       "Dana Okafor\tNight\n"
                       "Lewis Grant\t\tDay\n\n"
                       "The hosepipe ban\tstays until the levels rise.\n",
                       -1, DOSSIER_FORMAT_TEXT, "levels.txt");
  assert_well_formed (doc);
  assert_block (doc, find_block (doc, "Storage"), DOSSIER_BLOCK_PARAGRAPH, 0, "Storage by reservoir");
  assert_block (doc, find_block (doc, "Storage") + 1, DOSSIER_BLOCK_PARAGRAPH, 0,
                "Reservoir\tJune\tJuly\tAugust");
  assert_block (doc, find_block (doc, "Storage") + 2, DOSSIER_BLOCK_PARAGRAPH, 0,
                "Holme Moss\t81%\t\t64%");
  assert_block (doc, find_block (doc, "Storage") + 3, DOSSIER_BLOCK_PARAGRAPH, 0,
                "Ladybower\t77%\t70%\t59%");
  assert_block (doc, find_block (doc, "Staff"), DOSSIER_BLOCK_PARAGRAPH, 0, "Staff on the rota");
  assert_block (doc, find_block (doc, "Staff") + 1, DOSSIER_BLOCK_PARAGRAPH, 0, "Engineer\tShift");
  assert_block (doc, find_block (doc, "Staff") + 2, DOSSIER_BLOCK_PARAGRAPH, 0, "Dana Okafor\tNight");
  assert_block (doc, find_block (doc, "Staff") + 3, DOSSIER_BLOCK_PARAGRAPH, 0, "Lewis Grant\tDay");
  assert_block (doc, doc->blocks->len - 1, DOSSIER_BLOCK_PARAGRAPH, 0,
                "The hosepipe ban stays until the levels rise.");
  g_assert_cmpuint (doc->blocks->len, ==, 11);
}

/* A spreadsheet's rows pasted as text keep their empty last cells: "Outer
 * ⇥ 3.20 ⇥ ⇥" has as many tabs as the header (the trailing ones were
 * trimmed as white space, so that the rows' tabs no longer matched and
 * every run of tabs became one gap: "Pier ⇥ ⇥ 0.80 ⇥" became "Pier ⇥
 * 0.80", its child fare under the adults'). */
static void
test_text_tab_table_empty_last_cells (void)
{
  g_autoptr(DossierParsedDocument) doc = NULL;

  doc = import_string ("Ferry fares\n\n"
                       "The harbour board set the fares for the summer on Friday.\n\n"
                       "Zone\tAdult\tChild\tSenior\n"
                       "Inner\t2.10\t1.05\t\n"
                       "Outer\t3.20\t \t\n"
                       "Pier\t\t0.80\t\n"
                       "Night\t4.00\t2.00\t1.00\n",
                       -1, DOSSIER_FORMAT_TEXT, "fares.txt");
  assert_well_formed (doc);
  assert_block (doc, find_block (doc, "Zone"), DOSSIER_BLOCK_PARAGRAPH, 0, "Zone\tAdult\tChild\tSenior");
  assert_block (doc, find_block (doc, "Inner"), DOSSIER_BLOCK_PARAGRAPH, 0, "Inner\t2.10\t1.05\t");
  assert_block (doc, find_block (doc, "Outer"), DOSSIER_BLOCK_PARAGRAPH, 0, "Outer\t3.20\t\t");
  assert_block (doc, find_block (doc, "Pier"), DOSSIER_BLOCK_PARAGRAPH, 0, "Pier\t\t0.80\t");
  assert_block (doc, find_block (doc, "Night"), DOSSIER_BLOCK_PARAGRAPH, 0, "Night\t4.00\t2.00\t1.00");
}

/* A label followed by empty cells only ("Total ⇥ ⇥ ⇥") right after a
 * table's rows is a row of that table, as many cells wide (its tabs were
 * trimmed as white space: it was a paragraph "Total" under the table); in
 * rows lined up by hand, a cell. Not after a table, such a line is no
 * row. */
static void
test_text_tab_table_label_row (void)
{
  g_autoptr(DossierParsedDocument) doc = NULL;

  doc = import_string ("Allotment plots\n\n"
                       "The parish let its plots for the year in March.\n\n"
                       "Site\tPlots\tLet\tWaiting\n"
                       "Mill Lane\t40\t38\t12\n"
                       "Church Field\t25\t25\t30\n"
                       "Total\t\t\t\n"
                       "\n"
                       "Rota\t\tDay\n"
                       "Asha Patel\tMonday\n"
                       "Leftover\t\t\n"
                       "\n"
                       "Notes\t\t\n"
                       "\n"
                       "The waiting list is closed until May.\n",
                       -1, DOSSIER_FORMAT_TEXT, "plots.txt");
  assert_well_formed (doc);
  assert_block (doc, find_block (doc, "Church"), DOSSIER_BLOCK_PARAGRAPH, 0, "Church Field\t25\t25\t30");
  assert_block (doc, find_block (doc, "Church") + 1, DOSSIER_BLOCK_PARAGRAPH, 0, "Total\t\t\t");
  assert_block (doc, find_block (doc, "Asha"), DOSSIER_BLOCK_PARAGRAPH, 0, "Asha Patel\tMonday");
  assert_block (doc, find_block (doc, "Leftover"), DOSSIER_BLOCK_PARAGRAPH, 0, "Leftover\t");
  /* (a short line alone: a heading) */
  assert_block (doc, find_block (doc, "Notes"), DOSSIER_BLOCK_HEADING, 2, "Notes");
  assert_block (doc, doc->blocks->len - 1, DOSSIER_BLOCK_PARAGRAPH, 0,
                "The waiting list is closed until May.");
}

/* A news analysis of the kind users annotate (written for the project, in
 * the shape of such articles): its title twice, sections with subtitles,
 * short argued paragraphs, bulleted pros, cons and takeaways. */
static void
test_example_article (void)
{
  g_autofree char *path = fixture_path ("text", "briefing-analysis.txt");
  const char *sections[] = {
    "Context & Background", "In-Depth Analysis", "Pros and Cons", "Key Takeaways",
    "Future Outlook", "Call to Action",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autofree char *first_line = NULL;
  g_autofree char *contents = NULL;
  int pros;

  doc = import_path (path, &error);
  g_assert_no_error (error);
  assert_well_formed (doc);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  first_line = g_strndup (contents, strcspn (contents, "\n"));
  g_assert_cmpstr (doc->title, ==, first_line);
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, first_line);
  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_TITLE), ==, 1);
  /* The repeated title line is gone. */
  g_assert_true (g_str_has_prefix (doc->text + strlen (first_line), "\n\n"));
  g_assert_false (g_str_has_prefix (doc->text + strlen (first_line) + 2, first_line));

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      int i = find_block (doc, sections[s]);
      DossierBlock *b;

      g_assert_cmpint (i, >=, 0);
      b = &g_array_index (doc->blocks, DossierBlock, i);
      g_assert_cmpint (b->kind, ==, DOSSIER_BLOCK_HEADING);
      g_assert_cmpint (b->level, ==, 2);
    }
  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_HEADING), >=, 6);

  pros = find_block (doc, "Pros:");
  if (pros >= 0)
    {
      g_assert_cmpint (g_array_index (doc->blocks, DossierBlock, pros).kind, ==, DOSSIER_BLOCK_HEADING);
      g_assert_cmpint (g_array_index (doc->blocks, DossierBlock, pros + 1).kind, ==,
                       DOSSIER_BLOCK_LIST_ITEM);
    }

  /* Every "  • " line is a list item without its bullet. */
  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_LIST_ITEM), >=, 10);
  g_assert_null (strstr (doc->text, "\xe2\x80\xa2"));
  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_PREFORMATTED), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Markdown                                                                 */

static void
test_markdown_article (void)
{
  g_autofree char *path = fixture_path ("markdown", "harbour-pier.md");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = import_path (path, &error);
  int i;

  g_assert_no_error (error);
  assert_well_formed (doc);

  /* Front matter. */
  g_assert_cmpstr (doc->format, ==, "markdown");
  g_assert_cmpstr (doc->title, ==, "Port Ellery Votes to Rebuild Its Pier");
  g_assert_cmpstr (doc->author, ==, "Maren Tolliver");
  g_assert_cmpstr (doc->published, ==, "2025-10-28");
  g_assert_cmpstr (doc->outlet, ==, "The Ellery Tide");
  g_assert_cmpstr (doc->source, ==, "https://tide.example.org/2025/10/pier-vote");
  g_assert_null (strstr (doc->text, "tags:"));

  /* The first H1 is the title block; inline markup is gone, link text and
   * alt text stay. */
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Port Ellery Votes to Rebuild Its Pier");
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0,
                "After three months of hearings, the harbour board voted to rebuild the north "
                "pier, which lost two pilings in the October gales. The full minutes are on the "
                "board's website.");
  assert_block (doc, 2, DOSSIER_BLOCK_PARAGRAPH, 0, "A crane beside the damaged pier");
  assert_block (doc, 3, DOSSIER_BLOCK_HEADING, 2, "Background");
  assert_block (doc, 4, DOSSIER_BLOCK_PARAGRAPH, 0,
                "The pier was built in 1911. Engineers found the deck safe only for foot traffic "
                "\xe2\x80\x94 vehicles have been banned since 2023-04-01.");
  /* HTML comments vanish, even across lines. */
  g_assert_null (strstr (doc->text, "editor"));
  g_assert_null (strstr (doc->text, "archive"));

  /* Lists, nested by indentation; ordered lists renumbered. */
  i = find_block (doc, "Safe landing");
  assert_block (doc, i, DOSSIER_BLOCK_LIST_ITEM, 1, "Safe landing for the fishing fleet");
  assert_block (doc, i + 1, DOSSIER_BLOCK_LIST_ITEM, 1, "Regional funding covers two thirds of the cost");
  assert_block (doc, i + 2, DOSSIER_BLOCK_LIST_ITEM, 2, "the rest comes from harbour dues");
  assert_block (doc, i + 3, DOSSIER_BLOCK_LIST_ITEM, 2, "and a one-off grant");
  assert_block (doc, i + 4, DOSSIER_BLOCK_LIST_ITEM, 1, "Local jobs");
  assert_block (doc, find_block (doc, "Noise"), DOSSIER_BLOCK_LIST_ITEM, 1, "Noise during the works");
  assert_block (doc, find_block (doc, "3. "), DOSSIER_BLOCK_LIST_ITEM, 1, "3. Close the pier to vehicles.");

  /* Quotes: lines joined, "> " paragraphs apart. */
  i = find_block (doc, "We will not");
  assert_block (doc, i, DOSSIER_BLOCK_QUOTE, 0, "We will not let the pier fall into the sea on our watch.");
  assert_block (doc, i + 1, DOSSIER_BLOCK_QUOTE, 0, "\xe2\x80\x94 Idris Achterberg, board chair");

  /* Rules go, table rows are paragraphs (cells set apart by tabs), fenced
   * code keeps its spacing. */
  g_assert_null (strstr (doc->text, "---"));
  assert_block (doc, find_block (doc, "Against"), DOSSIER_BLOCK_PARAGRAPH, 0, "Against\t3");
  assert_block (doc, find_block (doc, "pile"), DOSSIER_BLOCK_PREFORMATTED, 0,
                "pile  depth  load\nN-01  4.2 m  ok");

  /* Setext heading; autolinks keep the address; underscores inside words
   * stay; footnote markers go, definitions become text; reference link
   * definitions vanish. */
  assert_block (doc, find_block (doc, "Key Takeaways"), DOSSIER_BLOCK_HEADING, 2, "Key Takeaways");
  assert_block (doc, find_block (doc, "Work starts"), DOSSIER_BLOCK_PARAGRAPH, 0,
                "Work starts within six weeks. See https://tide.example.org/hearing for the "
                "hearing date, and mind the snake_case_names in the tender_docs folder.");
  assert_block (doc, find_block (doc, "According"), DOSSIER_BLOCK_PARAGRAPH, 0,
                "According to the board's timetable.");
  g_assert_null (strstr (doc->text, "[minutes]"));
}

/* A pipe table reads row by row as an HTML data table does: one paragraph
 * per row, header row included, its cells set apart by tabs (an empty
 * cell keeps its tab, the last one too), the |---| line dropped, an escaped pipe
 * kept in its cell, inline markup dropped cell by cell. Its cells were
 * joined by spaces, so that the reader could not line up its columns. */
static void
test_markdown_table (void)
{
  g_autoptr(DossierParsedDocument) doc = NULL;

  doc = import_string ("# Harbour Tolls\n\n"
                       "The board set the tolls for the summer:\n\n"
                       "| Vessel | Toll (\xe2\x82\xac) | Notes |\n"
                       "|:-------|---------:|:-----:|\n"
                       "| Ferry | 12 | *daily* |\n"
                       "| Yacht \\| small | 4 | |\n"
                       "| Tug | | `towing` only |\n"
                       "| Pilot boat | 30\n"
                       "\n"
                       "The tolls apply from 1 May.\n",
                       -1, DOSSIER_FORMAT_MARKDOWN, "tolls.md");
  assert_well_formed (doc);
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Harbour Tolls");
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0, "The board set the tolls for the summer:");
  assert_block (doc, 2, DOSSIER_BLOCK_PARAGRAPH, 0, "Vessel\tToll (\xe2\x82\xac)\tNotes");
  assert_block (doc, 3, DOSSIER_BLOCK_PARAGRAPH, 0, "Ferry\t12\tdaily");
  assert_block (doc, 4, DOSSIER_BLOCK_PARAGRAPH, 0, "Yacht | small\t4\t");
  assert_block (doc, 5, DOSSIER_BLOCK_PARAGRAPH, 0, "Tug\t\ttowing only");
  assert_block (doc, 6, DOSSIER_BLOCK_PARAGRAPH, 0, "Pilot boat\t30\t");
  assert_block (doc, 7, DOSSIER_BLOCK_PARAGRAPH, 0, "The tolls apply from 1 May.");
  g_assert_cmpuint (doc->blocks->len, ==, 8);
  g_assert_null (strstr (doc->text, "--"));
}

/* An empty cell keeps its tab, as in HTML, before a row's first text (a
 * budget's empty corner cell, a row of a second line of figures) and
 * after its last ("| Parks | 1.1 | |": else its columns would end short
 * of the header's). A row of empty cells goes. */
static void
test_markdown_table_empty_first_cells (void)
{
  g_autoptr(DossierParsedDocument) doc = NULL;

  doc = import_string ("# Parish Budget\n\n"
                       "|        | 2025 | 2026 |\n"
                       "|--------|-----:|-----:|\n"
                       "| Roads  | 4.2  | 4.8  |\n"
                       "|        |      | 0.5  |\n"
                       "|  | |\n"
                       "| Parks  | 1.1  |      |\n",
                       -1, DOSSIER_FORMAT_MARKDOWN, "budget.md");
  assert_well_formed (doc);
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Parish Budget");
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0, "\t2025\t2026");
  assert_block (doc, 2, DOSSIER_BLOCK_PARAGRAPH, 0, "Roads\t4.2\t4.8");
  assert_block (doc, 3, DOSSIER_BLOCK_PARAGRAPH, 0, "\t\t0.5");
  assert_block (doc, 4, DOSSIER_BLOCK_PARAGRAPH, 0, "Parks\t1.1\t");
  g_assert_cmpuint (doc->blocks->len, ==, 5);
}

/* A row of fewer cells than the header ("| Total | 690 |" under five
 * columns) gets empty cells up to the header's width, as GFM pads it, so
 * that its figure stands in its column and the row is as wide as the
 * others; with no outer pipes too. Its text was kept, but the row was
 * two cells wide. */
static void
test_markdown_table_short_row (void)
{
  g_autoptr(DossierParsedDocument) doc = NULL;

  doc = import_string ("# Bus Routes\n\n"
                       "| Route | Riders | Before | After | Buses |\n"
                       "| --- | ---: | ---: | ---: | ---: |\n"
                       "| 7A | 1,240 | 71% | 80% | 6 |\n"
                       "| Total | 1,240 |\n"
                       "\n"
                       "Stop | Zone | Fare\n"
                       "--- | --- | ---\n"
                       "Quay | 1\n",
                       -1, DOSSIER_FORMAT_MARKDOWN, "routes.md");
  assert_well_formed (doc);
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0, "Route\tRiders\tBefore\tAfter\tBuses");
  assert_block (doc, 2, DOSSIER_BLOCK_PARAGRAPH, 0, "7A\t1,240\t71%\t80%\t6");
  assert_block (doc, 3, DOSSIER_BLOCK_PARAGRAPH, 0, "Total\t1,240\t\t\t");
  assert_block (doc, 4, DOSSIER_BLOCK_PARAGRAPH, 0, "Stop\tZone\tFare");
  assert_block (doc, 5, DOSSIER_BLOCK_PARAGRAPH, 0, "Quay\t1\t");
  g_assert_cmpuint (doc->blocks->len, ==, 6);
}

/* GFM pipe tables need no outer pipes: a line with a pipe followed by a
 * delimiter row with as many cells begins a table, and the lines with a
 * pipe after it are its rows, up to a blank line or a line without one.
 * A line before the header row stays a paragraph, and so does a pipe in
 * prose with no delimiter row under it, or a header row whose cells do
 * not match the delimiter row's. Escaped pipes and pipes in code are
 * text of their cell. */
static void
test_markdown_table_without_outer_pipes (void)
{
  g_autoptr(DossierParsedDocument) doc = NULL;

  doc = import_string ("# Ferry Timetable\n\n"
                       "Sailings from the east pier:\n"
                       "Departs | Arrives | Boat\n"
                       ":------ | ------: | :--:\n"
                       "07:15 | 07:50 | *Tern*\n"
                       "| 09:40 | 10:15 | Puffin |\n"
                       "12:05 | 12:40 | `Tern|2` \\| spare\n"
                       "Tickets are sold on board.\n"
                       "\n"
                       "Fares rose 3 | 4 percent this year,\n"
                       "the board said.\n"
                       "\n"
                       "Stop | Zone | Fare\n"
                       "--- | ---\n"
                       "\n"
                       "Stop | Zone\n"
                       "--- | ---\n"
                       "Quay | 1\n"
                       "\n"
                       "Harbour | 2\n",
                       -1, DOSSIER_FORMAT_MARKDOWN, "timetable.md");
  assert_well_formed (doc);
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Ferry Timetable");
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0, "Sailings from the east pier:");
  assert_block (doc, 2, DOSSIER_BLOCK_PARAGRAPH, 0, "Departs\tArrives\tBoat");
  assert_block (doc, 3, DOSSIER_BLOCK_PARAGRAPH, 0, "07:15\t07:50\tTern");
  assert_block (doc, 4, DOSSIER_BLOCK_PARAGRAPH, 0, "09:40\t10:15\tPuffin");
  assert_block (doc, 5, DOSSIER_BLOCK_PARAGRAPH, 0, "12:05\t12:40\tTern|2 | spare");
  assert_block (doc, 6, DOSSIER_BLOCK_PARAGRAPH, 0, "Tickets are sold on board.");
  assert_block (doc, 7, DOSSIER_BLOCK_PARAGRAPH, 0,
                "Fares rose 3 | 4 percent this year, the board said.");
  assert_block (doc, 8, DOSSIER_BLOCK_PARAGRAPH, 0, "Stop | Zone | Fare --- | ---");
  assert_block (doc, 9, DOSSIER_BLOCK_PARAGRAPH, 0, "Stop\tZone");
  assert_block (doc, 10, DOSSIER_BLOCK_PARAGRAPH, 0, "Quay\t1");
  assert_block (doc, 11, DOSSIER_BLOCK_PARAGRAPH, 0, "Harbour | 2");
  g_assert_cmpuint (doc->blocks->len, ==, 12);
}

static void
test_markdown_layout (void)
{
  g_autofree char *path = fixture_path ("markdown", "quay-notes.md");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = import_path (path, &error);

  g_assert_no_error (error);
  assert_well_formed (doc);

  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Survey of the East Quay");
  g_assert_cmpstr (doc->title, ==, "Survey of the East Quay");
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0,
                "A short note on the east quay walls, written after the spring tide.");
  assert_block (doc, 2, DOSSIER_BLOCK_HEADING, 2, "Wall sections");
  assert_block (doc, 3, DOSSIER_BLOCK_PREFORMATTED, 0,
                "section  state\nE-1      sound\nE-2      cracked");
  assert_block (doc, 4, DOSSIER_BLOCK_LIST_ITEM, 1, "E-1 needs no work");
  assert_block (doc, 5, DOSSIER_BLOCK_LIST_ITEM, 1, "E-2 needs grouting");
  assert_block (doc, 6, DOSSIER_BLOCK_LIST_ITEM, 2, "1. inject grout");
  assert_block (doc, 7, DOSSIER_BLOCK_LIST_ITEM, 2, "2. re-point the face");
  assert_block (doc, 8, DOSSIER_BLOCK_PARAGRAPH, 0, "The quay is closed to cars.");
  assert_block (doc, 9, DOSSIER_BLOCK_HEADING, 3, "Costs");
  /* Lone asterisks between spaces are text, not emphasis. */
  assert_block (doc, 10, DOSSIER_BLOCK_PARAGRAPH, 0,
                "Roughly 40 000 \xe2\x82\xac in total, 2 * 3 * 4 = 24 weeks of work (a guess).");
}

/* Under @title (a line of @format), a paragraph that starts with "By" but
 * is no byline, and a byline further down, are neither read nor dropped. */
static void
assert_by_stays (const char    *title,
                 DossierFormat  format)
{
  g_autofree char *text = g_strconcat (title, "\n\n"
                                       "By a narrow margin, the council approved the quarry.\n\n"
                                       "By Lena Marsh\n", NULL);
  g_autoptr(DossierParsedDocument) doc = import_string (text, -1, format, "quarry");

  g_assert_null (doc->author);
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0,
                "By a narrow margin, the council approved the quarry.");
  assert_block (doc, 2, DOSSIER_BLOCK_PARAGRAPH, 0, "By Lena Marsh");
  g_assert_cmpuint (doc->blocks->len, ==, 3);
}

/* A byline paragraph right under the title ("*By Jane Doe, Outlet, date*",
 * as saved articles have it) names the author and leaves the body: the
 * reader shows it under the title, as it does an HTML page's byline, and
 * it was there a second time as the first paragraph. "By" further down,
 * or a paragraph that is not a byline, is neither read nor dropped. */
static void
test_markdown_byline (void)
{
  const char *article =
    "# Quarry plan approved\n\n"
    "*By Lena Marsh, The Fenwick Gazette, 3 May 2026*\n\n"
    "The quarry will open in June.\n";
  g_autoptr(DossierParsedDocument) doc = import_string (article, -1, DOSSIER_FORMAT_MARKDOWN, "quarry.md");

  g_assert_cmpstr (doc->author, ==, "Lena Marsh");
  g_assert_cmpstr (doc->outlet, ==, "The Fenwick Gazette");
  g_assert_cmpstr (doc->published, ==, "2026-05-03");
  assert_well_formed (doc);
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Quarry plan approved");
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0, "The quarry will open in June.");
  g_assert_cmpuint (doc->blocks->len, ==, 2);
  assert_by_stays ("# Quarry plan approved", DOSSIER_FORMAT_MARKDOWN);

  /* An outlet whose name does not start with "The" is not taken for a
   * second author (it was: "Sam Adeyemi, East Kettlewick Voice", and no
   * outlet), nor is the date after a dash; two authors stay two. */
  {
    g_autoptr(DossierParsedDocument) voice =
      import_string ("# Library to close\n\n"
                     "*By Sam Adeyemi, East Kettlewick Voice \u2014 19 November 2026*\n\n"
                     "The branch will close in April.\n", -1, DOSSIER_FORMAT_MARKDOWN, "library.md");
    g_autoptr(DossierParsedDocument) two =
      import_string ("# Library to close\n\n"
                     "*By Sam Adeyemi and Lena Marsh*\n\n"
                     "The branch will close in April.\n", -1, DOSSIER_FORMAT_MARKDOWN, "library.md");

    g_assert_cmpstr (voice->author, ==, "Sam Adeyemi");
    g_assert_cmpstr (voice->outlet, ==, "East Kettlewick Voice");
    assert_block (voice, 1, DOSSIER_BLOCK_PARAGRAPH, 0, "The branch will close in April.");
    g_assert_cmpstr (two->author, ==, "Sam Adeyemi, Lena Marsh");
    g_assert_null (two->outlet);
  }

  /* Front matter that names and dates the article: the byline still
   * leaves the body, and gives only what the front matter did not. */
  {
    g_autoptr(DossierParsedDocument) front =
      import_string ("---\nauthor: S. Adeyemi\ndate: 2026-11-18\n---\n# Library to close\n\n"
                     "*By Sam Adeyemi, East Kettlewick Voice \u2014 19 November 2026*\n\n"
                     "The branch will close in April.\n", -1, DOSSIER_FORMAT_MARKDOWN, "library.md");

    g_assert_cmpstr (front->author, ==, "S. Adeyemi");
    g_assert_cmpstr (front->published, ==, "2026-11-18");
    g_assert_cmpstr (front->outlet, ==, "East Kettlewick Voice");
    assert_block (front, 1, DOSSIER_BLOCK_PARAGRAPH, 0, "The branch will close in April.");
    g_assert_cmpuint (front->blocks->len, ==, 2);
  }
}

/* A plain text's byline under its title is read as a Markdown one is:
 * the author's name alone (it was the whole line, "Helen Marsh, Northern
 * Press Association"), the outlet after it; and the line leaves the body
 * as a Markdown one does (the reader shows the byline under the title; it
 * read twice). "By" further down, or a paragraph that is not a byline,
 * stays. */
static void
test_text_byline (void)
{
  g_autoptr(DossierParsedDocument) doc =
    import_string ("Council votes to shut library branch\n\n"
                   "By Helen Marsh, Northern Press Association\n\n"
                   "The council voted to close the branch.\n", -1, DOSSIER_FORMAT_TEXT, "wire.txt");

  g_assert_cmpstr (doc->author, ==, "Helen Marsh");
  g_assert_cmpstr (doc->outlet, ==, "Northern Press Association");
  assert_well_formed (doc);
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Council votes to shut library branch");
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0, "The council voted to close the branch.");
  g_assert_cmpuint (doc->blocks->len, ==, 2);
  assert_by_stays ("Quarry plan approved", DOSSIER_FORMAT_TEXT);
}

/* A line under a plain text's title that ends with a date ("Issued by
 * …, 2 March 2026") is a dateline: a paragraph, not a heading, and the
 * document's date. A short line with no date there stays a heading; a
 * dateline does not replace a date the text already had. */
static void
test_text_dateline (void)
{
  /* kept: the line stays in the text; one that is only the document's
   * date leaves it, as a saved page's date line (the reader shows the
   * date under the title). */
  static const struct { const char *line; const char *date; gboolean kept; } cases[] = {
    { "Issued by the Fenwick branch of the Library Workers' Union, 2 March 2026", "2026-03-02", TRUE },
    { "Press statement \u2014 March 2, 2026", "2026-03-02", TRUE },
    { "Statement from the trustees, Monday, 2nd March 2026", "2026-03-02", TRUE },
    { "Issued 2 March 2026", "2026-03-02", FALSE },
    { "Published: March 2, 2026", "2026-03-02", FALSE },
    { "Last updated on 2 March 2026", "2026-03-02", FALSE },
    { "2 March 2026", "2026-03-02", FALSE },
  };
  g_autoptr(DossierParsedDocument) heading =
    import_string ("Library to close\n\nWhat the trustees decided\n\nThe branch will close.\n\n"
                   "Its books go to the town library.\n", -1, DOSSIER_FORMAT_TEXT, "library.txt");
  g_autoptr(DossierParsedDocument) dated =
    import_string ("Library to close\n\nBy Sam Adeyemi, East Kettlewick Voice, 1 March 2026\n\n"
                   "The branch will close.\n", -1, DOSSIER_FORMAT_TEXT, "library.txt");
  /* A date word needs a whole date after it: "Issued tickets…" is no dateline. */
  g_autoptr(DossierParsedDocument) undated =
    import_string ("Library to close\n\nIssued tickets for March 2026\n\n"
                   "The branch will close.\n", -1, DOSSIER_FORMAT_TEXT, "library.txt");
  /* A date line that is not the document's date says something: kept. */
  g_autoptr(DossierParsedDocument) updated =
    import_string ("Library to close\n\nBy Sam Adeyemi, East Kettlewick Voice, 1 March 2026\n\n"
                   "Updated 2 March 2026\n\nThe branch will close.\n", -1, DOSSIER_FORMAT_TEXT,
                   "library.txt");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Library to close\n\n%s\n\nThe branch will close.\n\n"
                                               "Its books go to the town library.\n", cases[i].line);
      g_autoptr(DossierParsedDocument) doc = import_string (text, -1, DOSSIER_FORMAT_TEXT, "library.txt");

      g_test_message ("%s", cases[i].line);
      g_assert_cmpstr (doc->title, ==, "Library to close");
      g_assert_cmpstr (doc->published, ==, cases[i].date);
      assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0,
                    cases[i].kept ? cases[i].line : "The branch will close.");
    }

  g_assert_null (heading->published);
  assert_block (heading, 1, DOSSIER_BLOCK_HEADING, 2, "What the trustees decided");
  g_assert_cmpstr (dated->published, ==, "2026-03-01");
  g_assert_null (undated->published);
  g_assert_cmpstr (updated->published, ==, "2026-03-01");
  assert_block (updated, 1, DOSSIER_BLOCK_PARAGRAPH, 0, "Updated 2 March 2026");
}

/* A Markdown or plain text's byline dated as @byline (its author Sam
 * Adeyemi, its outlet East Kettlewick Voice) dates the document @date
 * (NULL: not dated). */
static void
assert_byline_date (DossierFormat  format,
                    const char    *byline,
                    const char    *date)
{
  g_autofree char *text = g_strdup_printf (format == DOSSIER_FORMAT_MARKDOWN
                                           ? "# Library to close\n\n*%s*\n\nThe branch will close.\n"
                                           : "Library to close\n\n%s\n\nThe branch will close.\n",
                                           byline);
  g_autoptr(DossierParsedDocument) doc = import_string (text, -1, format, "library");

  g_test_message ("%s", byline);
  g_assert_cmpstr (doc->author, ==, "Sam Adeyemi");
  g_assert_cmpstr (doc->outlet, ==, "East Kettlewick Voice");
  g_assert_cmpstr (doc->published, ==, date);
}

/* A byline's date dates the document where nothing else does: day,
 * month and year in either order and ISO, after a dash or a comma, in
 * Markdown and in plain text. A date in figures that could be read two
 * ways, one that does not exist, or one with a part missing or more said
 * is left out. A date from the metadata (front matter, an HTML page's)
 * wins over the byline's. */
static void
test_byline_date (void)
{
  static const struct { const char *byline; const char *date; } cases[] = {
    { "By Sam Adeyemi, East Kettlewick Voice \u2014 19 November 2026", "2026-11-19" },
    { "By Sam Adeyemi, East Kettlewick Voice, 19 November 2026", "2026-11-19" },
    { "By Sam Adeyemi, East Kettlewick Voice, November 19, 2026", "2026-11-19" },
    { "By Sam Adeyemi, East Kettlewick Voice \u2014 November 19, 2026", "2026-11-19" },
    { "By Sam Adeyemi, East Kettlewick Voice \u2014 Thursday, 19th Nov. 2026", "2026-11-19" },
    { "By Sam Adeyemi, East Kettlewick Voice \u2014 2026-03-03", "2026-03-03" },
    { "By Sam Adeyemi, East Kettlewick Voice | 3 March 2026 | Updated 4 March 2026", "2026-03-03" },
    { "By Sam Adeyemi, East Kettlewick Voice, 29 February 2024", "2024-02-29" },
    /* Ambiguous, invalid, incomplete, or more than a date. */
    { "By Sam Adeyemi, East Kettlewick Voice, 03/04/2026", NULL },
    { "By Sam Adeyemi, East Kettlewick Voice \u2014 3.4.2026", NULL },
    { "By Sam Adeyemi, East Kettlewick Voice, 31 February 2026", NULL },
    { "By Sam Adeyemi, East Kettlewick Voice \u2014 2026-02-30", NULL },
    { "By Sam Adeyemi, East Kettlewick Voice, 29 February 2026", NULL },
    { "By Sam Adeyemi, East Kettlewick Voice \u2014 19 November", NULL },
    { "By Sam Adeyemi, East Kettlewick Voice \u2014 November 2026", NULL },
    { "By Sam Adeyemi, East Kettlewick Voice \u2014 19 Brumaire 2026", NULL },
    { "By Sam Adeyemi, East Kettlewick Voice \u2014 Updated 19 November 2026", NULL },
    { "By Sam Adeyemi, East Kettlewick Voice \u2014 19 November 2026, 10:30", NULL },
    { "By Sam Adeyemi, East Kettlewick Voice, 2026", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_byline_date (DOSSIER_FORMAT_MARKDOWN, cases[i].byline, cases[i].date);
      assert_byline_date (DOSSIER_FORMAT_TEXT, cases[i].byline, cases[i].date);
    }

  /* Front matter's date wins; its author, without a date, still lets the
   * byline date the text. */
  {
    g_autoptr(DossierParsedDocument) dated =
      import_string ("---\ndate: 2026-11-18\n---\n# Library to close\n\n"
                     "*By Sam Adeyemi, East Kettlewick Voice \u2014 19 November 2026*\n\nText.\n",
                     -1, DOSSIER_FORMAT_MARKDOWN, "library.md");
    g_autoptr(DossierParsedDocument) authored =
      import_string ("---\nauthor: S. Adeyemi\n---\n# Library to close\n\n"
                     "*By Sam Adeyemi, East Kettlewick Voice \u2014 19 November 2026*\n\nText.\n",
                     -1, DOSSIER_FORMAT_MARKDOWN, "library.md");

    g_assert_cmpstr (dated->published, ==, "2026-11-18");
    g_assert_cmpstr (dated->author, ==, "Sam Adeyemi");
    g_assert_cmpstr (authored->published, ==, "2026-11-19");
    g_assert_cmpstr (authored->author, ==, "S. Adeyemi");
  }

  /* An HTML page's meta date is its date, whatever its byline says. */
  {
    g_autoptr(DossierParsedDocument) page =
      import_string ("<html><head><title>Library to close</title>"
                     "<meta property=\"article:published_time\" content=\"2026-11-18T09:00:00Z\">"
                     "</head><body><article><h1>Library to close</h1>"
                     "<p>By Sam Adeyemi, East Kettlewick Voice \u2014 19 November 2026</p>"
                     "<p>The branch will close in April, the council said on Tuesday.</p>"
                     "</article></body></html>", -1, DOSSIER_FORMAT_HTML, "library.html");

    g_assert_cmpstr (page->published, ==, "2026-11-18");
  }
}

static void
test_markdown_inline (void)
{
  g_autoptr(DossierParsedDocument) doc = NULL;

  doc = import_string ("Intro with ***both***, __strong__, ~~struck~~, ``code with ` tick``, "
                       "\\*not emphasis\\*, [a *styled* link](http://x.example/a_(b)), "
                       "![alt text](p.png), <b>bold</b> tags, &amp; &#8217; &#x2014; &bogus; "
                       "a [bare bracket and 5 < 6 > 4.",
                       -1, DOSSIER_FORMAT_MARKDOWN, NULL);
  assert_block (doc, 0, DOSSIER_BLOCK_PARAGRAPH, 0,
                "Intro with both, strong, struck, code with ` tick, *not emphasis*, "
                "a styled link, alt text, bold tags, & " APOS " \xe2\x80\x94 &bogus; "
                "a [bare bracket and 5 < 6 > 4.");
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* Front matter title with no H1: it opens the text. An H1 later is a
   * heading, not the title. */
  doc = import_string ("---\ntitle: 'Quay Works'\n---\nSome text.\n\n# Later heading\n\nMore.\n",
                       -1, DOSSIER_FORMAT_MARKDOWN, NULL);
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Quay Works");
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0, "Some text.");
  assert_block (doc, 2, DOSSIER_BLOCK_HEADING, 1, "Later heading");
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* Unclosed front matter is not front matter; an unclosed fence runs to
   * the end. */
  doc = import_string ("---\ntitle: nope\n\nText\n\n```\ncode  here\n", -1, DOSSIER_FORMAT_MARKDOWN,
                       "x.md");
  g_assert_cmpstr (doc->title, ==, "x");
  g_assert_nonnull (strstr (doc->text, "title: nope"));
  assert_block (doc, doc->blocks->len - 1, DOSSIER_BLOCK_PREFORMATTED, 0, "code  here");
}

static void
test_markdown_hostile (void)
{
  static const char *units[] = { "[", "(", "[a](", "![", "<https://", "*_", "_a *b ", "&#", "<a " };

  /* A megabyte of unclosed brackets, link starts, delimiters or tags is
   * one paragraph of literal text (what it costs, linear and not
   * quadratic, is bench-core's "hostile Markdown" figure). */
  for (guint i = 0; i <= G_N_ELEMENTS (units); i++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierParsedDocument) doc = NULL;

      if (i < G_N_ELEMENTS (units))
        while (s->len < 1024 * 1024)
          g_string_append (s, units[i]);
      else
        /* Backtick runs of every length, none closed. */
        for (guint n = 1; s->len < 1024 * 1024; n++)
          {
            for (guint k = 0; k < n % 40 + 1; k++)
              g_string_append_c (s, '`');
            g_string_append_c (s, 'a');
          }

      bytes = g_bytes_new (s->str, s->len);
      doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_MARKDOWN, "hostile.md", &error);
      g_assert_no_error (error);
      assert_well_formed (doc);
      g_assert_cmpuint (doc->blocks->len, ==, 1);
      g_assert_cmpint (g_array_index (doc->blocks, DossierBlock, 0).kind, ==, DOSSIER_BLOCK_PARAGRAPH);
      /* Kept as text, not dropped: only paired delimiters go. */
      g_assert_cmpuint (strlen (doc->text), >, s->len / 4);
    }
}

/* ------------------------------------------------------------------------ */
/* Unicode                                                                  */

static void
test_unicode_offsets (void)
{
  g_autofree char *path = fixture_path ("text", "unicode-quay.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = import_path (path, &error);
  DossierBlock *b;

  g_assert_no_error (error);
  assert_well_formed (doc);

  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Caf" E_ACUTE " Notes from the Quay");
  assert_block (doc, 1, DOSSIER_BLOCK_PARAGRAPH, 0,
                "The " LQ "old" RQ " pier \xe2\x80\x94 rebuilt at last \xf0\x9f\x8e\x89 " FAMILY ".");
  /* The file spells Renée with a combining accent: NFC composes it. */
  assert_block (doc, 2, DOSSIER_BLOCK_PARAGRAPH, 0,
                "Visitors from " CJK "\xe5\xb8\x82 and " ARABIC " arrived, and Ren" E_ACUTE
                "e said \xc2\xab" "bonjour\xc2\xbb.");
  g_assert_null (strstr (doc->text, COMBINING_ACUTE));

  /* Offsets are code points: title 24, "\n\n", 41 in the first paragraph
   * (the ZWJ family is 5), "\n\n". */
  b = &g_array_index (doc->blocks, DossierBlock, 0);
  g_assert_cmpint (b->start, ==, 0);
  g_assert_cmpint (b->end, ==, 24);
  b = &g_array_index (doc->blocks, DossierBlock, 1);
  g_assert_cmpint (b->start, ==, 26);
  g_assert_cmpint (b->end, ==, 26 + 41);
  b = &g_array_index (doc->blocks, DossierBlock, 2);
  g_assert_cmpint (b->start, ==, 26 + 41 + 2);
  g_assert_cmpint (b->end, ==, dossier_text_length (doc->text));
}

/* ------------------------------------------------------------------------ */
/* Encodings and bad input                                                  */

static void
test_utf16_and_bom (Fixture       *f,
                    gconstpointer  data)
{
  const char *utf8 = "Quay Report\n\nCaf" E_ACUTE " " LQ "open" RQ " " CJK " " FAMILY ".\n";
  struct { const char *charset; const char *bom; gsize bom_len; const char *name; } cases[] = {
    { "UTF-16LE", "\xff\xfe", 2, "le16.txt" },
    { "UTF-16BE", "\xfe\xff", 2, "be16.txt" },
    { "UTF-32LE", "\xff\xfe\0\0", 4, "le32.txt" },
    { "UTF-32BE", "\0\0\xfe\xff", 4, "be32.txt" },
    { "UTF-8", "\xef\xbb\xbf", 3, "bom8.txt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *body = NULL;
      gsize body_len = 0;
      g_autoptr(GString) file = g_string_new_len (cases[i].bom, cases[i].bom_len);
      g_autofree char *path = NULL;
      g_autoptr(DossierParsedDocument) doc = NULL;

      body = g_convert (utf8, -1, cases[i].charset, "UTF-8", NULL, &body_len, &error);
      g_assert_no_error (error);
      g_string_append_len (file, body, body_len);
      path = write_file (f, cases[i].name, file->str, file->len);

      doc = import_path (path, &error);
      g_assert_no_error (error);
      assert_well_formed (doc);
      g_assert_cmpstr (doc->title, ==, "Quay Report");
      g_assert_cmpstr (doc->text, ==, "Quay Report\n\nCaf" E_ACUTE " " LQ "open" RQ " " CJK " " FAMILY ".");
      /* The original keeps the bytes as they were, BOM included. */
      g_assert_cmpuint (g_bytes_get_size (doc->original), ==, file->len);
    }
}

static void
test_decode_charsets (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gsize len = 0;
  const guint8 cp1252[] = "\x93Quoted\x94 caf\xe9 \x96 ok";
  const guint8 utf8[] = "caf\xc3\xa9";

  /* A declared legacy charset is honoured; ISO-8859-1 reads as
   * windows-1252, as browsers do. */
  out = dossier_import_decode (cp1252, sizeof cp1252 - 1, "windows-1252", &len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, LQ "Quoted" RQ " caf" E_ACUTE " \xe2\x80\x93 ok");
  g_assert_cmpuint (len, ==, strlen (out));
  g_clear_pointer (&out, g_free);

  out = dossier_import_decode (cp1252, sizeof cp1252 - 1, "ISO-8859-1", &len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, LQ "Quoted" RQ " caf" E_ACUTE " \xe2\x80\x93 ok");
  g_clear_pointer (&out, g_free);

  /* Valid UTF-8 wins over a stale declaration. */
  out = dossier_import_decode (utf8, sizeof utf8 - 1, "iso-8859-1", &len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "caf" E_ACUTE);
  g_clear_pointer (&out, g_free);

  /* No hint: not UTF-8 is refused. An unknown charset is refused. */
  out = dossier_import_decode (cp1252, sizeof cp1252 - 1, NULL, &len, &error);
  g_assert_null (out);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING);
  g_clear_error (&error);

  out = dossier_import_decode (cp1252, sizeof cp1252 - 1, "x-no-such-charset", &len, &error);
  g_assert_null (out);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "x-no-such-charset"));
  g_clear_error (&error);

  /* UTF-16 with a BOM but an odd number of bytes. */
  out = dossier_import_decode ((const guint8 *) "\xff\xfe" "a\0b", 5, NULL, &len, &error);
  g_assert_null (out);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) binary = g_string_new_len ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autoptr(GString) nuls = g_string_new (NULL);
  g_autoptr(GString) controls = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such-article.txt", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "a-folder.txt", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  DossierParsedDocument *doc;

  /* Known magic numbers, even when named .txt. */
  assert_import_fails (f, "picture.txt", binary->str, binary->len, DOSSIER_IMPORT_ERROR_NOT_TEXT);
  assert_import_fails (f, "paper.md", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", -1,
                       DOSSIER_IMPORT_ERROR_NOT_TEXT);
  assert_import_fails (f, "archive", "PK\x03\x04\x14\0\x06\0", 8, DOSSIER_IMPORT_ERROR_NOT_TEXT);

  /* Binary without a known signature: NUL bytes, or control bytes. */
  for (int i = 0; i < 400; i++)
    g_string_append_len (nuls, "ab\0\0\x01\x02", 6);
  assert_import_fails (f, "data.bin", nuls->str, nuls->len, DOSSIER_IMPORT_ERROR_NOT_TEXT);
  for (int i = 0; i < 400; i++)
    g_string_append (controls, "\x01\x02\x03\x04 text");
  assert_import_fails (f, "controls.txt", controls->str, controls->len, DOSSIER_IMPORT_ERROR_NOT_TEXT);

  /* Empty, or only white space. */
  assert_import_fails (f, "empty.txt", "", 0, DOSSIER_IMPORT_ERROR_EMPTY);
  assert_import_fails (f, "blank.txt", "  \n\t\r\n   \n\xc2\xa0\n", -1, DOSSIER_IMPORT_ERROR_EMPTY);
  assert_import_fails (f, "blank.md", "\n\n   \n<!-- only a comment -->\n", -1, DOSSIER_IMPORT_ERROR_EMPTY);
  assert_import_fails (f, "bom-only.txt", "\xef\xbb\xbf", 3, DOSSIER_IMPORT_ERROR_EMPTY);

  /* Latin-1 without a BOM, and broken UTF-8: refused, with advice. */
  assert_import_fails (f, "latin1.txt", "Caf\xe9 on the quay\n", -1, DOSSIER_IMPORT_ERROR_ENCODING);
  {
    g_autofree char *path = write_file (f, "broken.txt", "Good text then \xf0\x9f junk\n", -1);
    doc = import_path (path, &error);
    g_assert_null (doc);
    g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING);
    g_assert_nonnull (strstr (error->message, "broken.txt"));
    g_assert_nonnull (strstr (error->message, "UTF-8"));
    g_clear_error (&error);
  }
  /* Where it is, as a person finds it in an editor: its line, counting
   * "\n", "\r\n" and "\r" breaks (not a byte offset). */
  {
    g_autofree char *path = write_file (f, "third-line.txt",
                                        "Valid caf\xc3\xa9 first line\nsecond\r\nthird, then \xf0\x9f junk\n", -1);
    g_autofree char *path_cr = write_file (f, "old-mac.txt", "one\rtwo\rthree\rfour \xff\r", -1);

    doc = import_path (path, &error);
    g_assert_null (doc);
    g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING);
    g_assert_nonnull (strstr (error->message, "line 3"));
    g_assert_null (strstr (error->message, "position"));
    g_clear_error (&error);

    doc = import_path (path_cr, &error);
    g_assert_null (doc);
    g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING);
    g_assert_nonnull (strstr (error->message, "line 4"));
    g_clear_error (&error);
  }

  /* Missing file, folder. */
  doc = dossier_import_file (missing_file, DOSSIER_FORMAT_AUTO, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no-such-article.txt"));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  doc = dossier_import_file (folder_file, DOSSIER_FORMAT_AUTO, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "a-folder.txt"));
  g_clear_error (&error);

  /* Bytes without a name still get a message. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("", 0);
    doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_TEXT, NULL, &error);
    g_assert_null (doc);
    g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY);
    g_assert_cmpstr (error->message, !=, "");
  }
}

/* A failed import's message names the file once, as the person picked it
 * (not "The document", not its full path nor GIO's "Error opening file"),
 * and keeps the importer's advice. */
static void
assert_said_in_words (const GError *error,
                      const char   *name,
                      const char   *dir,
                      const char   *advice)
{
  const char *first;

  g_assert_nonnull (error);
  first = strstr (error->message, name);
  if (first == NULL || strstr (first + 1, name) != NULL || strstr (error->message, "The document") != NULL ||
      strstr (error->message, dir) != NULL || strstr (error->message, "Error ") != NULL ||
      (advice != NULL && strstr (error->message, advice) == NULL))
    g_error ("%s: not said in plain words: %s", name, error->message);
}

static void
test_failures_in_words (Fixture       *f,
                        gconstpointer  data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06";
  static const char zip[] = "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0";
  static const struct {
    const char *name;
    const char *data;
    gssize      len;
    gint        code;
    const char *advice;
  } cases[] = {
    /* Binary files renamed .html go through the HTML importer. */
    { "photo.html", png, sizeof png - 1, DOSSIER_IMPORT_ERROR_NOT_TEXT, "PNG image" },
    { "bundle.htm", zip, sizeof zip - 1, DOSSIER_IMPORT_ERROR_NOT_TEXT, "ZIP archive" },
    { "noise.html", "<html>\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13", -1,
      DOSSIER_IMPORT_ERROR_NOT_TEXT, "Import a text" },
    /* A page of scripts alone: why, and what to do. */
    { "app-shell.html",
      "<!DOCTYPE html><html><head><title>Quay News</title></head><body><div id=\"root\"></div>"
      "<noscript>Enable JavaScript.</noscript><script>start()</script></body></html>", -1,
      DOSSIER_IMPORT_ERROR_EMPTY, "save it again once it has loaded" },
    /* Latin-1 with no <meta charset>. */
    { "legacy.html", "<html><body><p>Caf\xe9 on the quay, by the ferry.</p></body></html>", -1,
      DOSSIER_IMPORT_ERROR_ENCODING, "<meta charset>" },
    /* UTF-16 cut in the middle of a character. */
    { "odd.html", "\xff\xfe<\0h\0t", 7, DOSSIER_IMPORT_ERROR_ENCODING, "UTF-8" },
    { "blank.html", "   \n\n  ", -1, DOSSIER_IMPORT_ERROR_EMPTY, NULL },
  };
  g_autofree char *missing = g_build_filename (f->dir, "moved-away.html", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *doc;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_file (f, cases[i].name, cases[i].data, cases[i].len);

      doc = import_path (path, &error);
      g_assert_null (doc);
      g_assert_error (error, DOSSIER_IMPORT_ERROR, cases[i].code);
      assert_said_in_words (error, cases[i].name, f->dir, cases[i].advice);
      g_clear_error (&error);
    }

  /* Gone between being chosen and being read. */
  doc = dossier_import_file (missing_file, DOSSIER_FORMAT_AUTO, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO);
  assert_said_in_words (error, "moved-away.html", f->dir, "Import it from where it is now");
  g_clear_error (&error);

  /* Unreadable: a child reads it (root reads anything: it gives that
   * up first). */
  {
    g_autofree char *locked = write_file (f, "locked.txt", "A short note.\n", -1);

    g_assert_cmpint (g_chmod (locked, 0), ==, 0);
    g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
    g_setenv ("DOSSIER_TEST_UNREADABLE", locked, TRUE);
    g_test_trap_subprocess ("/dossier/import/failures-in-words/unreadable", 0,
                            G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();
    g_unsetenv ("DOSSIER_TEST_UNREADABLE");
  }
}

/* The child of failures-in-words that reads its unreadable file. */
static void
test_failures_unreadable (void)
{
  const char *locked = g_getenv ("DOSSIER_TEST_UNREADABLE");
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *doc;

  if (!g_test_subprocess () || locked == NULL)
    {
      g_test_skip ("run by /dossier/import/failures-in-words");
      return;
    }
  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    g_error ("could not give up root");
  doc = import_path (locked, &error);
  g_assert_null (doc);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO);
  dir = g_path_get_dirname (locked);
  assert_said_in_words (error, "locked.txt", dir, "permissions");
}

/* A project's own files (the project, and its lock, log and shared memory
 * while it is open: the lock is text, so a chooser's "Articles" lists it)
 * are refused saying what they are, before a byte is read, and the
 * project importing them stays as it was. */
static void
test_project_parts (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const parts[] = {
    "Harbour.dossier", "Harbour.dossier.lock", "Harbour.dossier-wal", "Harbour.dossier-shm",
  };
  g_autofree char *path = g_build_filename (f->dir, "Harbour.dossier", NULL);
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;

  project = dossier_project_create (path, "Harbour", &error);
  g_assert_no_error (error);
  add_doc (project, "Pier repairs", "The pier closes for repairs in May.");

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = g_build_filename (f->dir, parts[i], NULL);
      g_autofree char *expected = g_strdup_printf ("Cannot import “%s”: it is part of a Dossier "
                                                   "project, not an article", parts[i]);
      g_autoptr(DossierParsedDocument) doc = NULL;

      g_assert_true (g_file_test (part, G_FILE_TEST_IS_REGULAR));
      doc = import_path (part, &error);
      g_assert_null (doc);
      g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NOT_TEXT);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);
      g_ptr_array_add (files, g_file_new_for_path (part));
    }

  outcomes = import_and_wait (project, (GFile **) files->pdata, files->len, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < outcomes->len; i++)
    {
      DossierImportOutcome *outcome = g_ptr_array_index (outcomes, i);

      g_assert_error (outcome->error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NOT_TEXT);
      g_assert_cmpint (outcome->document_id, ==, 0);
    }
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project)), ==, 1);
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Import “Pier repairs”");
}

static void
test_stray_nul (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Harbour Log\n\nThe tide was hi");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierParsedDocument) doc = NULL;

  /* A stray NUL or two in otherwise good text is damage, not binary: it
   * is dropped and the text after it kept. */
  g_string_append_c (text, '\0');
  g_string_append (text, "gh at noon.\n");
  path = write_file (f, "log.txt", text->str, text->len);

  doc = import_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->text, ==, "Harbour Log\n\nThe tide was high at noon.");
}

/* Bytes this process has read so far (read(2) and the like, whatever
 * the file), or -1 where the kernel does not say. */
static gint64
bytes_read (void)
{
  g_autofree char *io = NULL;
  const char *rchar;

  if (!g_file_get_contents ("/proc/self/io", &io, NULL, NULL) ||
      (rchar = strstr (io, "rchar: ")) == NULL)
    return -1;

  return g_ascii_strtoll (rchar + strlen ("rchar: "), NULL, 10);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "huge.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *doc;
  gint64 read_before;
  int fd;

  /* A sparse file just over the limit: no 64 MB written, and the importer
   * must refuse it before reading it. */
  fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) DOSSIER_IMPORT_MAX_BYTES + 1), ==, 0);
  close (fd);

  read_before = bytes_read ();
  doc = dossier_import_file (file, DOSSIER_FORMAT_AUTO, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.txt"));
  /* Refused from its size: not even its first megabyte was read. */
  if (read_before >= 0)
    g_assert_cmpint (bytes_read () - read_before, <, 1024 * 1024);
}

static void
test_big_text (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("A Very Long Harbour Archive\n\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autofree char *path = NULL;
  guint paragraphs = 0;

  /* About 20 MB of paragraphs, headings and bullets with non-ASCII text. */
  while (text->len < 20 * 1024 * 1024)
    {
      if (paragraphs % 50 == 0)
        g_string_append_printf (text, "Section %u of the Archive\n\n", paragraphs / 50);
      g_string_append (text, "The harbour" APOS "s caf" E_ACUTE " opened at dawn and the "
                       LQ "new" RQ " pier (" CJK ") was busy all day; fishermen landed their\n"
                       "catch while the crane lifted timber for the works on the east quay.\n\n"
                       "  \xe2\x80\xa2 An item about tides\n  \xe2\x80\xa2 Another about ferries\n\n");
      paragraphs++;
    }
  path = write_file (f, "archive.txt", text->str, text->len);

  doc = import_path (path, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_PARAGRAPH), ==, paragraphs);
  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_LIST_ITEM), ==, 2 * paragraphs);
  g_assert_cmpuint (count_blocks (doc, DOSSIER_BLOCK_HEADING), ==, (paragraphs + 49) / 50);
  g_assert_cmpint (g_array_index (doc->blocks, DossierBlock, doc->blocks->len - 1).end, ==,
                   dossier_text_length (doc->text));
  /* What it costs (linear) is bench-core's "import 20 MB of text" figure. */
}

/* ------------------------------------------------------------------------ */
/* Formats                                                                  */

/* A file cut short imports what it holds, with a note that names it and
 * says it looks cut off; the same file whole has no note. Sure signs only:
 * a page that ends inside a tag or opens <html> and never closes it, a
 * Markdown file that ends inside a code fence, a character cut in two. */
static void
test_cut_off (void)
{
  static const char page[] =
    "<!DOCTYPE html><html><head><title>Quay wall repaired</title></head><body><article>"
    "<h1>Quay wall repaired</h1><p>The harbour board finished the repairs to the north quay "
    "wall on Friday, two weeks early.</p><p>Fishing boats can moor there again from Monday, "
    "the board said in a statement.</p></article></body></html>\n";
  static const char markdown[] =
    "# Tide tables\n\nThe port publishes its tables as a script:\n\n```\nhigh 06:12\nlow 12:30\n"
    "```\n\nThey are updated every month.\n";
  /* Where each is cut: mid-tag, mid-paragraph, before </html>; inside the
   * fence. */
  const char *page_cuts[] = { "<p>Fishing boats can moor", "repairs to the north", "</article>" };
  static const char text[] = "Ferry fares\n\nThe ferry to the island will cost \xe2\x82\xac" "4 "
                             "from May, up from \xe2\x82\xac" "3.50.\n";

  /* Whole: no note. */
  {
    g_autoptr(DossierParsedDocument) doc = import_string (page, -1, DOSSIER_FORMAT_AUTO, "quay.html");
    g_autoptr(DossierParsedDocument) md = import_string (markdown, -1, DOSSIER_FORMAT_AUTO, "tides.md");
    g_autoptr(DossierParsedDocument) txt = import_string (text, -1, DOSSIER_FORMAT_AUTO, "fares.txt");
    /* A fragment without <html> or <body> is not judged. */
    g_autoptr(DossierParsedDocument) fragment =
      import_string ("<h1>Notes</h1><p>The ferry runs twice a day in winter.", -1,
                     DOSSIER_FORMAT_HTML, "fragment.html");

    g_assert_cmpuint (doc->notes->len, ==, 0);
    g_assert_cmpuint (md->notes->len, ==, 0);
    g_assert_cmpuint (txt->notes->len, ==, 0);
    g_assert_cmpuint (fragment->notes->len, ==, 0);
  }
  /* Nor do the sample articles. */
  {
    static const char *const samples[] = {
      "harbor-bridge-tribune.html", "harbor-bridge-civic-ledger.md", "harbor-bridge-wire.txt",
    };

    for (gsize i = 0; i < G_N_ELEMENTS (samples); i++)
      {
        g_autofree char *path = g_build_filename (g_getenv ("DOSSIER_SAMPLES_DIR"), samples[i], NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(DossierParsedDocument) doc = import_path (path, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (doc->notes->len, ==, 0);
      }
  }

  for (gsize i = 0; i < G_N_ELEMENTS (page_cuts); i++)
    {
      const char *at = strstr (page, page_cuts[i]);
      gsize len = (gsize) (at - page) + (i == 0 ? 2 : strlen (page_cuts[i]));
      g_autoptr(DossierParsedDocument) doc = import_string (page, len, DOSSIER_FORMAT_AUTO, "quay.html");

      g_assert_nonnull (strstr (doc->text, "The harbour board finished"));
      g_assert_cmpuint (doc->notes->len, ==, 1);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (doc->notes, 0), "“quay.html” looks cut off"));
    }

  {
    gsize len = (gsize) (strstr (markdown, "low 12:30") - markdown) + 4;
    g_autoptr(DossierParsedDocument) doc = import_string (markdown, len, DOSSIER_FORMAT_AUTO, "tides.md");

    g_assert_nonnull (strstr (doc->text, "high 06:12"));
    g_assert_cmpuint (doc->notes->len, ==, 1);
    g_assert_true (g_str_has_prefix (g_ptr_array_index (doc->notes, 0), "“tides.md” looks cut off"));
  }

  /* Cut after the first byte or two of "€": imported up to there. */
  for (gsize cut = 1; cut <= 2; cut++)
    {
      gsize len = (gsize) (strstr (text, "3.50") - text) - 3 + cut;
      g_autoptr(DossierParsedDocument) doc = import_string (text, len, DOSSIER_FORMAT_AUTO, "fares.txt");

      g_assert_true (g_str_has_suffix (doc->text, "up from"));
      g_assert_cmpuint (doc->notes->len, ==, 1);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (doc->notes, 0), "“fares.txt” looks cut off"));
    }
}

/* The messages an import gives end as sentences do, and the report says
 * when a title, author or outlet is longer than a project keeps. */
static void
test_import_messages (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autoptr(DossierParsedDocument) fine = NULL;
  g_autofree char *title = g_strnfill (DOSSIER_DOCUMENT_MAX_TITLE + 1, 'T');
  g_autofree char *author = g_strnfill (DOSSIER_DOCUMENT_MAX_AUTHOR + 1, 'A');
  g_autofree char *outlet = g_strnfill (DOSSIER_DOCUMENT_MAX_OUTLET + 1, 'O');
  g_autofree char *markdown = NULL;

  g_assert_null (dossier_import_bytes (empty, DOSSIER_FORMAT_AUTO, "blank.txt", &error));
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "“blank.txt” is empty: there is no text to import.");
  g_clear_error (&error);

  markdown = g_strdup_printf ("---\ntitle: %s\nauthor: %s\noutlet: %s\n---\n\nThe ferry fares rise "
                              "in May.\n", title, author, outlet);
  doc = import_string (markdown, -1, DOSSIER_FORMAT_AUTO, "fares.md");
  g_assert_cmpuint (doc->notes->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (doc->notes, 0), ==,
                   "The title of “fares.md” has more than 500 characters: it was shortened to "
                   "that many, “…” at its end.");
  g_assert_cmpstr (g_ptr_array_index (doc->notes, 1), ==,
                   "The author of “fares.md” has more than 500 characters: it was shortened to "
                   "that many, “…” at its end.");
  g_assert_cmpstr (g_ptr_array_index (doc->notes, 2), ==,
                   "The outlet of “fares.md” has more than 200 characters: it was shortened to "
                   "that many, “…” at its end.");

  /* At the most: no note. */
  title[DOSSIER_DOCUMENT_MAX_TITLE] = '\0';
  g_free (markdown);
  markdown = g_strdup_printf ("---\ntitle: %s\n---\n\nThe ferry fares rise in May.\n", title);
  fine = import_string (markdown, -1, DOSSIER_FORMAT_AUTO, "fares.md");
  g_assert_cmpuint (fine->notes->len, ==, 0);
}

static void
test_formats (void)
{
  DossierFormat format;
  g_autoptr(DossierParsedDocument) doc = NULL;

  for (int i = DOSSIER_FORMAT_AUTO; i <= DOSSIER_FORMAT_HTML; i++)
    {
      g_assert_true (dossier_format_from_string (dossier_format_to_string (i), &format));
      g_assert_cmpint (format, ==, i);
    }
  g_assert_true (dossier_format_from_string ("md", &format));
  g_assert_cmpint (format, ==, DOSSIER_FORMAT_MARKDOWN);
  g_assert_false (dossier_format_from_string ("docx", &format));
  g_assert_false (dossier_format_from_string (NULL, &format));

  /* The extension decides... */
  doc = import_string ("# Not a heading in text\n\nBody.\n", -1, DOSSIER_FORMAT_AUTO, "notes.txt");
  g_assert_cmpstr (doc->format, ==, "text");
  g_clear_pointer (&doc, dossier_parsed_document_free);
  doc = import_string ("Plain words.\n\nMore.\n", -1, DOSSIER_FORMAT_AUTO, "notes.markdown");
  g_assert_cmpstr (doc->format, ==, "markdown");
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* ...then the content: Markdown markers, else text. */
  doc = import_string ("# Quay Works\n\nSee [the plan](http://x.example).\n", -1,
                       DOSSIER_FORMAT_AUTO, "notes");
  g_assert_cmpstr (doc->format, ==, "markdown");
  assert_block (doc, 0, DOSSIER_BLOCK_TITLE, 0, "Quay Works");
  g_clear_pointer (&doc, dossier_parsed_document_free);
  doc = import_string ("Quay Works\n\n- one\n- two\n", -1, DOSSIER_FORMAT_AUTO, NULL);
  g_assert_cmpstr (doc->format, ==, "text");
  g_clear_pointer (&doc, dossier_parsed_document_free);

  /* HTML by its doctype or root element, with or without a BOM or
   * leading comment; by extension too. The HTML importer itself is tested
   * in test-import-html. */
  {
    static const char *pages[] = {
      "<!DOCTYPE html><html><head><title>Quay</title></head>"
      "<body><article><p>The quay reopened on Monday after repairs.</p></article></body></html>",
      "\xef\xbb\xbf  <html><body><p>The quay reopened on Monday after repairs.</p></body></html>",
      "<?xml version=\"1.0\"?>\n<!-- saved page -->\n<HTML><BODY><P>The quay reopened on Monday "
      "after repairs.</P></BODY></HTML>",
    };

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        doc = import_string (pages[i], -1, DOSSIER_FORMAT_AUTO, i == 2 ? "saved" : NULL);
        g_assert_cmpstr (doc->format, ==, "html");
        g_assert_nonnull (strstr (doc->text, "The quay reopened on Monday after repairs."));
        g_clear_pointer (&doc, dossier_parsed_document_free);
      }

    doc = import_string ("<p>The quay reopened on Monday after repairs.</p>", -1,
                         DOSSIER_FORMAT_AUTO, "page.htm");
    g_assert_cmpstr (doc->format, ==, "html");
    g_clear_pointer (&doc, dossier_parsed_document_free);

    /* Text that merely mentions a tag stays text. */
    doc = import_string ("Notes on markup\n\nThe page starts with <html> and ends with </html>.\n",
                         -1, DOSSIER_FORMAT_AUTO, NULL);
    g_assert_cmpstr (doc->format, ==, "text");
    g_clear_pointer (&doc, dossier_parsed_document_free);
  }

  /* An explicit format overrides the extension. */
  doc = import_string ("**Bold** words.\n", -1, DOSSIER_FORMAT_MARKDOWN, "notes.txt");
  g_assert_cmpstr (doc->format, ==, "markdown");
  g_assert_cmpstr (doc->text, ==, "Bold words.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/import/text-article", test_text_article);
  g_test_add_func ("/dossier/import/text-layout", test_text_layout);
  g_test_add_func ("/dossier/import/text-paragraph-styles", test_text_paragraph_styles);
  g_test_add_func ("/dossier/import/text-list-wrapped", test_text_list_wrapped);
  g_test_add_func ("/dossier/import/text-numbered-sections", test_text_numbered_sections);
  g_test_add_func ("/dossier/import/text-lettered-items", test_text_lettered_items);
  g_test_add_func ("/dossier/import/text-indented-prose", test_text_indented_prose);
  g_test_add_func ("/dossier/import/text-tab-table", test_text_tab_table);
  g_test_add_func ("/dossier/import/text-tab-table-empty-last-cells", test_text_tab_table_empty_last_cells);
  g_test_add_func ("/dossier/import/text-tab-table-label-row", test_text_tab_table_label_row);
  g_test_add ("/dossier/import/text-list", Fixture, NULL,
              fixture_setup, test_text_list, fixture_teardown);
  g_test_add_func ("/dossier/import/example-article", test_example_article);
  g_test_add_func ("/dossier/import/markdown-article", test_markdown_article);
  g_test_add_func ("/dossier/import/markdown-table", test_markdown_table);
  g_test_add_func ("/dossier/import/markdown-table-short-row", test_markdown_table_short_row);
  g_test_add_func ("/dossier/import/markdown-table-empty-first-cells",
                   test_markdown_table_empty_first_cells);
  g_test_add_func ("/dossier/import/markdown-table-without-outer-pipes",
                   test_markdown_table_without_outer_pipes);
  g_test_add_func ("/dossier/import/markdown-layout", test_markdown_layout);
  g_test_add_func ("/dossier/import/markdown-inline", test_markdown_inline);
  g_test_add_func ("/dossier/import/markdown-byline", test_markdown_byline);
  g_test_add_func ("/dossier/import/text-byline", test_text_byline);
  g_test_add_func ("/dossier/import/text-dateline", test_text_dateline);
  g_test_add_func ("/dossier/import/byline-date", test_byline_date);
  g_test_add_func ("/dossier/import/markdown-hostile", test_markdown_hostile);
  g_test_add_func ("/dossier/import/unicode-offsets", test_unicode_offsets);
  g_test_add ("/dossier/import/utf16-and-bom", Fixture, NULL,
              fixture_setup, test_utf16_and_bom, fixture_teardown);
  g_test_add_func ("/dossier/import/decode-charsets", test_decode_charsets);
  g_test_add ("/dossier/import/bad-input", Fixture, NULL,
              fixture_setup, test_bad_input, fixture_teardown);
  g_test_add ("/dossier/import/failures-in-words", Fixture, NULL,
              fixture_setup, test_failures_in_words, fixture_teardown);
  g_test_add_func ("/dossier/import/failures-in-words/unreadable", test_failures_unreadable);
  g_test_add ("/dossier/import/project-parts", Fixture, NULL,
              fixture_setup, test_project_parts, fixture_teardown);
  g_test_add ("/dossier/import/stray-nul", Fixture, NULL,
              fixture_setup, test_stray_nul, fixture_teardown);
  g_test_add ("/dossier/import/too-large", Fixture, NULL,
              fixture_setup, test_too_large, fixture_teardown);
  g_test_add ("/dossier/import/big-text", Fixture, NULL,
              fixture_setup, test_big_text, fixture_teardown);
  g_test_add_func ("/dossier/import/formats", test_formats);
  g_test_add_func ("/dossier/import/cut-off", test_cut_off);
  g_test_add_func ("/dossier/import/messages", test_import_messages);

  return g_test_run ();
}
