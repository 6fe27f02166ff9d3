/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-check.c — dossier_project_check(): everything that can
 * be wrong in a project file, reported one problem per line — objects in
 * its schema that Dossier did not create, SQLite's own integrity checks,
 * text that is not valid UTF-8 or disagrees with its recorded length,
 * highlights outside their text or whose quote differs from it, a
 * codebook with cycles, missing parents or too many levels, search
 * indexes out of step (compared word by word, without writing).
 */

#include "config.h"

#include "dossier-project-private.h"
#include "dossier-text-private.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include <dossier/dossier-briefing.h>
#include <dossier/dossier-text.h>

/* ---- Check --------------------------------------------------------------- */

static void
check_pragma (DossierProject *self,
              const char     *sql,
              GString        *report)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          int n = sqlite3_column_count (stmt);

          if (n == 1 && g_strcmp0 (dossier_column_text (stmt, 0), "ok") == 0)
            continue;

          for (int i = 0; i < n; i++)
            g_string_append_printf (report, "%s%s", i > 0 ? " " : "",
                                    dossier_column_text (stmt, i) != NULL ?
                                    dossier_column_text (stmt, i) : "NULL");
          g_string_append_c (report, '\n');
        }
    }

  if (rc != SQLITE_DONE)
    {
      dossier_project_set_db_error (self, &error, rc);
      g_string_append_printf (report, "%s: %s\n", sql, error->message);
    }
  sqlite3_finalize (stmt);
}

typedef struct
{
  gint64  id;
  gint64  start;
  gint64  end;
  char   *quote;
} CheckedHighlight;

static void
checked_highlight_clear (gpointer data)
{
  g_free (((CheckedHighlight *) data)->quote);
}

