/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-compare.c — the comparison matrix of chosen documents against
 * tags, stakeholders or arguments, and the excerpts behind a row.
 *
 * One SELECT reads every passage behind the rows (ordered by highlight,
 * so that a highlight under two sub-tags of one tag is counted once for
 * it, with a stamp per row instead of a set per cell); the tree roll-up
 * walks each passage's ancestors. 1,000 documents × 500 tags is one scan
 * of the highlight_tags table (see tests/bench/bench-core.c).
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include <dossier/dossier-document.h>
#include <dossier/dossier-project-arguments.h>
#include <dossier/dossier-project-stakeholders.h>
#include <dossier/dossier-text.h>

#include "dossier-compare-private.h"

G_DEFINE_QUARK (dossier-compare-error-quark, dossier_compare_error)

static const char *const row_names[] = { "tags", "stakeholders", "arguments" };
static const char *const row_singular[] = { "tag", "stakeholder", "argument" };
static const char *const measure_names[] = { "highlights", "mentions", "evidence" };

gboolean
dossier_compare_rows_from_string (const char         *str,
                                  DossierCompareRows *rows)
{
  g_return_val_if_fail (rows != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (row_names); i++)
    if (g_ascii_strcasecmp (str, row_names[i]) == 0 ||
        g_ascii_strcasecmp (str, row_singular[i]) == 0)
      {
        *rows = (DossierCompareRows) i;
        return TRUE;
      }
  return FALSE;
}

const char *
dossier_compare_rows_to_string (DossierCompareRows rows)
{
  g_return_val_if_fail ((guint) rows < G_N_ELEMENTS (row_names), NULL);
  return row_names[rows];
}

gboolean
dossier_compare_measure_from_string (const char            *str,
                                     DossierCompareMeasure *measure)
{
  g_return_val_if_fail (measure != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (measure_names); i++)
    if (g_ascii_strcasecmp (str, measure_names[i]) == 0)
      {
        *measure = (DossierCompareMeasure) i;
        return TRUE;
      }
  return FALSE;
}

const char *
dossier_compare_measure_to_string (DossierCompareMeasure measure)
{
  g_return_val_if_fail ((guint) measure < G_N_ELEMENTS (measure_names), NULL);
  return measure_names[measure];
}

/* ---- Columns and rows ---------------------------------------------------- */

void
dossier_compare_column_clear (gpointer data)
{
  DossierCompareColumn *c = data;

  g_free (c->title);
  g_free (c->outlet);
  g_free (c->published);
}

void
dossier_compare_row_clear (gpointer data)
{
  DossierCompareRow *r = data;

  g_free (r->label);
  g_free (r->detail);
  g_free (r->color);
}

static char *
dup_or_null (const char *s)
{
  return s != NULL && *s != '\0' ? g_strdup (s) : NULL;
}

/* Document @id's title, outlet and publication date (@fields[0..2], each
 * NULL or its own), read from the file: nothing of what follows its text
 * in the row, whose overflow pages (50 MB of them) are walked to reach it
 * — the length, which took a worker 30 ms a document, past any cancel, to
 * load as the documents' list does. FALSE, @error unset, when there is no
 * such document. */
static gboolean
read_column_fields (DossierProject  *project,
                    gint64           id,
                    char           **fields,
                    GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (project,
                                  "SELECT " DOSSIER_SQL_SHOWN_ROW ("documents", "d", "title", DOSSIER_SHOWN_CHARS)
                                  ", " DOSSIER_SQL_SHOWN_ROW ("documents", "d", "outlet", DOSSIER_SHOWN_CHARS)
                                  ", d.published FROM documents d WHERE d.id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = dossier_project_step (project, stmt, error);
  if (rc != SQLITE_ROW)
    return FALSE;
  for (int i = 0; i < 3; i++)
    fields[i] = sqlite3_column_type (stmt, i) == SQLITE_NULL ? NULL : dossier_column_dup (stmt, i);
  return TRUE;
}

GArray *
dossier_compare_columns_new (DossierProject  *project,
                             const gint64    *document_ids,
                             guint            n_documents,
                             guint            min,
                             gboolean         from_file,
                             GError         **error)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (DossierCompareColumn));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_array_set_clear_func (columns, dossier_compare_column_clear);

  if (!dossier_project_ensure_open (project, error))
    return NULL;

  if (n_documents < MAX (min, 1))
    {
      if (min > 1)
        g_set_error (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_NO_DOCUMENTS,
                     _("Choose at least two documents to see where they diverge"));
      else
        g_set_error (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_NO_DOCUMENTS,
                     _("Choose at least one document to compare"));
      return NULL;
    }

  for (guint i = 0; i < n_documents; i++)
    {
      DossierDocument *doc = from_file ? NULL : dossier_project_get_document (project, document_ids[i]);
      char *fields[3] = { NULL, NULL, NULL };
      g_autofree char *title = NULL, *outlet = NULL, *published = NULL;
      DossierCompareColumn c = { 0 };
      gboolean found = doc != NULL;

      if (from_file)
        {
          GError *local_error = NULL;

          found = read_column_fields (project, document_ids[i], fields, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return NULL;
            }
          title = fields[0];
          outlet = fields[1];
          published = fields[2];
        }
      else if (found)
        {
          title = g_strdup (dossier_document_get_title (doc));
          outlet = g_strdup (dossier_document_get_outlet (doc));
          published = g_strdup (dossier_document_get_published (doc));
          c.length = dossier_document_get_length (doc);
        }
      if (!found)
        {
          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND,
                       _("There is no document %" PRId64 " in the project; "
                         "list them with “dossier-cli documents”"),
                       document_ids[i]);
          return NULL;
        }
      if (g_hash_table_contains (seen, &document_ids[i]))
        {
          g_set_error (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_DUPLICATE,
                       _("Document %" PRId64 " is chosen twice; "
                         "name each document once"),
                       document_ids[i]);
          return NULL;
        }
      g_hash_table_add (seen, (gpointer) &document_ids[i]);

      c.id = document_ids[i];
      /* Names and titles at most as long as Dossier writes them: a file
       * from elsewhere may hold a 10 MB one, which each export of the
       * comparison wrote whole (its picture took 1.2 GB to lay out). */
      c.title = dossier_text_shorten (title != NULL ? title : "", DOSSIER_DOCUMENT_MAX_TITLE);
      c.outlet = dup_or_null (outlet);
      if (c.outlet != NULL && strlen (c.outlet) > DOSSIER_DOCUMENT_MAX_OUTLET)
        {
          char *shortened = dossier_text_shorten (c.outlet, DOSSIER_DOCUMENT_MAX_OUTLET);

          g_free (c.outlet);
          c.outlet = shortened;
        }
      c.published = dup_or_null (published);
      g_array_append_val (columns, c);
    }

  return g_steal_pointer (&columns);
}

