/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-import-html.c — fuzz target: HTML import (encoding sniffing,
 * libxml2 parsing, clutter removal, metadata, JSON-LD). Driven by
 * fuzz-main.c or by libFuzzer.
 *
 * Random bytes seldom form a JSON-LD script or a <meta> date, so the input
 * is also fed through those two doors, wrapped in a page that reaches them.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include <dossier/dossier-import.h>

int  LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
void fuzz_check_document    (const DossierParsedDocument *doc);

static void
import_html (const uint8_t *data,
             size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = NULL;

  doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_HTML, "fuzz.html", &error);
  if (doc != NULL)
    fuzz_check_document (doc);
  else if (error == NULL || error->domain != DOSSIER_IMPORT_ERROR || error->message[0] == '\0')
    g_error ("HTML import failed without a proper error");
}

static void
import_wrapped (const char    *before,
                const uint8_t *data,
                size_t         size,
                const char    *after)
{
  g_autoptr(GByteArray) page = g_byte_array_new ();

  g_byte_array_append (page, (const guint8 *) before, strlen (before));
  g_byte_array_append (page, data, size);
  g_byte_array_append (page, (const guint8 *) after, strlen (after));
  import_html (page->data, page->len);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  import_html (data, size);

  if (size < 64 * 1024)
    {
      import_wrapped ("<html><head><script type=\"application/ld+json\">", data, size,
                      "</script></head><body><article><p>Body.</p></article></body></html>");
      import_wrapped ("<html><head><meta name=\"date\" content=\"", data, size,
                      "\"><title>T | Site</title><meta property=\"og:site_name\" content=\"Site\">"
                      "</head><body><p class=\"byline\">By X</p><p>Body.</p></body></html>");
    }
  return 0;
}