/* Blocks style ranges of the text: they must lie within it. */
static gboolean
check_blocks (DossierProject  *self,
              gint64           document_id,
              gint64           length,
              GString         *report,
              GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (self,
                                  "SELECT id FROM blocks WHERE document = ?1 AND "
                                  "  (typeof (start) <> 'integer' OR typeof (end) <> 'integer' "
                                  "   OR start < 0 OR end < start OR end > ?2)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, length);
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    g_string_append_printf (report, _("Block %" PRId64 " of document %" PRId64
                                      " lies outside its text.\n"),
                            (gint64) sqlite3_column_int64 (stmt, 0), document_id);

  return rc == SQLITE_DONE;
}

/* A document's title shortened for a report, or NULL if it has none (a
 * project made elsewhere may hold NULL or blanks there): it is then named
 * by its id. */
static char *
title_excerpt (const char *title)
{
  g_autofree char *excerpt = dossier_text_excerpt (title);

  if (*g_strstrip (excerpt) == '\0')
    return NULL;
  return g_steal_pointer (&excerpt);
}

/* Walks each document's text once and checks every highlight in it. */
static gboolean
check_highlights (DossierProject  *self,
                  GString         *report,
                  GError         **error)
{
  g_auto(DossierStmt) documents = NULL;
  int rc;

  documents = dossier_project_prepare (self,
                                       "SELECT id, text, length, hash, title FROM documents ORDER BY id",
                                       error);
  if (documents == NULL)
    return FALSE;

  while ((rc = dossier_project_step (self, documents, error)) == SQLITE_ROW)
    {
      g_autoptr(GArray) highlights = g_array_new (FALSE, FALSE, sizeof (CheckedHighlight));
      g_auto(DossierStmt) stmt = NULL;
      DossierOffsetIndex index = { 0 };
      gint64 document_id = sqlite3_column_int64 (documents, 0);
      const char *text = dossier_column_text (documents, 1);
      gint64 length = sqlite3_column_int64 (documents, 2);
      /* Named as the user knows it, or by its id if it has no title; a
       * project file may hold anything. */
      g_autofree char *title = title_excerpt (dossier_column_text (documents, 4));
      g_autofree char *hash = NULL;
      int hrc;

      g_array_set_clear_func (highlights, checked_highlight_clear);

      if (text == NULL)
        text = "";
      if (!g_utf8_validate (text, sqlite3_column_bytes (documents, 1), NULL))
        {
          g_string_append_printf (report, _("Document %" PRId64
                                            ": its text is not valid UTF-8.\n"), document_id);
          continue;
        }

      dossier_offset_index_init (&index, text);
      if (index.length != length)
        g_string_append_printf (report, _("Document %" PRId64 ": its length is recorded "
                                          "as %" PRId64 " but its text has %"
                                          PRId64 " characters.\n"),
                                document_id, length, index.length);

      hash = dossier_text_hash (text);
      if (g_strcmp0 (hash, dossier_column_text (documents, 3)) != 0)
        g_string_append_printf (report, _("Document %" PRId64
                                          ": its text does not match its recorded hash.\n"),
                                document_id);

      if (!check_blocks (self, document_id, index.length, report, error))
        {
          dossier_offset_index_clear (&index);
          return FALSE;
        }

      stmt = dossier_project_prepare (self,
                                      "SELECT id, start, end, quote, "
                                      "  typeof (start) = 'integer' AND typeof (end) = 'integer' "
                                      "FROM highlights WHERE document = ?1 AND orphaned = 0",
                                      error);
      if (stmt == NULL)
        {
          dossier_offset_index_clear (&index);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, document_id);
      while ((hrc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
        {
          CheckedHighlight h = {
            sqlite3_column_int64 (stmt, 0),
            sqlite3_column_int64 (stmt, 1),
            sqlite3_column_int64 (stmt, 2),
            NULL,
          };
          const char *quote = dossier_column_text (stmt, 3);

          if (!sqlite3_column_int (stmt, 4))
            {
              g_string_append_printf (report, _("Highlight %" PRId64 ": its range is not a "
                                                "pair of whole numbers.\n"), h.id);
              continue;
            }
          /* The bytes as stored: a quote that is not valid UTF-8 differs. */
          if (quote != NULL)
            h.quote = g_strndup (quote, sqlite3_column_bytes (stmt, 3));
          g_array_append_val (highlights, h);
        }
      if (hrc != SQLITE_DONE)
        {
          dossier_offset_index_clear (&index);
          return FALSE;
        }

      for (guint i = 0; i < highlights->len; i++)
        {
          CheckedHighlight *h = &g_array_index (highlights, CheckedHighlight, i);
          gsize from, to;

          g_autofree char *excerpt = NULL;

          /* Each told by its quote's first words and its document's title,
           * where a person finds them; never by character offsets. */
          if (h->start < 0 || h->end > index.length || h->start >= h->end)
            {
              excerpt = dossier_text_excerpt (h->quote);
              if (title == NULL)
                /* TRANSLATORS: the highlight's id, the first words of its
                 * quote, its document's id (the document has no title) */
                g_string_append_printf (report, _("Highlight %" PRId64 " (“%s”) lies outside "
                                                  "the text of document %" PRId64 ".\n"),
                                        h->id, excerpt, document_id);
              else
                /* TRANSLATORS: the highlight's id, the first words of its
                 * quote, its document's title */
                g_string_append_printf (report, _("Highlight %" PRId64 " (“%s”) lies outside "
                                                  "the text of “%s”.\n"),
                                        h->id, excerpt, title);
              continue;
            }

          from = dossier_offset_index_bytes (&index, h->start);
          to = dossier_offset_index_bytes (&index, h->end);
          if (h->quote == NULL || strlen (h->quote) != to - from ||
              memcmp (h->quote, text + from, to - from) != 0)
            {
              excerpt = dossier_text_excerpt (h->quote);
              if (title == NULL)
                /* TRANSLATORS: the highlight's id, the first words of its
                 * quote, its document's id (the document has no title) */
                g_string_append_printf (report, _("Highlight %" PRId64 " (“%s”): its quote is no "
                                                  "longer the text of document %" PRId64 " where "
                                                  "it was taken.\n"),
                                        h->id, excerpt, document_id);
              else
                /* TRANSLATORS: the highlight's id, the first words of its
                 * quote, its document's title */
                g_string_append_printf (report, _("Highlight %" PRId64 " (“%s”): its quote is no "
                                                  "longer the text of “%s” where it was taken.\n"),
                                        h->id, excerpt, title);
            }
        }

      dossier_offset_index_clear (&index);
    }

  return rc == SQLITE_DONE;
}

/* At most this many problems of one kind are listed one by one. */
#define MAX_LISTED 20

typedef enum
{
  TAG_UNKNOWN = 0,
  TAG_VISITING,
  TAG_ROOTED,        /* depth known */
  TAG_DETACHED,      /* no path to the top */
} TagState;

typedef struct
{
  gint64   parent;
  TagState state;
  gint64   depth;
} TagNode;

static void
list_problem (GString    *report,
              guint      *n_listed,
              const char *line)
{
  if ((*n_listed)++ < MAX_LISTED)
    g_string_append (report, line);
}

static void
list_more (GString *report,
           guint    n_listed)
{
  if (n_listed > MAX_LISTED)
    g_string_append_printf (report,
                            ngettext ("… and %u more like it.\n", "… and %u more like them.\n",
                                      n_listed - MAX_LISTED),
                            n_listed - MAX_LISTED);
}

/* Every tag must reach the top level by its parents, within
 * DOSSIER_TAG_MAX_DEPTH levels. Each tag's chain of parents is followed
 * once (iteratively, whatever its length), and only where a problem
 * starts is reported: a missing parent, a cycle, the first level too
 * deep — not every tag beneath it. */
static gboolean
check_tag_tree (DossierProject  *self,
                GString         *report,
                GError         **error)
{
  g_autoptr(GHashTable) nodes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(DossierStmt) stmt = NULL;
  guint n_missing = 0, n_cycles = 0, n_deep = 0;
  int rc;

  stmt = dossier_project_prepare (self, "SELECT id, coalesce (parent, 0) FROM tags ORDER BY id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      TagNode *node = g_new0 (TagNode, 1);

      node->parent = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (nodes, g_memdup2 (&id, sizeof id), node);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      TagNode *node = g_hash_table_lookup (nodes, &id);
      TagState state;
      gint64 depth = -1;

      if (node->state != TAG_UNKNOWN)
        continue;

      /* Up the parents until something known (or the top, or nothing). */
      g_array_set_size (chain, 0);
      while (node != NULL && node->state == TAG_UNKNOWN)
        {
          node->state = TAG_VISITING;
          g_array_append_val (chain, id);
          if (node->parent == 0)
            {
              node = NULL;
              depth = -1;   /* the last of the chain is at depth 0 */
              break;
            }
          id = node->parent;
          node = g_hash_table_lookup (nodes, &id);
          if (node == NULL)
            {
              g_autofree char *line = NULL;
              gint64 child = g_array_index (chain, gint64, chain->len - 1);

              line = g_strdup_printf (_("Tag %" PRId64 " is under tag %" PRId64
                                        ", which does not exist.\n"), child, id);
              list_problem (report, &n_missing, line);
            }
        }

      if (node != NULL && node->state == TAG_VISITING)
        {
          /* A cycle: each of its tags is its own ancestor. */
          gint64 first = id;
          gboolean in_cycle = FALSE;

          for (guint j = 0; j < chain->len; j++)
            {
              gint64 member = g_array_index (chain, gint64, j);

              if (member == first)
                in_cycle = TRUE;
              if (in_cycle)
                {
                  g_autofree char *line = g_strdup_printf (_("Tag %" PRId64
                                                             " is its own ancestor.\n"),
                                                           member);

                  list_problem (report, &n_cycles, line);
                }
            }
          state = TAG_DETACHED;
        }
      else if (node != NULL)
        {
          state = node->state;
          depth = node->depth;
        }
      else
        {
          /* The top, or a missing parent. */
          TagNode *last = g_hash_table_lookup (nodes, &g_array_index (chain, gint64, chain->len - 1));

          state = last->parent == 0 ? TAG_ROOTED : TAG_DETACHED;
        }

      /* Down the chain again, settling each tag on it. */
      for (guint j = chain->len; j > 0; j--)
        {
          gint64 member = g_array_index (chain, gint64, j - 1);
          TagNode *m = g_hash_table_lookup (nodes, &member);

          m->state = state;
          if (state == TAG_ROOTED)
            {
              m->depth = ++depth;
              if (m->depth == DOSSIER_TAG_MAX_DEPTH)
                {
                  g_autofree char *line = g_strdup_printf (_("Tag %" PRId64 " lies more than %d "
                                                             "levels deep in the codebook.\n"),
                                                           member, DOSSIER_TAG_MAX_DEPTH);

                  list_problem (report, &n_deep, line);
                }
            }
        }
    }

  list_more (report, n_missing);
  list_more (report, n_cycles);
  list_more (report, n_deep);

  return TRUE;
}

/* Sibling tags have names unique ignoring case (the core refuses a
 * second): a file edited by hand may hold two, and a tag whose parent
 * was freed by hand moves to the top level (dossier-project-ids.c), where
 * it may meet one of its name. A name then fits both tags: each group is
 * told with its names and ids, so the user can rename all but one. */
static gboolean
check_tag_names (DossierProject  *self,
                 GString         *report,
                 GError         **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_auto(DossierStmt) stmt = NULL;
  guint n_listed = 0;
  int rc;

  stmt = dossier_project_prepare (self,
                                  "SELECT coalesce (t.parent, 0), t.id, t.name, p.name "
                                  "FROM tags t LEFT JOIN tags p ON p.id = t.parent "
                                  "ORDER BY t.parent, t.id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 parent = sqlite3_column_int64 (stmt, 0);
      const char *stored = dossier_column_text (stmt, 2);
      g_autofree char *valid = g_utf8_make_valid (stored != NULL ? stored : "", -1);
      g_autofree char *nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
      g_autofree char *folded = g_utf8_casefold (nfc, -1);
      g_autofree char *name = dossier_text_excerpt (valid);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", parent, folded);
      GPtrArray *group = g_hash_table_lookup (groups, key);
      g_autofree char *entry = NULL;

      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_free);
          /* The parent, as the line will name it. */
          if (parent == 0)
            g_ptr_array_add (group, g_strdup (_("at the top level of the codebook")));
          else
            {
              g_autofree char *parent_name = dossier_text_excerpt (dossier_column_text (stmt, 3));

              /* TRANSLATORS: where tags lie: their parent's id and name */
              g_ptr_array_add (group, g_strdup_printf (_("under tag %" PRId64 " (“%s”)"),
                                                       parent, parent_name));
            }
          g_hash_table_insert (groups, g_steal_pointer (&key), group);
          g_ptr_array_add (order, group);
        }
      /* TRANSLATORS: a tag's id and name */
      g_ptr_array_add (group, g_strdup_printf (_("tag %" PRId64 " (“%s”)"),
                                               (gint64) sqlite3_column_int64 (stmt, 1), name));
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (order, i);
      g_autofree char *tags = NULL;
      g_autofree char *line = NULL;

      if (group->len < 3)
        continue;
      g_ptr_array_add (group, NULL);
      tags = g_strjoinv (", ", (char **) group->pdata + 1);
      g_ptr_array_remove_index (group, group->len - 1);
      /* TRANSLATORS: where the tags lie (“under tag 4 (“Costs”)” or “at
       * the top level of the codebook”), then the tags (“tag 3 (“Fuel”),
       * tag 7 (“fuel”)”) */
      line = g_strdup_printf (_("Tags with the same name %s: %s. A name given to dossier-cli "
                                "fits them all; rename all but one of them.\n"),
                              (char *) g_ptr_array_index (group, 0), tags);
      list_problem (report, &n_listed, line);
    }
  list_more (report, n_listed);

  return TRUE;
}

static gboolean
check_structure (DossierProject  *self,
                 GString         *report,
                 GError         **error)
{
  g_auto(DossierStmt) untagged = NULL;
  int rc;

  untagged = dossier_project_prepare (self,
                                      "SELECT id FROM highlights h WHERE NOT EXISTS "
                                      "(SELECT 1 FROM highlight_tags WHERE highlight = h.id) "
                                      "AND NOT EXISTS (SELECT 1 FROM stakeholder_evidence "
                                      "  WHERE highlight = h.id) "
                                      "AND NOT EXISTS (SELECT 1 FROM argument_evidence "
                                      "  WHERE highlight = h.id)",
                                      error);
  if (untagged == NULL)
    return FALSE;
  while ((rc = dossier_project_step (self, untagged, error)) == SQLITE_ROW)
    g_string_append_printf (report, _("Highlight %" PRId64 " has no tag and is not evidence for anything.\n"),
                            (gint64) sqlite3_column_int64 (untagged, 0));
  if (rc != SQLITE_DONE)
    return FALSE;

  return rc == SQLITE_DONE && check_tag_tree (self, report, error) &&
         check_tag_names (self, report, error);
}

/* Every value of every table of ours, against its column's declared
 * type: whole numbers where the schema says INTEGER, valid UTF-8 without
 * NUL where it says TEXT. SQLite stores what it is given whatever the
 * declared type, and a file may have been written by anyone; everything
 * the core reads is repaired or refused on the way (dossier_text_dup_valid,
 * dossier_project_read_text), and this says where. Documents' texts are
 * checked with their highlights; what NOT NULL and CHECK forbid, by
 * SQLite's integrity check. */
static gboolean
check_values (DossierProject  *self,
              GString         *report,
              GError         **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_auto(DossierStmt) list = NULL;
  guint n_text = 0, n_numbers = 0;
  int rc;

  list = dossier_project_prepare (self,
                                  "SELECT name FROM pragma_table_list "
                                  "WHERE schema = 'main' AND type = 'table' "
                                  "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                                  error);
  if (list == NULL)
    return FALSE;
  while ((rc = dossier_project_step (self, list, error)) == SQLITE_ROW)
    g_ptr_array_add (tables, dossier_column_dup (list, 0));
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) integer = g_array_new (FALSE, FALSE, sizeof (gboolean));
      g_autoptr(GString) sql = g_string_new ("SELECT rowid");
      sqlite3_stmt *stmt = NULL;
      char *query;

      query = sqlite3_mprintf ("SELECT name, upper (type) FROM pragma_table_info (%Q)", table);
      rc = sqlite3_prepare_v2 (self->db, query, -1, &stmt, NULL);
      sqlite3_free (query);
      while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *column = dossier_column_text (stmt, 0);
          const char *type = dossier_column_text (stmt, 1);
          gboolean is_integer = g_strcmp0 (type, "INTEGER") == 0;
          char *quoted;

          /* The documents' texts are checked with their highlights. */
          if ((g_strcmp0 (type, "TEXT") != 0 && !is_integer) ||
              (g_str_equal (table, "documents") && g_strcmp0 (column, "text") == 0))
            continue;

          quoted = sqlite3_mprintf (", \"%w\"", column);
          g_string_append (sql, quoted);
          sqlite3_free (quoted);
          g_ptr_array_add (names, g_strdup (column));
          g_array_append_val (integer, is_integer);
        }
      sqlite3_finalize (stmt);
      stmt = NULL;
      if (names->len == 0)
        continue;

      query = sqlite3_mprintf ("%s FROM main.\"%w\"", sql->str, table);
      rc = sqlite3_prepare_v2 (self->db, query, -1, &stmt, NULL);
      sqlite3_free (query);
      if (rc != SQLITE_OK)
        {
          sqlite3_finalize (stmt);
          continue;   /* a table without rowid: none of ours */
        }

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        for (guint c = 0; c < names->len; c++)
          {
            int type = sqlite3_column_type (stmt, c + 1);
            gint64 row = sqlite3_column_int64 (stmt, 0);
            g_autofree char *line = NULL;

            if (type == SQLITE_NULL)
              continue;
            if (g_array_index (integer, gboolean, c))
              {
                if (type != SQLITE_INTEGER)
                  {
                    line = g_strdup_printf (_("Row %" PRId64 " of “%s”: its %s is not a whole "
                                              "number.\n"),
                                            row, table, (char *) g_ptr_array_index (names, c));
                    list_problem (report, &n_numbers, line);
                  }
              }
            else
              {
                const char *text = (const char *) sqlite3_column_text (stmt, c + 1);

                if (text == NULL ||
                    !dossier_text_validate_stored (text, sqlite3_column_bytes (stmt, c + 1), NULL))
                  {
                    line = g_strdup_printf (_("Row %" PRId64 " of “%s”: its %s is not valid "
                                              "text (UTF-8).\n"),
                                            row, table, (char *) g_ptr_array_index (names, c));
                    list_problem (report, &n_text, line);
                  }
              }
          }
      if (rc != SQLITE_DONE)
        dossier_project_set_db_error (self, error, rc);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return FALSE;
    }

  list_more (report, n_text);
  list_more (report, n_numbers);
  return TRUE;
}