/* A tag's path ("Parent/Child") with each name in it at most
 * DOSSIER_TAG_MAX_NAME characters, "…" at the end of a longer one. */
static char *
shortened_path (const char *path)
{
  g_auto(GStrv) names = NULL;

  if (path == NULL || strlen (path) <= DOSSIER_TAG_MAX_NAME)
    return g_strdup (path);
  names = g_strsplit (path, "/", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      char *shown = dossier_text_shorten (names[i], DOSSIER_TAG_MAX_NAME);

      g_free (names[i]);
      names[i] = shown;
    }
  return g_strjoinv ("/", names);
}

static GHashTable *
index_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
index_add (GHashTable *index,
           gint64      id,
           guint       i)
{
  g_hash_table_insert (index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
}

GHashTable *
dossier_compare_columns_index (GArray *columns)
{
  GHashTable *index = index_new ();

  for (guint i = 0; i < columns->len; i++)
    index_add (index, g_array_index (columns, DossierCompareColumn, i).id, i);
  return index;
}

GHashTable *
dossier_compare_rows_index (GArray *rows)
{
  GHashTable *index = index_new ();

  for (guint i = 0; i < rows->len; i++)
    index_add (index, g_array_index (rows, DossierCompareRow, i).id, i);
  return index;
}

static gboolean
check_measure (const DossierCompareOptions  *options,
               GError                      **error)
{
  if (options->measure == DOSSIER_COMPARE_MENTIONS &&
      options->rows != DOSSIER_COMPARE_STAKEHOLDERS)
    {
      g_set_error (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_INVALID,
                   _("Mentions are counted for stakeholders only; "
                     "compare by stakeholders or count highlights"));
      return FALSE;
    }
  if ((guint) options->rows >= G_N_ELEMENTS (row_names) ||
      (guint) options->measure >= G_N_ELEMENTS (measure_names))
    {
      g_set_error (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_INVALID,
                   _("Unknown rows or measure for a comparison"));
      return FALSE;
    }
  return TRUE;
}

static void
add_tag_rows (DossierProject *project,
              gint64          root,
              GArray         *rows)
{
  GListModel *tags = dossier_project_get_tags (project);
  g_autoptr(GHashTable) index = index_new ();
  guint n = g_list_model_get_n_items (tags);
  guint root_depth = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);
      gint64 id = dossier_tag_get_id (tag);
      gint64 parent = dossier_tag_get_parent_id (tag);
      DossierCompareRow r = { 0 };
      gpointer p;

      if (root != 0 && !dossier_project_tag_is_within (project, id, root))
        continue;
      if (id == root)
        root_depth = dossier_tag_get_depth (tag);

      r.id = id;
      r.label = dossier_text_shorten (dossier_tag_get_name (tag), DOSSIER_TAG_MAX_NAME);
      r.detail = shortened_path (dossier_tag_get_path (tag));
      r.color = g_strdup (dossier_tag_get_color (tag));
      r.depth = dossier_tag_get_depth (tag) - root_depth;
      /* Tree order: a parent is always listed before its children. */
      p = parent != 0 ? g_hash_table_lookup (index, &parent) : NULL;
      r.parent = p != NULL ? (int) GPOINTER_TO_UINT (p) - 1 : -1;
      index_add (index, id, rows->len);
      g_array_append_val (rows, r);
    }
}

static void
add_stakeholder_rows (DossierProject *project,
                      GArray         *rows)
{
  GListModel *list = dossier_project_get_stakeholders (project);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (list, i);
      DossierCompareRow r = { 0 };

      r.id = dossier_stakeholder_get_id (s);
      r.label = dossier_text_shorten (dossier_stakeholder_get_name (s), DOSSIER_STAKEHOLDER_MAX_NAME);
      r.detail = g_strdup (dossier_stakeholder_kind_get_label (dossier_stakeholder_get_kind (s)));
      r.color = g_strdup (dossier_stakeholder_get_color (s));
      r.parent = -1;
      g_array_append_val (rows, r);
    }
}

static void
add_argument_rows (DossierProject *project,
                   GArray         *rows)
{
  GListModel *list = dossier_project_get_arguments (project);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierArgument) a = g_list_model_get_item (list, i);
      DossierQuestion *q = dossier_project_get_question (project, dossier_argument_get_question_id (a));
      DossierCompareRow r = { 0 };

      r.id = dossier_argument_get_id (a);
      r.group = dossier_argument_get_question_id (a);
      /* An argument's most is 2,000 characters. */
      r.label = dossier_text_shorten (dossier_argument_get_statement (a), DOSSIER_TAG_MAX_NAME);
      /* Translators: an argument's question and side, e.g. "Should the
       * council build the bridge? — pro". */
      r.detail = g_strdup_printf (_("%s — %s"),
                                  q != NULL ? dossier_question_get_text (q) : "",
                                  dossier_argument_get_polarity (a) == DOSSIER_POLARITY_PRO
                                  ? _("pro") : _("con"));
      r.parent = -1;
      g_array_append_val (rows, r);
    }
}

GArray *
dossier_compare_rows_new (DossierProject               *project,
                          const DossierCompareOptions  *options,
                          GError                      **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (DossierCompareRow));

  g_array_set_clear_func (rows, dossier_compare_row_clear);

  if (!check_measure (options, error))
    return NULL;

  switch (options->rows)
    {
    case DOSSIER_COMPARE_TAGS:
      if (options->tag_id != 0 && dossier_project_get_tag (project, options->tag_id) == NULL)
        {
          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND,
                       _("There is no tag %" PRId64 " in the project"),
                       options->tag_id);
          return NULL;
        }
      add_tag_rows (project, options->tag_id, rows);
      break;
    case DOSSIER_COMPARE_STAKEHOLDERS:
      add_stakeholder_rows (project, rows);
      break;
    case DOSSIER_COMPARE_ARGUMENTS:
      add_argument_rows (project, rows);
      break;
    default:
      g_assert_not_reached ();
    }
  return g_steal_pointer (&rows);
}

/* ---- The scan ---------------------------------------------------------- */

static guint
lookup_index (GHashTable *index,
              gint64      id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
}

