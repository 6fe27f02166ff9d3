/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-import-markdown.c — fuzz target: Markdown import, and format
 * detection. Driven by fuzz-main.c or by libFuzzer. */

#include "config.h"

#include <stdint.h>

#include <dossier/dossier-import.h>

#include "dossier-import-private.h"

int  LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
void fuzz_check_document    (const DossierParsedDocument *doc);

static void
import_as (GBytes        *bytes,
           DossierFormat  format,
           const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = dossier_import_bytes (bytes, format, name, &error);

  if (doc != NULL)
    fuzz_check_document (doc);
  else if (error == NULL || error->message[0] == '\0')
    g_error ("import failed without an error message");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  import_as (bytes, DOSSIER_FORMAT_MARKDOWN, "fuzz.md");
  /* Detection by content, without a name. */
  import_as (bytes, DOSSIER_FORMAT_AUTO, NULL);

  return 0;
}