/* A tag's colour paints highlights: "#rrggbb" or it is shown grey. */
static gboolean
check_tag_colors (DossierProject  *self,
                  GString         *report,
                  GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (self,
                                  "SELECT id FROM tags WHERE NOT (length (color) = 7 AND color GLOB "
                                  "'#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]')",
                                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    g_string_append_printf (report, _("Tag %" PRId64 ": its colour is not of the form "
                                      "#rrggbb.\n"),
                            (gint64) sqlite3_column_int64 (stmt, 0));

  return rc == SQLITE_DONE;
}

/* The ids of the rows @sql finds whose text is over @max characters,
 * each followed by its length; NULL on error. */
static GArray *
long_names (DossierProject  *self,
            const char      *sql,
            int              max,
            GError         **error)
{
  g_auto(DossierStmt) stmt = dossier_project_prepare (self, sql, error);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, max);
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 row[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_vals (found, row, 2);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&found) : NULL;
}

/* The texts a row may hold that Dossier writes no longer than a most, in
 * the order the report lists them. */
typedef enum
{
  LONG_TAG_NAME,
  LONG_STAKEHOLDER_NAME,
  LONG_DOCUMENT_TITLE,
  LONG_DOCUMENT_AUTHOR,
  LONG_DOCUMENT_OUTLET,
  LONG_BRIEFING_TITLE,
  LONG_PROJECT_TITLE,
  LONG_MEMO,
  LONG_QUESTION,
  LONG_ARGUMENT,
  LONG_TAG_DESCRIPTION,
  LONG_STAKEHOLDER_DESCRIPTION,
  LONG_STANCE,
  LONG_INTERESTS,
  LONG_STAKEHOLDER_NOTE,
  LONG_ARGUMENT_NOTE,
} LongText;