gboolean
dossier_compare_scan (DossierProject               *project,
                      const DossierCompareOptions  *options,
                      GHashTable                   *row_index,
                      GHashTable                   *column_index,
                      DossierComparePassageFunc     func,
                      gpointer                      user_data,
                      GError                      **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  g_assert (options->measure != DOSSIER_COMPARE_MENTIONS);

  /* Every SELECT yields highlight, row id, document, start, end. */
  if (options->rows == DOSSIER_COMPARE_TAGS && options->measure == DOSSIER_COMPARE_EVIDENCE)
    stmt = dossier_project_prepare (project,
                                    "SELECT ht.highlight, ht.tag, h.document, h.start, h.end "
                                    "FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight "
                                    "WHERE h.orphaned = 0 "
                                    "  AND (EXISTS (SELECT 1 FROM stakeholder_evidence e WHERE e.highlight = h.id) "
                                    "    OR EXISTS (SELECT 1 FROM argument_evidence a WHERE a.highlight = h.id)) "
                                    "ORDER BY ht.highlight",
                                    error);
  else if (options->rows == DOSSIER_COMPARE_TAGS)
    stmt = dossier_project_prepare (project,
                                    "SELECT ht.highlight, ht.tag, h.document, h.start, h.end "
                                    "FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight "
                                    "WHERE h.orphaned = 0 ORDER BY ht.highlight",
                                    error);
  else if (options->rows == DOSSIER_COMPARE_STAKEHOLDERS)
    stmt = dossier_project_prepare (project,
                                    "SELECT e.highlight, e.stakeholder, h.document, h.start, h.end "
                                    "FROM stakeholder_evidence e JOIN highlights h ON h.id = e.highlight "
                                    "WHERE h.orphaned = 0 ORDER BY e.highlight",
                                    error);
  else
    stmt = dossier_project_prepare (project,
                                    "SELECT e.highlight, e.argument, h.document, h.start, h.end "
                                    "FROM argument_evidence e JOIN highlights h ON h.id = e.highlight "
                                    "WHERE h.orphaned = 0 ORDER BY e.highlight",
                                    error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = dossier_project_step (project, stmt, error)) == SQLITE_ROW)
    {
      guint row = lookup_index (row_index, sqlite3_column_int64 (stmt, 1));
      guint column = lookup_index (column_index, sqlite3_column_int64 (stmt, 2));

      if (row == 0 || column == 0)
        continue;
      func (sqlite3_column_int64 (stmt, 0), row - 1, column - 1,
            sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 4), user_data);
    }
  return rc == SQLITE_DONE;
}

/* ---- Text helpers ------------------------------------------------------ */

/* Counts on in @p (@length bytes) what runs of letters and digits start
 * there, after *@in_word (whether the bytes before ended in one): adds
 * them to *@n and returns how many bytes it went over, all of them but a
 * character cut off at the end (-1: not UTF-8). */
static gssize
count_words_on (const guchar *p,
                gsize         length,
                guint        *in_word,
                guint        *n)
{
  const guchar *start = p, *end = p + length;
  guint was = *in_word, counted = *n;

  /* ASCII without a branch per byte: 50 MB took 250 ms with
   * g_ascii_isalnum (), 70 ms so. */
  while (p < end)
    {
      guint alnum;

      if (*p < 0x80)
        {
          guint c = *p++;

          alnum = (c - '0' < 10u) | ((c | 0x20) - 'a' < 26u);
        }
      else
        {
          gunichar c = g_utf8_get_char_validated ((const char *) p, end - p);

          if (c == (gunichar) -2)
            break;   /* (the rest of it in the next bytes) */
          if (c == (gunichar) -1)
            return -1;
          alnum = g_unichar_isalnum (c) ? 1 : 0;
          p = (const guchar *) g_utf8_next_char (p);
        }
      counted += alnum & ~was;
      was = alnum;
    }
  *in_word = was;
  *n = counted;
  return p - start;
}

