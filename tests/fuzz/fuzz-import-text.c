/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-import-text.c — fuzz target: plain-text import, decoding,
 * normalization and anchoring. Driven by fuzz-main.c or by libFuzzer. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include <dossier/dossier-anchor.h>
#include <dossier/dossier-import.h>
#include <dossier/dossier-text.h>

#include "dossier-import-private.h"

int  LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
void fuzz_check_document    (const DossierParsedDocument *doc);

/* Anchoring on what was imported: every block is found where it is; a
 * quote made of the raw input is located without harm. */
static void
fuzz_anchor (const DossierParsedDocument *doc,
             const uint8_t               *data,
             size_t                       size)
{
  g_autoptr(DossierAnchorText) at = dossier_anchor_text_new (doc->text);
  gint64 len = dossier_anchor_text_length (at);
  gint64 start, end;

  for (guint i = 0; i < MIN (doc->blocks->len, 8); i++)
    {
      const DossierBlock *b = &g_array_index (doc->blocks, DossierBlock, i);
      g_autofree char *quote = NULL, *prefix = NULL, *suffix = NULL;
      DossierTextQuote q;

      dossier_text_quote_context (doc->text, b->start, b->end, &quote, &prefix, &suffix);
      q = (DossierTextQuote) { quote, prefix, suffix, b->start, b->end };
      if (dossier_anchor_locate (at, &q, &start, &end) != DOSSIER_ANCHOR_EXACT_POSITION ||
          start != b->start || end != b->end)
        g_error ("block %u not found at its own position", i);

      /* Moved and slightly wrong: anywhere, but inside the text. */
      q.start = b->start + 7;
      q.end = b->end + 3;
      if (quote[0] != '\0' && quote[1] != '\0')
        quote[1] = quote[1] == 'x' ? 'y' : (quote[1] & 0x80 ? quote[1] : 'x');
      if (dossier_anchor_locate (at, &q, &start, &end) != DOSSIER_ANCHOR_ORPHANED &&
          (start < 0 || end > len || start >= end))
        g_error ("located outside the text");
    }

  if (size > 0 && size < 4096 && g_utf8_validate ((const char *) data, size, NULL))
    {
      g_autofree char *raw = g_strndup ((const char *) data, size);
      DossierTextQuote q = { raw, raw, raw, (gint64) size, (gint64) size * 2 };

      if (dossier_anchor_locate (at, &q, &start, &end) != DOSSIER_ANCHOR_ORPHANED &&
          (start < 0 || end > len || start >= end))
        g_error ("located outside the text");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *normalized = NULL;
  gsize decoded_len = 0;

  doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_TEXT, "fuzz.txt", &error);
  if (doc != NULL)
    {
      fuzz_check_document (doc);
      fuzz_anchor (doc, data, size);
    }
  else if (error == NULL || error->domain != DOSSIER_IMPORT_ERROR || error->message[0] == '\0')
    g_error ("import failed without a proper error");
  g_clear_error (&error);

  /* Decoding with a declared legacy charset. */
  decoded = dossier_import_decode (data, size, "windows-1252", &decoded_len, &error);
  if (decoded != NULL && !g_utf8_validate (decoded, -1, NULL) &&
      memchr (decoded, '\0', decoded_len) == NULL)
    g_error ("decoded text is not UTF-8");
  g_clear_error (&error);

  /* Normalization of the raw bytes: either refused or idempotent. */
  normalized = dossier_text_normalize ((const char *) data, size, &error);
  if (normalized != NULL)
    {
      g_autofree char *twice = dossier_text_normalize (normalized, -1, NULL);
      if (twice == NULL || strcmp (twice, normalized) != 0)
        g_error ("normalization is not idempotent");
    }

  return 0;
}