/* Each finds the ids of the rows over @max (?1), each with its length. */
static const struct {
  const char *sql;
  int         max;
} long_texts[] = {
  [LONG_TAG_NAME] = { "SELECT id, length (name) FROM tags WHERE length (name) > ?1 ORDER BY id",
                      DOSSIER_TAG_MAX_NAME },
  [LONG_STAKEHOLDER_NAME] = { "SELECT id, length (name) FROM stakeholders "
                              "WHERE length (name) > ?1 ORDER BY id",
                              DOSSIER_STAKEHOLDER_MAX_NAME },
  [LONG_DOCUMENT_TITLE] = { "SELECT id, length (title) FROM documents "
                            "WHERE length (title) > ?1 ORDER BY id",
                            DOSSIER_DOCUMENT_MAX_TITLE },
  [LONG_DOCUMENT_AUTHOR] = { "SELECT id, length (author) FROM documents "
                             "WHERE length (author) > ?1 ORDER BY id",
                             DOSSIER_DOCUMENT_MAX_AUTHOR },
  [LONG_DOCUMENT_OUTLET] = { "SELECT id, length (outlet) FROM documents "
                             "WHERE length (outlet) > ?1 ORDER BY id",
                             DOSSIER_DOCUMENT_MAX_OUTLET },
  [LONG_BRIEFING_TITLE] = { "SELECT id, length (title) FROM briefings "
                            "WHERE length (title) > ?1 ORDER BY id",
                            DOSSIER_BRIEFING_MAX_TITLE },
  [LONG_PROJECT_TITLE] = { "SELECT id, length (title) FROM project WHERE length (title) > ?1",
                           DOSSIER_PROJECT_MAX_TITLE },
  [LONG_MEMO] = { "SELECT id, length (memo) FROM highlights WHERE length (memo) > ?1 ORDER BY id",
                  DOSSIER_TEXT_MAX_FREE },
  [LONG_QUESTION] = { "SELECT id, length (text) FROM questions WHERE length (text) > ?1 "
                      "ORDER BY id", DOSSIER_ARGUMENT_MAX_TEXT },
  [LONG_ARGUMENT] = { "SELECT id, length (statement) FROM arguments "
                      "WHERE length (statement) > ?1 ORDER BY id", DOSSIER_ARGUMENT_MAX_TEXT },
  [LONG_TAG_DESCRIPTION] = { "SELECT id, length (description) FROM tags "
                             "WHERE length (description) > ?1 ORDER BY id",
                             DOSSIER_TEXT_MAX_FREE },
  [LONG_STAKEHOLDER_DESCRIPTION] = { "SELECT id, length (description) FROM stakeholders "
                                     "WHERE length (description) > ?1 ORDER BY id",
                                     DOSSIER_TEXT_MAX_FREE },
  [LONG_STANCE] = { "SELECT id, length (stance) FROM stakeholders WHERE length (stance) > ?1 "
                    "ORDER BY id", DOSSIER_TEXT_MAX_FREE },
  [LONG_INTERESTS] = { "SELECT id, length (interests) FROM stakeholders "
                       "WHERE length (interests) > ?1 ORDER BY id", DOSSIER_TEXT_MAX_FREE },
  [LONG_STAKEHOLDER_NOTE] = { "SELECT stakeholder, max (length (note)) FROM stakeholder_evidence "
                              "WHERE length (note) > ?1 GROUP BY stakeholder ORDER BY stakeholder",
                              DOSSIER_TEXT_MAX_FREE },
  [LONG_ARGUMENT_NOTE] = { "SELECT argument, max (length (note)) FROM argument_evidence "
                           "WHERE length (note) > ?1 GROUP BY argument ORDER BY argument",
                           DOSSIER_TEXT_MAX_FREE },
};