static const DossierBlock *
block_at (GArray *blocks,
          gint64  offset)
{
  guint lo = 0, hi = blocks != NULL ? blocks->len : 0;

  /* Blocks are ordered by start and do not overlap. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const DossierBlock *b = &g_array_index (blocks, DossierBlock, mid);

      if (offset < b->start)
        hi = mid;
      else if (offset >= b->end)
        lo = mid + 1;
      else
        return b;
    }
  return NULL;
}

#define SENTENCE_MAX 400

/* @p moved on @n code points, which the text holds: eight bytes at a time
 * where they are ASCII (most of a text), else a code point at a time. The
 * divergences walk each text to every stakeholder's mention, 100 MB for
 * two of 50 MB, and g_utf8_offset_to_pointer () took a tenth of them. */
static const char *
skip_code_points (const char *p,
                  gint64      n)
{
  while (n >= 8)
    {
      guint64 w;

      /* (eight code points to go: eight bytes at least) */
      memcpy (&w, p, sizeof w);
      if ((w & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
        {
          p += 8;
          n -= 8;
        }
      else
        {
          p = g_utf8_next_char (p);
          n--;
        }
    }
  for (; n > 0; n--)
    p = g_utf8_next_char (p);
  return p;
}

void
dossier_compare_sentence (const char       *text,
                          gint64            text_length,
                          GArray           *blocks,
                          DossierTextPlace *place,
                          gint64            start,
                          gint64      end,
                          gint64     *s,
                          gint64     *e)
{
  const DossierBlock *b = block_at (blocks, start);
  gint64 lo = b != NULL ? b->start : 0;
  gint64 hi = b != NULL ? MAX (b->end, end) : text_length;
  const char *p;
  gint64 i;

  start = CLAMP (start, 0, text_length);
  end = CLAMP (end, start, text_length);
  lo = MAX (lo, start - SENTENCE_MAX / 2);
  hi = MIN (MIN (hi, text_length), end + SENTENCE_MAX / 2);

  /* Back to just after the end of the previous sentence or line. */
  if (place != NULL && place->p != NULL && place->offset <= start)
    p = skip_code_points (place->p, start - place->offset);
  else
    p = skip_code_points (text, start);
  if (place != NULL)
    {
      place->p = p;
      place->offset = start;
    }
  for (i = start; i > lo; i--)
    {
      const char *q = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (q);

      if (c == '\n')
        break;
      if ((c == ' ') && q > text)
        {
          gunichar before = g_utf8_get_char (g_utf8_prev_char (q));

          if (before == '.' || before == '!' || before == '?')
            break;
        }
      p = q;
    }
  *s = i;

  /* On to the end of this sentence. */
  p = skip_code_points (p, end - i);
  for (i = end; i < hi; i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        break;
      p = g_utf8_next_char (p);
      if (c == '.' || c == '!' || c == '?')
        {
          i++;
          break;
        }
    }
  *e = i;
}

char *
dossier_compare_heading (const char *text,
                         GArray     *blocks,
                         gint64      start)
{
  const DossierBlock *found = NULL;

  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      const DossierBlock *b = &g_array_index (blocks, DossierBlock, i);

      if (b->start > start)
        break;
      if (b->kind == DOSSIER_BLOCK_HEADING)
        found = b;
    }
  if (found == NULL)
    return NULL;
  return g_strstrip (dossier_text_slice (text, found->start, found->end));
}

/* ---- The matrix ------------------------------------------------------- */


G_DEFINE_BOXED_TYPE (DossierComparison, dossier_comparison,
                     dossier_comparison_ref, dossier_comparison_unref)

DossierComparison *
dossier_comparison_ref (DossierComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
dossier_comparison_unref (DossierComparison *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_free (self->words);
  g_free (self->counts);
  g_free (self->first);
  g_free (self->column_counts);
  g_clear_pointer (&self->passages, g_array_unref);
  g_free (self->filter);
  g_clear_pointer (&self->arrangement.collapsed, g_hash_table_unref);
  g_free (self);
}

typedef struct
{
  DossierComparison *c;
  guint              n_columns;
  gint64            *row_stamp;     /* the highlight last counted in each row */
  gint64             column_stamp;  /* the highlight last counted in its column */
} CountState;

static void
count_passage (gint64    highlight_id,
               guint     row,
               guint     column,
               gint64    start,
               gint64    end,
               gpointer  user_data)
{
  CountState *st = user_data;
  DossierComparison *c = st->c;
  DossierComparePassage passage = { highlight_id, row, column };

  g_array_append_val (c->passages, passage);

  /* A tag's count rolls up its sub-tags': each highlight once per row. */
  for (int r = (int) row; r >= 0; r = g_array_index (c->rows, DossierCompareRow, r).parent)
    {
      gsize cell = (gsize) r * st->n_columns + column;

      if (st->row_stamp[r] == highlight_id)
        break;  /* this row and its ancestors are counted already */
      st->row_stamp[r] = highlight_id;
      c->counts[cell]++;
      if (c->first[cell] < 0 || start < c->first[cell])
        c->first[cell] = start;
    }
  if (st->column_stamp != highlight_id)
    {
      st->column_stamp = highlight_id;
      c->column_counts[column]++;
    }
}

static gboolean
count_mentions (DossierProject     *project,
                DossierComparison  *c,
                GHashTable         *row_index,
                GHashTable         *column_index,
                GError            **error)
{
  g_auto(DossierStmt) stmt = NULL;
  guint n_columns = c->columns->len;
  int rc;

  if (!dossier_project_finish_mentions (project, error))
    return FALSE;
  stmt = dossier_project_prepare (project,
                                  "SELECT stakeholder, document, count FROM stakeholder_mentions",
                                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = dossier_project_step (project, stmt, error)) == SQLITE_ROW)
    {
      guint row = lookup_index (row_index, sqlite3_column_int64 (stmt, 0));
      guint column = lookup_index (column_index, sqlite3_column_int64 (stmt, 1));
      gint64 n = sqlite3_column_int64 (stmt, 2);

      if (row == 0 || column == 0 || n <= 0)
        continue;
      n = MIN (n, G_MAXUINT / 4);
      c->counts[(gsize) (row - 1) * n_columns + column - 1] += (guint) n;
      c->column_counts[column - 1] += (guint) n;
    }
  return rc == SQLITE_DONE;
}

/* ---- Words, counted once per text ---------------------------------------- */

/* The documents' words as counted so far, while their texts stay as they
 * were: an action replacing a text (or its undo) says so
 * ("document-text-changed"), another connection's commit moves PRAGMA
 * data_version. Not a hash of the text: the hash and the length come
 * after the text and the original file in the row, and reading them
 * walks both (130 ms for one of 50 MB). */
typedef struct
{
  GHashTable *words;          /* gint64 document id → guint, as a pointer */
  gint64      data_version;
  guint       generation;     /* moves each time counts are forgotten */
} CountedWords;

static void
counted_words_free (gpointer data)
{
  CountedWords *counted = data;

  g_hash_table_unref (counted->words);
  g_free (counted);
}

static void
on_document_text_changed (DossierProject *project,
                          gint64          document_id,
                          CountedWords   *counted)
{
  g_hash_table_remove (counted->words, &document_id);
  counted->generation++;
}

static gint64
data_version (DossierProject *project)
{
  g_auto(DossierStmt) stmt = dossier_project_prepare (project, "PRAGMA data_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

/* The project's counts that still hold. */
static CountedWords *
counted_words_of (DossierProject *project)
{
  GQuark quark = g_quark_from_static_string ("dossier-compare-counted-words");
  CountedWords *counted = g_object_get_qdata (G_OBJECT (project), quark);
  gint64 version = data_version (project);

  if (counted == NULL)
    {
      counted = g_new0 (CountedWords, 1);
      counted->words = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      counted->data_version = version;
      /* (the handlers go before the data, when the project does) */
      g_object_set_qdata_full (G_OBJECT (project), quark, counted, counted_words_free);
      g_signal_connect (project, "document-text-changed", G_CALLBACK (on_document_text_changed), counted);
    }
  if (version != counted->data_version || version < 0)
    {
      g_hash_table_remove_all (counted->words);
      counted->data_version = version;
      counted->generation++;
    }
  return counted;
}

#define WORDS_CHUNK (256 * 1024)

/* The words of the document @id's text, read a piece at a time: SQLite
 * would copy 50 MB into memory first, page by page (twice the time of
 * counting). 0 if the text is not valid UTF-8 (a project file may come
 * from anyone). */
static gboolean
count_text_words (DossierProject  *project,
                  gint64           id,
                  guint           *words,
                  GCancellable    *cancellable,
                  GError         **error)
{
  sqlite3 *db = dossier_project_get_db (project);
  sqlite3_blob *blob = NULL;
  g_autofree guchar *buffer = NULL;
  guint in_word = 0, n = 0;
  int size, done = 0, kept = 0, rc;

  *words = 0;
  rc = sqlite3_blob_open (db, "main", "documents", "text", id, FALSE, &blob);
  if (rc != SQLITE_OK)
    {
      sqlite3_blob_close (blob);
      /* Gone meanwhile, or not text: no words. */
      if (rc == SQLITE_ERROR)
        return TRUE;
      dossier_project_set_db_error (project, error, rc);
      return FALSE;
    }
  size = sqlite3_blob_bytes (blob);
  buffer = g_malloc (MIN (size, WORDS_CHUNK) + 4);
  while (done < size)
    {
      int piece = MIN (size - done, WORDS_CHUNK);
      gssize used;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_blob_close (blob);
          return FALSE;
        }
      rc = sqlite3_blob_read (blob, buffer + kept, piece, done);
      if (rc != SQLITE_OK)
        {
          sqlite3_blob_close (blob);
          dossier_project_set_db_error (project, error, rc);
          return FALSE;
        }
      done += piece;
      used = count_words_on (buffer, kept + piece, &in_word, &n);
      if (used < 0 || (done == size && used != kept + piece))
        {
          sqlite3_blob_close (blob);
          return TRUE;
        }
      /* A character cut off by the piece's end goes on in the next. */
      kept = kept + piece - (int) used;
      memmove (buffer, buffer + used, kept);
    }
  sqlite3_blob_close (blob);
  *words = n;
  return TRUE;
}

/* Only the documents compared are read, and each text only once: with
 * two documents of 50 MB, counting every document's words at each
 * comparison took 1.7 s of the main thread. */
static gboolean
count_words (DossierProject     *project,
             DossierComparison  *c,
             GError            **error)
{
  CountedWords *counted = counted_words_of (project);

  for (guint col = 0; col < c->columns->len; col++)
    {
      gint64 id = g_array_index (c->columns, DossierCompareColumn, col).id;
      gpointer words;

      if (g_hash_table_lookup_extended (counted->words, &id, NULL, &words))
        {
          c->words[col] = GPOINTER_TO_UINT (words);
          continue;
        }
      if (!count_text_words (project, id, &c->words[col], NULL, error))
        return FALSE;
      g_hash_table_insert (counted->words, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (c->words[col]));
    }
  return TRUE;
}

gint64
dossier_project_compare_words_to_count (DossierProject *self,
                                        const gint64   *document_ids,
                                        guint           n_documents)
{
  CountedWords *counted;
  gint64 total = 0;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);
  g_return_val_if_fail (document_ids != NULL || n_documents == 0, 0);

  counted = counted_words_of (self);
  for (guint i = 0; i < n_documents; i++)
    {
      DossierDocument *doc;

      if (g_hash_table_contains (counted->words, &document_ids[i]))
        continue;
      doc = dossier_project_get_document (self, document_ids[i]);
      if (doc != NULL)
        {
          /* (a file from elsewhere may record any length: the sum stops
           * at the largest, which is counted in a thread all the same) */
          gint64 length = MAX (dossier_document_get_length (doc), 0);

          total = length > G_MAXINT64 - total ? G_MAXINT64 : total + length;
        }
    }
  return total;
}

/* ---- Words counted in a thread --------------------------------------------- */

typedef struct
{
  gint64 id;
  guint  words;
} DocumentWords;

void
dossier_compare_task_data_free (DossierCompareTaskData *data)
{
  g_clear_object (&data->worker);
  g_array_unref (data->document_ids);
  g_free (data);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DossierCompareTaskData *data = task_data;
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (DocumentWords));
  GError *error = NULL;

  for (guint i = 0; i < data->document_ids->len && error == NULL; i++)
    {
      DocumentWords dw = { g_array_index (data->document_ids, gint64, i), 0 };

      if (count_text_words (data->worker, dw.id, &dw.words, cancellable, &error))
        g_array_append_val (counts, dw);
    }

  /* The worker's connection closes in this thread, which used it. */
  dossier_project_close (data->worker);
  g_clear_object (&data->worker);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&counts), (GDestroyNotify) g_array_unref);
}

