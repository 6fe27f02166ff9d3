/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-shown.c — the SQL function dossier_shown (), which reads
 * the first characters of a long text in a row through an incremental blob
 * handle: what the models' loaders show of a name or a description that a
 * file from elsewhere made 10 MB long (DOSSIER_SQL_SHOWN_ROW ()).
 *
 * SQLite copies a whole value out of its overflow pages before length ()
 * or substr () sees it: 30 to 90 ms for one of 10 MB, twice for each such
 * name at each opening. A blob handle reads the pages asked for: 0.1 ms.
 */

#include "config.h"

#include "dossier-project-private.h"

/* The handle kept across the rows of one statement, as the auxiliary data
 * of its COLUMN argument (a constant). */
typedef struct
{
  sqlite3_blob *blob;
} ShownBlob;

static void
shown_blob_free (void *data)
{
  ShownBlob *shown = data;

  if (shown->blob != NULL)
    sqlite3_blob_close (shown->blob);
  g_free (shown);
}

static ShownBlob *
shown_blob_get (sqlite3_context *context)
{
  ShownBlob *shown = sqlite3_get_auxdata (context, 1);

  if (shown != NULL)
    return shown;
  sqlite3_set_auxdata (context, 1, g_new0 (ShownBlob, 1), shown_blob_free);
  /* (NULL if SQLite could not keep it: it freed it already) */
  return sqlite3_get_auxdata (context, 1);
}

/* dossier_shown (TABLE, COLUMN, ROWID, MAX): the text value in COLUMN of
 * row ROWID cut as DOSSIER_SQL_WITHIN () cuts it — its first MAX
 * characters, counted as length () and substr () count them, then "…" —
 * when it is longer than 4 × (MAX + 1) bytes and has more than MAX
 * characters before a NUL. NULL otherwise (a short value, one not text,
 * no such row): the caller reads it then as it did, at no more cost. */
static void
shown_function (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  const char *table = (const char *) sqlite3_value_text (argv[0]);
  const char *column = (const char *) sqlite3_value_text (argv[1]);
  sqlite3_int64 rowid = sqlite3_value_int64 (argv[2]);
  int max = sqlite3_value_int (argv[3]);
  g_autofree unsigned char *head = NULL;
  const unsigned char *p, *end;
  ShownBlob *shown;
  int n, rc;

  g_assert (argc == 4);
  if (table == NULL || column == NULL || max <= 0 || max > DOSSIER_TEXT_MAX_FREE ||
      (shown = shown_blob_get (context)) == NULL)
    return;

  rc = shown->blob != NULL ? sqlite3_blob_reopen (shown->blob, rowid)
                           : sqlite3_blob_open (sqlite3_context_db_handle (context), "main", table, column,
                                                rowid, 0, &shown->blob);
  if (rc != SQLITE_OK)
    {
      /* A handle that failed to move is aborted: the next row opens one. */
      if (shown->blob != NULL)
        sqlite3_blob_close (shown->blob);
      shown->blob = NULL;
      return;
    }

  n = 4 * (max + 1);
  if (sqlite3_blob_bytes (shown->blob) <= n)
    return;
  head = g_malloc (n);
  if (sqlite3_blob_read (shown->blob, head, n, 0) != SQLITE_OK)
    return;

  /* SQLite's own steps (SQLITE_SKIP_UTF8), up to a NUL as length () stops. */
  end = head + n;
  p = head;
  for (int chars = 0; p < end && *p != '\0'; chars++)
    {
      if (chars == max)
        {
          char *cut = g_strdup_printf ("%.*s…", (int) (p - head), (const char *) head);

          sqlite3_result_text (context, cut, -1, g_free);
          return;
        }
      if (*p++ >= 0xc0)
        while (p < end && (*p & 0xc0) == 0x80)
          p++;
    }
}

gboolean
dossier_shown_register (sqlite3 *db)
{
  /* Never from a file's schema (a view, a trigger): only our queries. */
  return sqlite3_create_function (db, "dossier_shown", 4, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                                  shown_function, NULL, NULL) == SQLITE_OK;
}