/* The report's line for row @id's text of kind @what, @length characters
 * long: a sentence each, so that each is translated whole (and the format
 * stays a literal the compiler checks). */
static char *
too_long_line (LongText what,
               gint64   id,
               gint64   length,
               int      max)
{
  switch (what)
    {
    case LONG_TAG_NAME:
      /* TRANSLATORS: a tag's id, its name's length, the most a name may have */
      return g_strdup_printf (_("Tag %" PRId64 ": its name is %" PRId64 " characters "
                                "long, more than the %d a tag’s name may have; "
                                "rename it.\n"), id, length, max);
    case LONG_STAKEHOLDER_NAME:
      /* TRANSLATORS: a stakeholder's id, its name's length, the most a name may have */
      return g_strdup_printf (_("Stakeholder %" PRId64 ": its name is %" PRId64
                                " characters long, more than the %d a "
                                "stakeholder’s name may have; rename it.\n"), id, length, max);
    case LONG_DOCUMENT_TITLE:
      /* TRANSLATORS: a document's id, its title's length, the most it may have */
      return g_strdup_printf (_("Document %" PRId64 ": its title is %" PRId64 " characters "
                                "long, more than the %d a title may have; rename it.\n"),
                              id, length, max);
    case LONG_DOCUMENT_AUTHOR:
      /* TRANSLATORS: a document's id, its author's length, the most it may have */
      return g_strdup_printf (_("Document %" PRId64 ": its author is %" PRId64 " characters "
                                "long, more than the %d an author may have; edit its "
                                "details.\n"), id, length, max);
    case LONG_DOCUMENT_OUTLET:
      /* TRANSLATORS: a document's id, its outlet's length, the most it may have */
      return g_strdup_printf (_("Document %" PRId64 ": its outlet is %" PRId64 " characters "
                                "long, more than the %d an outlet may have; edit its "
                                "details.\n"), id, length, max);
    case LONG_BRIEFING_TITLE:
      /* TRANSLATORS: a note's id, its title's length, the most it may have */
      return g_strdup_printf (_("Note %" PRId64 ": its title is %" PRId64 " characters "
                                "long, more than the %d a note’s title may have; rename "
                                "it.\n"), id, length, max);
    case LONG_PROJECT_TITLE:
      /* TRANSLATORS: the project's title's length, the most it may have */
      return g_strdup_printf (_("The project’s title is %" PRId64 " characters long, more "
                                "than the %d a title may have; rename it.\n"), length, max);
    case LONG_MEMO:
      /* TRANSLATORS: a highlight's id, its memo's length, the most it may have */
      return g_strdup_printf (_("Highlight %" PRId64 ": its memo is %" PRId64 " characters "
                                "long, more than the %d a memo may have; edit it.\n"),
                              id, length, max);
    case LONG_QUESTION:
      /* TRANSLATORS: a question's id, its length, the most it may have */
      return g_strdup_printf (_("Question %" PRId64 ": it is %" PRId64 " characters long, "
                                "more than the %d a question may have; edit it.\n"),
                              id, length, max);
    case LONG_ARGUMENT:
      /* TRANSLATORS: an argument's id, its statement's length, the most it may have */
      return g_strdup_printf (_("Argument %" PRId64 ": its statement is %" PRId64 " characters "
                                "long, more than the %d a statement may have; edit it.\n"),
                              id, length, max);
    case LONG_TAG_DESCRIPTION:
      /* TRANSLATORS: a tag's id, its description's length, the most it may have */
      return g_strdup_printf (_("Tag %" PRId64 ": its description is %" PRId64 " characters "
                                "long, more than the %d a description may have; edit it.\n"),
                              id, length, max);
    case LONG_STAKEHOLDER_DESCRIPTION:
      /* TRANSLATORS: a stakeholder's id, its description's length, the most it may have */
      return g_strdup_printf (_("Stakeholder %" PRId64 ": its description is %" PRId64
                                " characters long, more than the %d a description may "
                                "have; edit it.\n"), id, length, max);
    case LONG_STANCE:
      /* TRANSLATORS: a stakeholder's id, its stance's length, the most it may have */
      return g_strdup_printf (_("Stakeholder %" PRId64 ": its stance is %" PRId64 " characters "
                                "long, more than the %d a stance may have; edit it.\n"),
                              id, length, max);
    case LONG_INTERESTS:
      /* TRANSLATORS: a stakeholder's id, its interests' length, the most they may have */
      return g_strdup_printf (_("Stakeholder %" PRId64 ": its interests are %" PRId64
                                " characters long, more than the %d they may have; edit "
                                "them.\n"), id, length, max);
    case LONG_STAKEHOLDER_NOTE:
      /* TRANSLATORS: a stakeholder's id, the length of its longest note on
       * evidence, the most a note may have */
      return g_strdup_printf (_("Stakeholder %" PRId64 ": a note on its evidence is %" PRId64
                                " characters long, more than the %d a note may have; edit "
                                "it.\n"), id, length, max);
    case LONG_ARGUMENT_NOTE:
      /* TRANSLATORS: an argument's id, the length of its longest note on
       * evidence, the most a note may have */
      return g_strdup_printf (_("Argument %" PRId64 ": a note on its evidence is %" PRId64
                                " characters long, more than the %d a note may have; edit "
                                "it.\n"), id, length, max);
    }
  g_assert_not_reached ();
}