void
dossier_project_count_words_async (DossierProject      *self,
                                   const gint64        *document_ids,
                                   guint                n_documents,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CountedWords *counted;
  DossierCompareTaskData *data;

  g_return_if_fail (DOSSIER_IS_PROJECT (self));
  g_return_if_fail (document_ids != NULL || n_documents == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_project_count_words_async);

  counted = counted_words_of (self);
  data = g_new0 (DossierCompareTaskData, 1);
  data->generation = counted->generation;
  data->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < n_documents; i++)
    if (!g_hash_table_contains (counted->words, &document_ids[i]))
      g_array_append_val (data->document_ids, document_ids[i]);
  g_task_set_task_data (task, data, (GDestroyNotify) dossier_compare_task_data_free);

  if (data->document_ids->len == 0)
    {
      g_task_return_pointer (task, g_array_new (FALSE, FALSE, sizeof (DocumentWords)),
                             (GDestroyNotify) g_array_unref);
      return;
    }
  dossier_project_start_worker (self, task, &data->worker, count_thread);
}

gboolean
dossier_project_count_words_finish (DossierProject  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_autoptr(GArray) counts = NULL;
  CountedWords *counted;
  DossierCompareTaskData *data;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  counts = g_task_propagate_pointer (G_TASK (result), error);
  if (counts == NULL)
    return FALSE;

  /* Kept only if no text changed meanwhile (here, or in another program):
   * the counts of a text that was replaced are never shown. */
  counted = counted_words_of (self);
  data = g_task_get_task_data (G_TASK (result));
  if (counted->generation != data->generation)
    return TRUE;
  for (guint i = 0; i < counts->len; i++)
    {
      DocumentWords *dw = &g_array_index (counts, DocumentWords, i);

      g_hash_table_insert (counted->words, g_memdup2 (&dw->id, sizeof dw->id), GUINT_TO_POINTER (dw->words));
    }
  return TRUE;
}

/* Leaves out rows that count nothing, keeping the tree's parent links. */
static void
drop_empty_rows (DossierComparison *c)
{
  guint n_columns = c->columns->len;
  g_autofree int *new_index = g_new (int, c->rows->len);
  guint kept = 0;

  for (guint r = 0; r < c->rows->len; r++)
    {
      guint total = 0;

      for (guint col = 0; col < n_columns; col++)
        total += c->counts[(gsize) r * n_columns + col];
      if (total == 0)
        {
          new_index[r] = -1;
          continue;
        }
      new_index[r] = (int) kept;
      if (kept != r)
        {
          DossierCompareRow *to = &g_array_index (c->rows, DossierCompareRow, kept);
          DossierCompareRow *from = &g_array_index (c->rows, DossierCompareRow, r);

          dossier_compare_row_clear (to);
          *to = *from;
          memset (from, 0, sizeof *from);
          memcpy (c->counts + (gsize) kept * n_columns, c->counts + (gsize) r * n_columns,
                  n_columns * sizeof (guint));
          memcpy (c->first + (gsize) kept * n_columns, c->first + (gsize) r * n_columns,
                  n_columns * sizeof (gint64));
        }
      kept++;
    }
  for (guint r = 0; r < kept; r++)
    {
      DossierCompareRow *row = &g_array_index (c->rows, DossierCompareRow, r);

      /* A parent of a row that counts something counts it too. */
      if (row->parent >= 0)
        row->parent = new_index[row->parent];
    }
  g_array_set_size (c->rows, kept);
  /* A row a passage is in counts it: none of them was left out. */
  for (guint i = 0; c->passages != NULL && i < c->passages->len; i++)
    {
      DossierComparePassage *p = &g_array_index (c->passages, DossierComparePassage, i);

      p->row = (guint) new_index[p->row];
    }
}

