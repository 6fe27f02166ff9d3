/* test-text.c — normalization, offsets and the text builder. */

#include "config.h"

#include <string.h>

#include <dossier/dossier-import.h>
#include <dossier/dossier-text.h>

#include "dossier-text-builder.h"

static void
test_builder_blocks (void)
{
  g_autoptr(DossierTextBuilder) b = dossier_text_builder_new ();
  g_autofree char *text = NULL;
  g_autoptr(GArray) blocks = NULL;
  DossierBlock *bl;

  dossier_text_builder_add_block (b, DOSSIER_BLOCK_TITLE, 0, "  Caf\xc3\xa9  title \n");
  dossier_text_builder_begin_block (b, DOSSIER_BLOCK_PARAGRAPH, 0);
  dossier_text_builder_append (b, "One   two\n", -1);
  dossier_text_builder_append (b, "three ", -1);
  dossier_text_builder_end_block (b);
  dossier_text_builder_add_block (b, DOSSIER_BLOCK_PARAGRAPH, 0, "   \n\t ");
  dossier_text_builder_add_block (b, DOSSIER_BLOCK_LIST_ITEM, 1, "a");
  dossier_text_builder_add_block (b, DOSSIER_BLOCK_LIST_ITEM, 2, "b");
  dossier_text_builder_begin_block (b, DOSSIER_BLOCK_PREFORMATTED, 0);
  dossier_text_builder_append (b, "\n\n  x = 1\n\n  y = 2\n\n", -1);
  dossier_text_builder_end_block (b);
  dossier_text_builder_begin_block (b, DOSSIER_BLOCK_PARAGRAPH, 0);
  dossier_text_builder_append (b, "e", -1);
  dossier_text_builder_append (b, "\xcc\x81", -1);
  g_assert_cmpint (dossier_text_builder_get_length (b), ==, 51);
  dossier_text_builder_finish (b, &text, &blocks);

  g_assert_cmpstr (text, ==, "Caf\xc3\xa9 title\n\nOne two three\n\na\nb\n\n  x = 1\n\n  y = 2\n\n\xc3\xa9");
  g_assert_cmpint (blocks->len, ==, 6);
  bl = &g_array_index (blocks, DossierBlock, 0);
  g_assert_cmpint (bl->start, ==, 0);
  g_assert_cmpint (bl->end, ==, 10);
  bl = &g_array_index (blocks, DossierBlock, 5);
  g_assert_cmpint (bl->start, ==, 50);
  g_assert_cmpint (bl->end, ==, 51);
  g_assert_cmpint (dossier_text_length (text), ==, 51);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dossier/text/builder-blocks", test_builder_blocks);
  return g_test_run ();
}