/* Names, titles, memos and the other texts longer than Dossier writes
 * them, which only a file from elsewhere (or an older Dossier, for tags'
 * names) holds: the window shows them shortened and the exports shorten
 * or cut them; renaming or editing them is the way out. */
static gboolean
check_text_lengths (DossierProject  *self,
                    GString         *report,
                    GError         **error)
{
  for (LongText what = 0; what < G_N_ELEMENTS (long_texts); what++)
    {
      g_autoptr(GArray) rows = long_names (self, long_texts[what].sql, long_texts[what].max,
                                           error);
      guint n_listed = 0;

      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i += 2)
        {
          g_autofree char *line = too_long_line (what, g_array_index (rows, gint64, i),
                                                 g_array_index (rows, gint64, i + 1),
                                                 long_texts[what].max);

          list_problem (report, &n_listed, line);
        }
      list_more (report, n_listed);
    }
  return TRUE;
}

/* A document's title as the user knows it, for a report; NULL if it has
 * none (title_excerpt ()). */
static char *
document_title (DossierProject *self,
                gint64          document_id)
{
  g_auto(DossierStmt) stmt = dossier_project_prepare (self, "SELECT title FROM documents "
                                                            "WHERE id = ?1", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return title_excerpt (dossier_column_text (stmt, 0));
}

/* The search indexes against the texts and memos, word by word, by
 * reading alone (FTS5's integrity-check writes, and a check must leave
 * the file as it was): a file edited by hand may have lost rows of an
 * index, gained some, or changed a text behind its back. A search then
 * misses what is there or finds what is not. */
static void
check_search_index (DossierProject *self,
                    GString        *report)
{
  gboolean out_of_step = FALSE;

  for (DossierSearchIndex index = DOSSIER_SEARCH_INDEX_TEXTS;
       index <= DOSSIER_SEARCH_INDEX_MEMOS; index++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) differences = dossier_project_index_differences (self, index, &error);
      guint n_listed = 0;

      if (differences == NULL)
        {
          g_string_append_printf (report, _("The search index cannot be read (%s).\n"),
                                  error->message);
          /* Made again from the texts and memos, it is whole. */
          if (g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED))
            out_of_step = TRUE;
          continue;
        }

      for (guint i = 0; i < differences->len; i++)
        {
          DossierIndexDifference *difference = &g_array_index (differences,
                                                               DossierIndexDifference, i);
          g_autofree char *line = NULL;

          if (index == DOSSIER_SEARCH_INDEX_TEXTS && difference->has_text)
            {
              g_autofree char *title = document_title (self, difference->id);

              if (title == NULL)
                line = g_strdup_printf (_("Document %" PRId64 ": the search index does not hold "
                                          "its text as it is.\n"), difference->id);
              else
                /* TRANSLATORS: a document's id and title */
                line = g_strdup_printf (_("Document %" PRId64 " (“%s”): the search index does "
                                          "not hold its text as it is.\n"),
                                        difference->id, title);
            }
          else if (index == DOSSIER_SEARCH_INDEX_TEXTS)
            line = g_strdup_printf (_("The search index holds words of document %" PRId64
                                      ", which has no text to index.\n"), difference->id);
          else if (difference->has_text)
            line = g_strdup_printf (_("Highlight %" PRId64 ": the search index does not hold "
                                      "its memo as it is.\n"), difference->id);
          else
            line = g_strdup_printf (_("The search index holds a memo of highlight %" PRId64
                                      ", which has none.\n"), difference->id);
          list_problem (report, &n_listed, line);
          out_of_step = TRUE;
        }
      list_more (report, n_listed);
    }

  /* What to do about it: the texts and memos are sound, their index is
   * made again from them. */
  if (out_of_step)
    {
      g_autofree char *quoted = g_shell_quote (self->path);

      /* TRANSLATORS: the command, as typed in a shell, and the project's path */
      g_string_append_printf (report, _("To rebuild the search index: dossier-cli reindex %s\n"),
                              quoted);
    }
}