DossierComparison *
dossier_project_compare (DossierProject              *self,
                         const gint64                *document_ids,
                         guint                        n_documents,
                         const DossierCompareOptions *options,
                         GError                     **error)
{
  g_autoptr(DossierComparison) c = NULL;
  g_autoptr(GHashTable) row_index = NULL;
  g_autoptr(GHashTable) column_index = NULL;
  guint n_columns;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);
  g_return_val_if_fail (document_ids != NULL || n_documents == 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  c = g_new0 (DossierComparison, 1);
  g_atomic_ref_count_init (&c->ref_count);
  c->options = *options;
  c->arrangement = (DossierCompareArrangement) DOSSIER_COMPARE_ARRANGEMENT_INIT;

  c->columns = dossier_compare_columns_new (self, document_ids, n_documents, 1, FALSE, error);
  if (c->columns == NULL)
    return NULL;
  c->rows = dossier_compare_rows_new (self, options, error);
  if (c->rows == NULL)
    return NULL;

  n_columns = c->columns->len;
  c->words = g_new0 (guint, n_columns);
  c->counts = g_new0 (guint, (gsize) c->rows->len * n_columns);
  c->first = g_new (gint64, (gsize) c->rows->len * n_columns);
  for (gsize i = 0; i < (gsize) c->rows->len * n_columns; i++)
    c->first[i] = -1;
  c->column_counts = g_new0 (guint, n_columns);

  row_index = dossier_compare_rows_index (c->rows);
  column_index = dossier_compare_columns_index (c->columns);

  if (!count_words (self, c, error))
    return NULL;

  if (options->measure == DOSSIER_COMPARE_MENTIONS)
    {
      if (!count_mentions (self, c, row_index, column_index, error))
        return NULL;
    }
  else
    {
      g_autofree gint64 *stamps = g_new0 (gint64, MAX (c->rows->len, 1));
      CountState st = { c, n_columns, stamps, 0 };

      c->passages = g_array_new (FALSE, FALSE, sizeof (DossierComparePassage));

      if (!dossier_compare_scan (self, options, row_index, column_index,
                                 count_passage, &st, error))
        return NULL;
    }

  if (options->skip_empty)
    drop_empty_rows (c);
  /* Rows are in tree order: a row's sub-rows are all counted before it. */
  for (guint r = c->rows->len; r > 0; r--)
    {
      const DossierCompareRow *row = &g_array_index (c->rows, DossierCompareRow, r - 1);

      if (row->parent >= 0)
        g_array_index (c->rows, DossierCompareRow, row->parent).n_below += 1 + row->n_below;
    }

  for (guint r = 0; r < c->rows->len; r++)
    for (guint col = 0; col < n_columns; col++)
      c->max_value = MAX (c->max_value, dossier_comparison_get_value (c, r, col));

  return g_steal_pointer (&c);
}

const DossierCompareOptions *
dossier_comparison_get_options (DossierComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->options;
}

guint
dossier_comparison_get_n_documents (DossierComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->columns->len;
}

static const DossierCompareColumn *
get_column (DossierComparison *self,
            guint              column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return &g_array_index (self->columns, DossierCompareColumn, column);
}

static const DossierCompareRow *
get_row (DossierComparison *self,
         guint              row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return &g_array_index (self->rows, DossierCompareRow, row);
}

gint64
dossier_comparison_get_document_id (DossierComparison *self,
                                    guint              column)
{
  const DossierCompareColumn *c = get_column (self, column);
  return c != NULL ? c->id : 0;
}

const char *
dossier_comparison_get_document_title (DossierComparison *self,
                                       guint              column)
{
  const DossierCompareColumn *c = get_column (self, column);
  return c != NULL ? c->title : NULL;
}

const char *
dossier_comparison_get_document_outlet (DossierComparison *self,
                                        guint              column)
{
  const DossierCompareColumn *c = get_column (self, column);
  return c != NULL ? c->outlet : NULL;
}

const char *
dossier_comparison_get_document_date (DossierComparison *self,
                                      guint              column)
{
  const DossierCompareColumn *c = get_column (self, column);
  return c != NULL ? c->published : NULL;
}

guint
dossier_comparison_get_document_words (DossierComparison *self,
                                       guint              column)
{
  g_return_val_if_fail (self != NULL && column < self->columns->len, 0);
  return self->words[column];
}

guint
dossier_comparison_get_n_rows (DossierComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

gint64
dossier_comparison_get_row_id (DossierComparison *self,
                               guint              row)
{
  const DossierCompareRow *r = get_row (self, row);
  return r != NULL ? r->id : 0;
}

const char *
dossier_comparison_get_row_label (DossierComparison *self,
                                  guint              row)
{
  const DossierCompareRow *r = get_row (self, row);
  return r != NULL ? r->label : NULL;
}

const char *
dossier_comparison_get_row_detail (DossierComparison *self,
                                   guint              row)
{
  const DossierCompareRow *r = get_row (self, row);
  return r != NULL ? r->detail : NULL;
}

guint
dossier_comparison_get_row_depth (DossierComparison *self,
                                  guint              row)
{
  const DossierCompareRow *r = get_row (self, row);
  return r != NULL ? r->depth : 0;
}

const char *
dossier_comparison_get_row_color (DossierComparison *self,
                                  guint              row)
{
  const DossierCompareRow *r = get_row (self, row);
  return r != NULL ? r->color : NULL;
}

int
dossier_comparison_find_row (DossierComparison *self,
                             gint64             row_id)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, DossierCompareRow, i).id == row_id)
      return (int) i;
  return -1;
}

char **
dossier_comparison_excerpt_tags (DossierComparison    *self,
                                 const DossierExcerpt *excerpt)
{
  g_autoptr(GStrvBuilder) names = NULL;
  const gint64 *tag_ids;
  guint n_tags = 0;
  guint n = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (excerpt != NULL, NULL);

  if (!excerpt->every_row || excerpt->highlight == NULL ||
      dossier_comparison_get_options (self)->rows != DOSSIER_COMPARE_TAGS)
    return NULL;

  names = g_strv_builder_new ();
  tag_ids = dossier_highlight_get_tag_ids (excerpt->highlight, &n_tags);
  for (guint i = 0; i < n_tags; i++)
    {
      int row = dossier_comparison_find_row (self, tag_ids[i]);

      /* A tag left out of the comparison is not among its rows. */
      if (row < 0)
        continue;
      g_strv_builder_add (names, dossier_comparison_get_row_label (self, (guint) row));
      n++;
    }
  return n > 0 ? g_strv_builder_end (names) : NULL;
}

char **
dossier_comparison_excerpt_rows (DossierComparison    *self,
                                 const DossierExcerpt *excerpt)
{
  g_autoptr(GStrvBuilder) names = NULL;
  guint n = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (excerpt != NULL, NULL);

  if (dossier_comparison_get_options (self)->rows == DOSSIER_COMPARE_TAGS)
    return dossier_comparison_excerpt_tags (self, excerpt);
  if (!excerpt->every_row || excerpt->row_ids == NULL)
    return NULL;

  names = g_strv_builder_new ();
  for (guint i = 0; i < excerpt->row_ids->len; i++)
    {
      int row = dossier_comparison_find_row (self, g_array_index (excerpt->row_ids, gint64, i));

      if (row < 0)
        continue;
      g_strv_builder_add (names, dossier_comparison_get_row_label (self, (guint) row));
      n++;
    }
  return n > 0 ? g_strv_builder_end (names) : NULL;
}

