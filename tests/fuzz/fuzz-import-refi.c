/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-import-refi.c — fuzz target: REFI-QDA import (the zip reader's
 * checks, project.qde and .qdc parsing, positions). The input is tried as
 * a .qdpx archive, a bare project.qde and a .qdc codebook; whatever comes
 * out must hold together. Driven by fuzz-main.c or by libFuzzer. */

#include "config.h"

#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <dossier/dossier-text.h>

#include "exchange/dossier-exchange-private.h"

int  LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond) G_STMT_START { if (!(cond)) g_error ("check failed: %s", #cond); } G_STMT_END

static void
check_data (const DossierExchangeData *data)
{
  for (guint i = 0; i < data->codes->len; i++)
    {
      const DossierExchangeCode *code = g_ptr_array_index (data->codes, i);

      FUZZ_CHECK (code->parent < (int) i);
      FUZZ_CHECK (code->name != NULL && code->name[0] != '\0' && strchr (code->name, '/') == NULL);
      FUZZ_CHECK (code->color == NULL || strlen (code->color) == 7);
    }

  for (guint s = 0; s < data->sources->len; s++)
    {
      const DossierExchangeSource *source = g_ptr_array_index (data->sources, s);
      gint64 length;

      FUZZ_CHECK (source->doc != NULL && source->doc->text != NULL);
      FUZZ_CHECK (g_utf8_validate (source->doc->text, -1, NULL));
      length = dossier_text_length (source->doc->text);
      for (guint i = 0; i < source->doc->blocks->len; i++)
        {
          const DossierBlock *b = &g_array_index (source->doc->blocks, DossierBlock, i);

          FUZZ_CHECK (b->start >= 0 && b->start <= b->end && b->end <= length);
        }
      for (guint i = 0; i < source->selections->len; i++)
        {
          const DossierExchangeSelection *sel = &g_array_index (source->selections,
                                                                 DossierExchangeSelection, i);

          FUZZ_CHECK (sel->start >= 0 && sel->start < sel->end && sel->end <= length);
          FUZZ_CHECK (sel->codes->len > 0);
          for (guint k = 0; k < sel->codes->len; k++)
            FUZZ_CHECK (g_array_index (sel->codes, int, k) >= 0 &&
                        (guint) g_array_index (sel->codes, int, k) < data->codes->len);
          FUZZ_CHECK (g_utf8_validate (sel->memo, -1, NULL));
        }
    }
}

static void
try_as (const uint8_t *data,
        size_t         size,
        const char    *name,
        gboolean       codebook)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-fuzz-refi-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DossierExchangeData) result = NULL;

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));
  result = dossier_refi_read (file, codebook, NULL, NULL, NULL);
  if (result != NULL)
    check_data (result);
  g_unlink (path);
  g_rmdir (dir);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    try_as (data, size, "fuzz.qdpx", FALSE);
  else
    {
      try_as (data, size, "project.qde", FALSE);
      try_as (data, size, "fuzz.qdc", TRUE);
    }
  return 0;
}