/* What the file holds that Dossier did not create, or not so. */
static gboolean
check_schema (DossierProject  *self,
              GString         *report,
              gboolean        *tables_differ,
              GError         **error)
{
  g_autoptr(GPtrArray) differences = NULL;
  gint64 version = DOSSIER_SCHEMA_VERSION;

  *tables_differ = FALSE;

  if (self->inspect)
    {
      differences = g_ptr_array_ref (self->schema_differences);
    }
  else
    {
      g_auto(DossierStmt) stmt = dossier_project_prepare (self, "PRAGMA user_version", error);

      if (stmt == NULL || dossier_project_step (self, stmt, error) != SQLITE_ROW)
        return FALSE;
      version = CLAMP (sqlite3_column_int64 (stmt, 0), 1, DOSSIER_SCHEMA_VERSION);
    }

  if (differences == NULL)
    differences = dossier_schema_differences (self->db, self->path, (int) version, error);
  if (differences == NULL)
    return FALSE;

  for (guint i = 0; i < differences->len; i++)
    {
      DossierSchemaDifference *difference = g_ptr_array_index (differences, i);
      g_autofree char *sentence = dossier_schema_difference_describe (difference, TRUE);

      g_string_append_printf (report, "%s\n", sentence);
      if (difference->change != DOSSIER_SCHEMA_FOREIGN)
        *tables_differ = TRUE;
    }

  return TRUE;
}