const char *
dossier_comparison_rows_caption (DossierComparison *self,
                                 guint              n_rows)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (dossier_comparison_get_options (self)->rows)
    {
    case DOSSIER_COMPARE_STAKEHOLDERS:
      /* Translators: before the names of the stakeholders a passage is
       * evidence for (or mentions), in the excerpts of every row. */
      return ngettext ("Stakeholder: ", "Stakeholders: ", n_rows);
    case DOSSIER_COMPARE_ARGUMENTS:
      /* Translators: before the names of the arguments a passage is
       * evidence for, in the excerpts of every row. */
      return ngettext ("Argument: ", "Arguments: ", n_rows);
    case DOSSIER_COMPARE_TAGS:
    default:
      /* Translators: before the names of the tags a passage has, in the
       * excerpts of every row. */
      return ngettext ("Tag: ", "Tags: ", n_rows);
    }
}

guint
dossier_comparison_get_count (DossierComparison *self,
                              guint              row,
                              guint              column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->rows->len && column < self->columns->len, 0);
  return self->counts[(gsize) row * self->columns->len + column];
}

static double
per_words (const DossierComparison *self,
           double                   count,
           double                   words)
{
  if (!self->options.per_1000_words)
    return count;
  return words > 0 ? count * 1000.0 / words : 0.0;
}

double
dossier_comparison_get_value (DossierComparison *self,
                              guint              row,
                              guint              column)
{
  guint count = dossier_comparison_get_count (self, row, column);

  if (column >= self->columns->len)
    return 0;
  return per_words (self, count, self->words[column]);
}

double
dossier_comparison_get_first_place (DossierComparison *self,
                                    guint              row,
                                    guint              column)
{
  gint64 first, length;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (row < self->rows->len && column < self->columns->len, -1);

  first = self->first[(gsize) row * self->columns->len + column];
  length = g_array_index (self->columns, DossierCompareColumn, column).length;
  if (first < 0 || length <= 0)
    return -1;
  return CLAMP ((double) first / (double) length, 0.0, 1.0);
}

double
dossier_comparison_get_row_total (DossierComparison *self,
                                  guint              row)
{
  double count = 0, words = 0;

  g_return_val_if_fail (self != NULL && row < self->rows->len, 0);

  for (guint col = 0; col < self->columns->len; col++)
    {
      count += self->counts[(gsize) row * self->columns->len + col];
      words += self->words[col];
    }
  return per_words (self, count, words);
}

double
dossier_comparison_get_column_total (DossierComparison *self,
                                     guint              column)
{
  g_return_val_if_fail (self != NULL && column < self->columns->len, 0);
  return per_words (self, self->column_counts[column], self->words[column]);
}

double
dossier_comparison_get_total (DossierComparison *self)
{
  double count = 0, words = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint col = 0; col < self->columns->len; col++)
    {
      count += self->column_counts[col];
      words += self->words[col];
    }
  return per_words (self, count, words);
}

double
dossier_comparison_get_table_value (DossierComparison *self,
                                    guint              row,
                                    guint              column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row <= self->rows->len && column <= self->columns->len, 0);

  if (row < self->rows->len)
    return column < self->columns->len ? dossier_comparison_get_value (self, row, column)
                                       : dossier_comparison_get_row_total (self, row);
  return column < self->columns->len ? dossier_comparison_get_column_total (self, column)
                                     : dossier_comparison_get_total (self);
}

double
dossier_comparison_get_max_value (DossierComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->max_value;
}

/* ---- Excerpts ---------------------------------------------------------- */

void
dossier_excerpt_free (DossierExcerpt *excerpt)
{
  if (excerpt == NULL)
    return;
  g_clear_object (&excerpt->highlight);
  g_free (excerpt->quote);
  g_free (excerpt->heading);
  g_free (excerpt->note);
  g_clear_pointer (&excerpt->row_ids, g_array_unref);
  g_free (excerpt);
}

static int
compare_excerpts (gconstpointer a,
                  gconstpointer b)
{
  const DossierExcerpt *x = *(DossierExcerpt * const *) a;
  const DossierExcerpt *y = *(DossierExcerpt * const *) b;

  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

typedef struct
{
  DossierProject *project;
  GArray         *columns;
  GHashTable     *seen;     /* highlight id → its DossierExcerpt (a column: each once) */
  GHashTable     *blocks;   /* document id → GArray of DossierBlock */
  GHashTable     *texts;    /* document id → text */
  GPtrArray      *excerpts;
  gboolean        every_row;
  gint64          row_id;   /* the stakeholder or argument whose passages these are, or 0 */
} ExcerptState;

/* Excerpts of every row of stakeholders or arguments: @x is behind the
 * current row too (a passage of evidence for two is listed once). */
static void
excerpt_add_row (ExcerptState   *st,
                 DossierExcerpt *x)
{
  if (!st->every_row || st->row_id == 0)
    return;
  if (x->row_ids == NULL)
    x->row_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < x->row_ids->len; i++)
    if (g_array_index (x->row_ids, gint64, i) == st->row_id)
      return;
  g_array_append_val (x->row_ids, st->row_id);
}

static GArray *
blocks_of (ExcerptState *st,
           gint64        document_id)
{
  GArray *blocks = g_hash_table_lookup (st->blocks, &document_id);

  if (blocks == NULL)
    {
      blocks = dossier_project_get_document_blocks (st->project, document_id, NULL);
      if (blocks == NULL)
        blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));
      g_hash_table_insert (st->blocks, g_memdup2 (&document_id, sizeof document_id), blocks);
    }
  return blocks;
}

static const char *
text_of (ExcerptState *st,
         gint64        document_id)
{
  char *text = g_hash_table_lookup (st->texts, &document_id);

  if (text == NULL)
    {
      text = dossier_project_get_document_text (st->project, document_id, NULL);
      if (text == NULL)
        text = g_strdup ("");
      g_hash_table_insert (st->texts, g_memdup2 (&document_id, sizeof document_id), text);
    }
  return text;
}

static void
add_highlight_excerpt (ExcerptState     *st,
                       guint             column,
                       DossierHighlight *h,
                       const char       *note,
                       int               stance_position)
{
  DossierExcerpt *x;
  gint64 id = dossier_highlight_get_id (h);
  gint64 doc = dossier_highlight_get_document_id (h);

  if (dossier_highlight_get_orphaned (h))
    return;
  x = g_hash_table_lookup (st->seen, &id);
  if (x != NULL)
    {
      excerpt_add_row (st, x);
      return;
    }

  x = g_new0 (DossierExcerpt, 1);
  g_hash_table_insert (st->seen, g_memdup2 (&id, sizeof id), x);
  excerpt_add_row (st, x);
  x->every_row = st->every_row;
  x->column = column;
  x->document_id = doc;
  x->highlight = g_object_ref (h);
  x->start = dossier_highlight_get_start (h);
  x->end = dossier_highlight_get_end (h);
  x->quote = g_strdup (dossier_highlight_get_quote (h));
  x->heading = dossier_compare_heading (text_of (st, doc), blocks_of (st, doc), x->start);
  x->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  x->stance_position = stance_position;
  g_ptr_array_add (st->excerpts, x);
}