gboolean
dossier_project_check (DossierProject  *self,
                       char           **report,
                       GError         **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean tables_differ = FALSE;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (report != NULL)
    *report = NULL;

  if (!dossier_project_ensure_open (self, error))
    return FALSE;

  if (!check_schema (self, problems, &tables_differ, error))
    return FALSE;
  if (tables_differ)
    {
      /* The data checks query our tables: they mean nothing on others. */
      if (report != NULL)
        *report = g_strdup (problems->str);
      return FALSE;
    }

  if (self->unreadable != NULL)
    g_string_append_printf (problems, _("The project could not be read: %s\n"), self->unreadable);

  check_pragma (self, "PRAGMA integrity_check", problems);
  check_pragma (self, "PRAGMA foreign_key_check", problems);

  /* A part that cannot read what it checks (a damaged file) says so, and
   * the others still look. */
  {
    static gboolean (* const checks[]) (DossierProject *, GString *, GError **) = {
      check_values, check_highlights, check_structure, check_tag_colors, check_text_lengths,
    };

    for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
      {
        g_autoptr(GError) local_error = NULL;

        if (!checks[i] (self, problems, &local_error))
          {
            if (local_error == NULL)
              return FALSE;
            /* Damage found by one part is found by the next: once. */
            if (strstr (problems->str, local_error->message) == NULL)
              g_string_append_printf (problems, "%s\n", local_error->message);
          }
      }
  }

  if (!self->read_only && !self->in_transaction)
    {
      /* Those waiting are indexed first. */
      g_autoptr(GError) index_error = NULL;

      if (!dossier_project_index_documents (self, NULL, &index_error))
        g_string_append_printf (problems, _("The search index cannot be completed (%s).\n"),
                                index_error->message);
    }
  check_search_index (self, problems);

  if (report != NULL)
    *report = g_strdup (problems->str);

  return problems->len == 0;
}