static gboolean
add_evidence_excerpts (ExcerptState  *st,
                       GHashTable    *column_index,
                       GPtrArray     *evidence)
{
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      DossierEvidence *e = g_ptr_array_index (evidence, i);
      guint column = lookup_index (column_index, dossier_highlight_get_document_id (e->highlight));

      if (column != 0)
        add_highlight_excerpt (st, column - 1, e->highlight, e->note,
                               e->role == DOSSIER_EVIDENCE_STANCE ? e->stance_position
                                                                  : DOSSIER_STANCE_UNKNOWN);
    }
  return evidence != NULL;
}

static gboolean
add_mention_excerpts (ExcerptState  *st,
                      gint64         stakeholder_id,
                      GError       **error)
{
  for (guint col = 0; col < st->columns->len; col++)
    {
      const DossierCompareColumn *c = &g_array_index (st->columns, DossierCompareColumn, col);
      g_autoptr(GArray) mentions = dossier_project_list_mentions (st->project, c->id,
                                                                  stakeholder_id, error);
      const char *text;
      gint64 last_end = -1;
      DossierTextPlace place = { NULL, 0 };

      if (mentions == NULL)
        return FALSE;
      text = text_of (st, c->id);
      for (guint i = 0; i < mentions->len; i++)
        {
          const DossierMention *m = &g_array_index (mentions, DossierMention, i);
          DossierExcerpt *x;
          gint64 s, e;

          dossier_compare_sentence (text, c->length, blocks_of (st, c->id), &place,
                                    m->start, m->end, &s, &e);
          if (s < last_end)
            continue;  /* one sentence, however many mentions it holds */
          last_end = e;

          x = g_new0 (DossierExcerpt, 1);
          excerpt_add_row (st, x);
          x->every_row = st->every_row;
          x->column = col;
          x->document_id = c->id;
          x->start = s;
          x->end = e;
          x->quote = g_strstrip (dossier_text_slice (text, s, e));
          x->heading = dossier_compare_heading (text, blocks_of (st, c->id), s);
          x->stance_position = DOSSIER_STANCE_UNKNOWN;
          g_ptr_array_add (st->excerpts, x);
        }
    }
  return TRUE;
}

static gboolean
add_tag_excerpts (ExcerptState                 *st,
                  const DossierCompareOptions  *options,
                  gint64                        tag_id,
                  GError                      **error)
{
  g_autoptr(GHashTable) evidence = NULL;

  if (options->measure == DOSSIER_COMPARE_EVIDENCE)
    {
      g_auto(DossierStmt) stmt = NULL;
      int rc;

      stmt = dossier_project_prepare (st->project,
                                      "SELECT highlight FROM stakeholder_evidence "
                                      "UNION SELECT highlight FROM argument_evidence",
                                      error);
      if (stmt == NULL)
        return FALSE;
      evidence = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      while ((rc = dossier_project_step (st->project, stmt, error)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_hash_table_add (evidence, g_memdup2 (&id, sizeof id));
        }
      if (rc != SQLITE_DONE)
        return FALSE;
    }

  for (guint col = 0; col < st->columns->len; col++)
    {
      const DossierCompareColumn *c = &g_array_index (st->columns, DossierCompareColumn, col);
      g_autoptr(GPtrArray) list = dossier_project_list_highlights (st->project, c->id,
                                                                   tag_id, error);

      if (list == NULL)
        return FALSE;
      for (guint i = 0; i < list->len; i++)
        {
          DossierHighlight *h = g_ptr_array_index (list, i);
          gint64 id = dossier_highlight_get_id (h);
          guint n_tags = 0;

          dossier_highlight_get_tag_ids (h, &n_tags);
          if (n_tags == 0 || (evidence != NULL && !g_hash_table_contains (evidence, &id)))
            continue;
          add_highlight_excerpt (st, col, h, NULL, DOSSIER_STANCE_UNKNOWN);
        }
    }
  return TRUE;
}

GPtrArray *
dossier_project_compare_excerpts (DossierProject              *self,
                                  const gint64                *document_ids,
                                  guint                        n_documents,
                                  const DossierCompareOptions *options,
                                  gint64                       row_id,
                                  GError                     **error)
{
  g_autoptr(GArray) columns = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GHashTable) column_index = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) blocks = NULL;
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(GPtrArray) excerpts = NULL;
  ExcerptState st;
  gboolean ok = TRUE;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);
  g_return_val_if_fail (document_ids != NULL || n_documents == 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  columns = dossier_compare_columns_new (self, document_ids, n_documents, 1, FALSE, error);
  if (columns == NULL)
    return NULL;
  rows = dossier_compare_rows_new (self, options, error);
  if (rows == NULL)
    return NULL;

  if (row_id != 0)
    {
      g_autoptr(GHashTable) row_index = dossier_compare_rows_index (rows);

      if (!g_hash_table_contains (row_index, &row_id))
        {
          if (options->rows == DOSSIER_COMPARE_TAGS)
            g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND,
                         _("There is no tag %" PRId64 " among the rows compared"), row_id);
          else if (options->rows == DOSSIER_COMPARE_STAKEHOLDERS)
            g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND,
                         _("There is no stakeholder %" PRId64 " among the rows compared"), row_id);
          else
            g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND,
                         _("There is no argument %" PRId64 " among the rows compared"), row_id);
          return NULL;
        }
    }

  column_index = dossier_compare_columns_index (columns);
  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  blocks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                  (GDestroyNotify) g_array_unref);
  texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  excerpts = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_excerpt_free);
  st = (ExcerptState) { self, columns, seen, blocks, texts, excerpts, row_id == 0, 0 };

  switch (options->rows)
    {
    case DOSSIER_COMPARE_TAGS:
      ok = add_tag_excerpts (&st, options, row_id != 0 ? row_id : options->tag_id, error);
      break;

    case DOSSIER_COMPARE_STAKEHOLDERS:
    case DOSSIER_COMPARE_ARGUMENTS:
      for (guint r = 0; ok && r < rows->len; r++)
        {
          gint64 id = g_array_index (rows, DossierCompareRow, r).id;
          g_autoptr(GPtrArray) evidence = NULL;

          if (row_id != 0 && id != row_id)
            continue;
          st.row_id = id;
          if (options->measure == DOSSIER_COMPARE_MENTIONS)
            {
              ok = add_mention_excerpts (&st, id, error);
              continue;
            }
          if (options->rows == DOSSIER_COMPARE_STAKEHOLDERS)
            evidence = dossier_project_list_stakeholder_evidence (self, id, error);
          else
            evidence = dossier_project_list_argument_evidence (self, id, error);
          ok = add_evidence_excerpts (&st, column_index, evidence);
        }
      break;

    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return NULL;

  g_ptr_array_sort (excerpts, compare_excerpts);
  return g_steal_pointer (&excerpts);
}
