/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-stakeholders.c — a project's stakeholders: the list
 * model, the actions that edit them, their evidence, and the suggestions
 * taken from documents. Also what stakeholders and arguments share: the
 * models' life cycle and evidence.
 *
 * A stakeholder's names (its name and aliases) decide where it is
 * mentioned, so every action that changes them counts mentions again in
 * the same transaction (dossier-project-mentions.c).
 */

#include "config.h"

#include "dossier-project-private.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include <dossier/dossier-suggest.h>
#include <dossier/dossier-text.h>

/* Where a stakeholder's evidence is, for the evidence code below. */
static const DossierEvidenceTable evidence_table = {
  .kind = DOSSIER_ROW_STAKEHOLDER,
  .table = "stakeholders",
  .cite_sql =
  "INSERT INTO stakeholder_evidence (stakeholder, highlight, note, role, stance_position) "
  "VALUES (?1, ?2, ?3, ?4, ?5) "
  "ON CONFLICT (stakeholder, highlight) DO UPDATE SET "
  "  note = excluded.note, role = excluded.role, stance_position = excluded.stance_position",
  .uncite_sql = "DELETE FROM stakeholder_evidence WHERE stakeholder = ?1 AND highlight = ?2",
  .list_sql =
  "SELECT e.highlight, e.note, e.role, e.stance_position FROM stakeholder_evidence e "
  "JOIN highlights h ON h.id = e.highlight WHERE e.stakeholder = ?1 "
  "AND " DOSSIER_SQL_DOCUMENT_EXISTS ("h.document") " "
  "ORDER BY h.document, h.start, h.end, h.id",
  .cited_sql = "SELECT highlight FROM stakeholder_evidence WHERE stakeholder = ?1",
};

/* ---- The models' life cycle --------------------------------------------------- */

void
dossier_project_init_analysis (DossierProject *self)
{
  self->stakeholders = g_list_store_new (DOSSIER_TYPE_STAKEHOLDER);
  self->stakeholders_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                    g_free, g_object_unref);
  self->questions = g_list_store_new (DOSSIER_TYPE_QUESTION);
  self->questions_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                 g_free, g_object_unref);
  self->arguments = g_list_store_new (DOSSIER_TYPE_ARGUMENT);
  self->arguments_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                 g_free, g_object_unref);
}

void
dossier_project_clear_analysis (DossierProject *self)
{
  g_clear_object (&self->stakeholders);
  g_clear_pointer (&self->stakeholders_by_id, g_hash_table_unref);
  g_clear_object (&self->questions);
  g_clear_pointer (&self->questions_by_id, g_hash_table_unref);
  g_clear_object (&self->arguments);
  g_clear_pointer (&self->arguments_by_id, g_hash_table_unref);
  g_clear_pointer (&self->mention_finder, dossier_mention_finder_unref);
  g_clear_pointer (&self->mention_names, g_free);
  g_clear_pointer (&self->stakeholder_name_ids, g_hash_table_unref);
  g_clear_pointer (&self->stakeholder_name_keys, g_hash_table_unref);
  self->stakeholder_names_read = FALSE;
}

static gboolean load_stakeholders (DossierProject  *self,
                                   GError         **error);

gboolean
dossier_project_load_analysis (DossierProject  *self,
                               GError         **error)
{
  return load_stakeholders (self, error) &&
         dossier_project_load_questions_and_arguments (self, error);
}

gboolean
dossier_project_load_stakeholders (DossierProject  *self,
                                   GError         **error)
{
  return load_stakeholders (self, error);
}

/* ---- The stakeholders model ----------------------------------------------------- */

/* The evidence of stakeholder s.id that is listed: that of a document
 * there is. */
#define SHOWN_EVIDENCE \
  "stakeholder_evidence e JOIN highlights h ON h.id = e.highlight " \
  "WHERE e.stakeholder = s.id AND " DOSSIER_SQL_DOCUMENT_EXISTS ("h.document")

/* A stakeholder's own columns, then its counts (read_stakeholder ()). Its
 * name read no longer than a label shows it, and its aliases no further
 * than Dossier writes them, without copying a value of 10 MB from a file
 * made by hand; its texts cut past the most Dossier writes (a blob handle
 * for each of those would cost every row 3 seeks more). */
#define STAKEHOLDER_OWN_COLUMNS \
  "s.id, s.uuid, " DOSSIER_SQL_SHOWN_ROW ("stakeholders", "s", "name", DOSSIER_SHOWN_CHARS) ", " \
  DOSSIER_SQL_ALIASES ("s") ", s.kind, " \
  DOSSIER_SQL_WITHIN ("s.description", DOSSIER_TEXT_MAX_FREE) ", " \
  DOSSIER_SQL_WITHIN ("s.stance", DOSSIER_TEXT_MAX_FREE) ", " \
  "coalesce (s.stance_position, -3), " DOSSIER_SQL_WITHIN ("s.interests", DOSSIER_TEXT_MAX_FREE) ", " \
  "s.power, s.interest, coalesce (s.color, ''), s.position, "

/* A mention count as the file stores it, which may be anything: within
 * what a text can hold, so that no sum of them overflows (SQLite fails
 * the whole read, and with it the open, with "integer overflow") before
 * the counts are set right at open (dossier_project_verify_mentions ()). */
#define MENTION_COUNT "min (max (count, 0), 4294967295)"

/* The mention counts while they are being checked (mentions_pending):
 * none read, -1 for "not known" (read_stakeholder ()). */
#define PENDING_MENTIONS "-1, -1, "

/* One stakeholder's row, its counts by subqueries: reading one again
 * after an edit. */
#define STAKEHOLDER_EVIDENCE_COLUMNS \
  "(SELECT count(*) FROM " SHOWN_EVIDENCE "), " \
  "EXISTS (SELECT 1 FROM " SHOWN_EVIDENCE " AND e.role = 'power'), " \
  "EXISTS (SELECT 1 FROM " SHOWN_EVIDENCE " AND e.role = 'interest')"
#define STAKEHOLDER_COLUMNS \
  STAKEHOLDER_OWN_COLUMNS \
  "(SELECT coalesce (sum (" MENTION_COUNT "), 0) FROM stakeholder_mentions " \
  "   WHERE stakeholder = s.id AND " DOSSIER_SQL_MENTION_SHOWN "), " \
  "(SELECT count(*) FROM stakeholder_mentions " \
  "   WHERE stakeholder = s.id AND " DOSSIER_SQL_MENTION_SHOWN "), " \
  STAKEHOLDER_EVIDENCE_COLUMNS
#define STAKEHOLDER_COLUMNS_PENDING \
  STAKEHOLDER_OWN_COLUMNS PENDING_MENTIONS STAKEHOLDER_EVIDENCE_COLUMNS

/* All of them, the same columns and counts from one grouped pass over the
 * mentions and one over the evidence: the five subqueries per row above
 * made reading 5,000 stakeholders the biggest cost of opening a project
 * (bench-core stakeholders-load: 53 ms of CPU for 5,000, now 31). A join
 * with documents (by its key: one row or none) keeps only the rows of a
 * document there is, as DOSSIER_SQL_DOCUMENT_EXISTS does, for less. */
#define ALL_STAKEHOLDERS_WITH(mentions, mentions_join) \
  "SELECT " STAKEHOLDER_OWN_COLUMNS mentions \
  "  coalesce (v.evidence, 0), coalesce (v.power, 0), coalesce (v.interest, 0) " \
  "FROM stakeholders s " mentions_join \
  "LEFT JOIN (SELECT e.stakeholder, count(*) AS evidence, " \
  "                  max (e.role IS 'power') AS power, max (e.role IS 'interest') AS interest " \
  "           FROM stakeholder_evidence e JOIN highlights h ON h.id = e.highlight " \
  "                JOIN documents d ON d.id = h.document " \
  "           GROUP BY e.stakeholder) v ON v.stakeholder = s.id " \
  "ORDER BY s.position, s.id"
#define ALL_STAKEHOLDERS \
  ALL_STAKEHOLDERS_WITH ("coalesce (m.mentions, 0), coalesce (m.documents, 0), ", \
    "LEFT JOIN (SELECT stakeholder, sum (" MENTION_COUNT ") AS mentions, count(*) AS documents " \
    "           FROM stakeholder_mentions JOIN documents d ON d.id = stakeholder_mentions.document " \
    "           GROUP BY stakeholder) m ON m.stakeholder = s.id ")
#define ALL_STAKEHOLDERS_PENDING ALL_STAKEHOLDERS_WITH (PENDING_MENTIONS, "")

/* A value read from the file is checked before it is used (the file may
 * come from anywhere): out-of-range numbers are clamped, unknown kinds are
 * "other". */
static void
read_stakeholder (sqlite3_stmt           *stmt,
                  DossierStakeholderData *data,
                  char                 ***aliases)
{
  DossierStakeholderKind kind;

  data->uuid = dossier_column_text (stmt, 1);
  data->name = dossier_column_text (stmt, 2);
  *aliases = dossier_stakeholder_split_aliases (dossier_column_text (stmt, 3));
  /* No more than Dossier writes: the first of them. */
  if (g_strv_length (*aliases) > DOSSIER_STAKEHOLDER_MAX_ALIASES)
    {
      for (guint i = DOSSIER_STAKEHOLDER_MAX_ALIASES; (*aliases)[i] != NULL; i++)
        g_clear_pointer (&(*aliases)[i], g_free);
    }
  data->aliases = (const char * const *) *aliases;
  data->kind = dossier_stakeholder_kind_from_string (dossier_column_text (stmt, 4), &kind) ?
               kind : DOSSIER_STAKEHOLDER_OTHER;
  data->description = dossier_column_text (stmt, 5);
  data->stance = dossier_column_text (stmt, 6);
  data->stance_position = dossier_column_stance (stmt, 7);
  data->interests = dossier_column_text (stmt, 8);
  data->power = dossier_column_int_within (stmt, 9, DOSSIER_RATING_MIN, DOSSIER_RATING_MAX);
  data->interest = dossier_column_int_within (stmt, 10, DOSSIER_RATING_MIN, DOSSIER_RATING_MAX);
  data->color = dossier_column_text (stmt, 11);
  if (data->color == NULL || *data->color == '\0')
    data->color = dossier_palette[0];
  data->position = dossier_column_int_within (stmt, 12, 0, G_MAXINT);
  data->mentions_pending = sqlite3_column_int64 (stmt, 13) < 0;
  data->n_mentions = (guint) CLAMP (sqlite3_column_int64 (stmt, 13), 0, G_MAXUINT);
  data->n_documents = (guint) MAX (sqlite3_column_int64 (stmt, 14), 0);
  data->n_evidence = (guint) sqlite3_column_int64 (stmt, 15);
  data->power_backed = sqlite3_column_int (stmt, 16) != 0;
  data->interest_backed = sqlite3_column_int (stmt, 17) != 0;
}

/* dossier_project_load_model (), and with @moves a row moved is taken out
 * and put back alone (dossier_list_store_reconcile_moves ()). */
static gboolean
load_model (DossierProject      *self,
            const char          *sql,
            DossierReadItemFunc  read,
            GListStore          *store,
            GHashTable          *by_id,
            gboolean             moves,
            GError             **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(DossierStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key;
  int rc;

  stmt = dossier_project_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GObject *existing = g_hash_table_lookup (by_id, &id);
      GObject *item = read (stmt, existing);

      if (existing == NULL)
        g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), item);
      g_ptr_array_add (items, g_object_ref (item));
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
    }

  if (rc != SQLITE_DONE)
    return FALSE;

  /* Let go of the rows gone before the list says so: a handler of its
   * items-changed that looks one up must not find it (the list still
   * holds it until then). */
  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      g_hash_table_iter_remove (&iter);

  if (moves)
    dossier_list_store_reconcile_moves (store, items, NULL);
  else
    dossier_list_store_reconcile (store, items, NULL);

  return TRUE;
}

gboolean
dossier_project_load_model (DossierProject      *self,
                            const char          *sql,
                            DossierReadItemFunc  read,
                            GListStore          *store,
                            GHashTable          *by_id,
                            GError             **error)
{
  return load_model (self, sql, read, store, by_id, FALSE, error);
}

/* Whether the items at @i and @i + 1 of @model are in @compare's order. */
static gboolean
pair_in_order (GListModel       *model,
               guint             i,
               GCompareDataFunc  compare,
               gpointer          data)
{
  g_autoptr(GObject) a = g_list_model_get_item (model, i);
  g_autoptr(GObject) b = g_list_model_get_item (model, i + 1);

  return compare (a, b, data) <= 0;
}

/* Where @item goes in @model, kept in @compare's order: after the items
 * that come before it or tie with it. */
static guint
insertion_index (GListModel       *model,
                 GObject          *item,
                 GCompareDataFunc  compare,
                 gpointer          data)
{
  guint lo = 0, hi = g_list_model_get_n_items (model);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(GObject) there = g_list_model_get_item (model, mid);

      if (compare (there, item, data) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static int
compare_item_pointers (gconstpointer a,
                       gconstpointer b,
                       gpointer      data)
{
  const struct { GCompareDataFunc compare; gpointer data; } *by = data;

  return by->compare (*(GObject * const *) a, *(GObject * const *) b, by->data);
}

gboolean
dossier_project_read_rows_alone (DossierProject      *self,
                                 const char          *row_sql,
                                 DossierReadItemFunc  read,
                                 GListStore          *store,
                                 GHashTable          *by_id,
                                 GHashTable          *ids,
                                 GPtrArray           *added,
                                 GPtrArray           *updated,
                                 GError             **error)
{
  g_auto(DossierStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key;

  stmt = dossier_project_prepare (self, row_sql, error);
  if (stmt == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = *(gint64 *) key;
      GObject *existing = g_hash_table_lookup (by_id, &id);
      guint index;
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      rc = dossier_project_step (self, stmt, error);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return FALSE;

      if (rc == SQLITE_DONE)
        {
          g_autoptr(GObject) gone = existing != NULL ? g_object_ref (existing) : NULL;

          /* Out of the table before the list says it is gone, as in
           * load_model (). */
          if (gone != NULL)
            g_hash_table_remove (by_id, &id);
          if (gone != NULL && g_list_store_find (store, gone, &index))
            g_list_store_remove (store, index);
        }
      else if (existing == NULL)
        {
          GObject *item = read (stmt, NULL);

          g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), item);
          g_ptr_array_add (added, g_object_ref (item));
        }
      else
        {
          read (stmt, existing);
          g_ptr_array_add (updated, existing);
        }
    }

  return TRUE;
}

/* dossier_project_patch_model (), and with @moves a row moved is taken
 * out and put back alone (dossier_list_store_reconcile_moves ()). */
static gboolean
patch_model (DossierProject      *self,
             const char          *row_sql,
             DossierReadItemFunc  read,
             GListStore          *store,
             GHashTable          *by_id,
             GCompareDataFunc     compare,
             gpointer             compare_data,
             gboolean             moves,
             GHashTable          *ids,
             GError             **error)
{
  GListModel *model = G_LIST_MODEL (store);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) updated = g_ptr_array_new ();
  gboolean sorted = TRUE;
  guint n;

  if (!dossier_project_read_rows_alone (self, row_sql, read, store, by_id, ids, added, updated, error))
    return FALSE;

  /* Did an edit move a row? One row is looked at beside its neighbours;
   * several (ranks closed after a delete) in a pass over the list. */
  n = g_list_model_get_n_items (model);
  if (updated->len == 1)
    {
      guint index;

      if (g_list_store_find (store, g_ptr_array_index (updated, 0), &index))
        sorted = (index == 0 || pair_in_order (model, index - 1, compare, compare_data)) &&
                 (index + 1 >= n || pair_in_order (model, index, compare, compare_data));
    }
  else if (updated->len > 1)
    {
      for (guint i = 0; i + 1 < n && sorted; i++)
        sorted = pair_in_order (model, i, compare, compare_data);
    }

  /* One row added goes where it belongs; several (an import) in one
   * splice. */
  if (sorted && added->len <= 1)
    {
      if (added->len == 1)
        {
          GObject *item = g_ptr_array_index (added, 0);

          g_list_store_insert (store, insertion_index (model, item, compare, compare_data), item);
        }
    }
  else
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_full (n + added->len, g_object_unref);
      struct { GCompareDataFunc compare; gpointer data; } by = { compare, compare_data };

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (model, i));
      for (guint i = 0; i < added->len; i++)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (added, i)));
      g_ptr_array_sort_with_data (items, compare_item_pointers, &by);
      if (moves)
        dossier_list_store_reconcile_moves (store, items, NULL);
      else
        dossier_list_store_reconcile (store, items, NULL);
    }

  return TRUE;
}

gboolean
dossier_project_patch_model (DossierProject      *self,
                             const char          *row_sql,
                             DossierReadItemFunc  read,
                             GListStore          *store,
                             GHashTable          *by_id,
                             GCompareDataFunc     compare,
                             gpointer             compare_data,
                             GHashTable          *ids,
                             GError             **error)
{
  return patch_model (self, row_sql, read, store, by_id, compare, compare_data, FALSE, ids, error);
}

static GObject *
read_stakeholder_item (sqlite3_stmt *stmt,
                       GObject      *existing)
{
  g_auto(GStrv) aliases = NULL;
  DossierStakeholderData data;

  read_stakeholder (stmt, &data, &aliases);
  if (existing == NULL)
    return G_OBJECT (dossier_stakeholder_new (sqlite3_column_int64 (stmt, 0), &data));

  dossier_stakeholder_update (DOSSIER_STAKEHOLDER (existing), &data);
  return existing;
}

/* The names a stakeholder is searched for, as one string. */
static char *
joined_names (DossierStakeholder *stakeholder)
{
  g_autofree char *aliases = g_strjoinv ("\t", (char **) dossier_stakeholder_get_aliases (stakeholder));

  return g_strconcat (dossier_stakeholder_get_name (stakeholder), "\n", aliases, NULL);
}

/* A hash of @stakeholder's id and names (FNV-1a, 64 bits); 0 for none. */
static guint64
names_hash (DossierStakeholder *stakeholder)
{
  g_autofree char *names = NULL;
  guint64 hash = 14695981039346656037ull;
  gint64 id;

  if (stakeholder == NULL)
    return 0;
  names = joined_names (stakeholder);
  id = dossier_stakeholder_get_id (stakeholder);
  for (guint i = 0; i < sizeof id; i++)
    hash = (hash ^ (guint8) (id >> (8 * i))) * 1099511628211ull;
  for (const guchar *p = (const guchar *) names; *p != '\0'; p++)
    hash = (hash ^ *p) * 1099511628211ull;
  return hash;
}

/* Counts @stakeholder (if not NULL) once more (@add 1) or less (-1) in
 * the palette colour it is shown in. */
static void
count_color (DossierProject     *self,
             DossierStakeholder *stakeholder,
             int                 add)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (self->stakeholder_colors) == DOSSIER_PALETTE_SIZE);

  if (stakeholder == NULL)
    return;
  for (guint i = 0; i < DOSSIER_PALETTE_SIZE; i++)
    if (g_ascii_strcasecmp (dossier_palette[i], dossier_stakeholder_get_color (stakeholder)) == 0 &&
        (add > 0 || self->stakeholder_colors[i] > 0))
      self->stakeholder_colors[i] += add;
}

/* ---- The name index ------------------------------------------------------------ */

/* A new or renamed stakeholder's name must be nobody else's name or alias
 * as they fold. Folding every name of the model on each check was 69 % of
 * adding a stakeholder at 5,000; the index makes it one look-up. It is
 * made from the model (what the check always compared with), never from
 * anything stored in the file, so a file edited by hand cannot make it
 * lie; and it follows the model's two ways of changing: read again whole
 * (dropped, made again when next asked for) or row by row (patched). */

static void
forget_names_of (DossierProject *self,
                 gint64          id)
{
  char **keys = g_hash_table_lookup (self->stakeholder_name_keys, &id);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      GArray *ids = g_hash_table_lookup (self->stakeholder_name_ids, keys[i]);

      for (guint j = ids != NULL ? ids->len : 0; j > 0; j--)
        if (g_array_index (ids, gint64, j - 1) == id)
          g_array_remove_index_fast (ids, j - 1);
      if (ids != NULL && ids->len == 0)
        g_hash_table_remove (self->stakeholder_name_ids, keys[i]);
    }
  g_hash_table_remove (self->stakeholder_name_keys, &id);
}

static void
index_names_of (DossierProject     *self,
                DossierStakeholder *stakeholder)
{
  const char * const *aliases = dossier_stakeholder_get_aliases (stakeholder);
  gint64 id = dossier_stakeholder_get_id (stakeholder);
  GPtrArray *keys = g_ptr_array_new ();

  for (int i = -1; i < 0 || aliases[i] != NULL; i++)
    {
      char *folded = dossier_text_fold (i < 0 ? dossier_stakeholder_get_name (stakeholder)
                                              : aliases[i]);
      gboolean seen = FALSE;
      GArray *ids;

      /* A file edited by hand may give one spelling twice. */
      for (guint j = 0; j < keys->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (keys, j), folded);
      if (seen)
        {
          g_free (folded);
          continue;
        }

      ids = g_hash_table_lookup (self->stakeholder_name_ids, folded);
      if (ids == NULL)
        {
          ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1);
          g_hash_table_insert (self->stakeholder_name_ids, g_strdup (folded), ids);
        }
      g_array_append_val (ids, id);
      g_ptr_array_add (keys, folded);
    }
  g_ptr_array_add (keys, NULL);
  g_hash_table_insert (self->stakeholder_name_keys, g_memdup2 (&id, sizeof id),
                       g_ptr_array_free (keys, FALSE));
}

/* The index of the model as it is now. */
static void
ensure_name_index (DossierProject *self)
{
  GListModel *model = G_LIST_MODEL (self->stakeholders);
  guint n = g_list_model_get_n_items (model);

  if (self->stakeholder_name_ids != NULL)
    return;

  self->stakeholder_name_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_array_unref);
  self->stakeholder_name_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) g_strfreev);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (model, i);

      index_names_of (self, s);
    }
}

static void
drop_name_index (DossierProject *self)
{
  g_clear_pointer (&self->stakeholder_name_ids, g_hash_table_unref);
  g_clear_pointer (&self->stakeholder_name_keys, g_hash_table_unref);
}

/* After the stakeholders @ids were read again alone. */
static void
patch_name_index (DossierProject *self,
                  GHashTable     *ids)
{
  GHashTableIter iter;
  gpointer key;

  if (self->stakeholder_name_ids == NULL)
    return;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      DossierStakeholder *s = g_hash_table_lookup (self->stakeholders_by_id, key);

      forget_names_of (self, *(gint64 *) key);
      if (s != NULL)
        index_names_of (self, s);
    }
}

/* The stakeholder other than @except_id that comes first in the list
 * among those called @folded (by name, or also by alias unless
 * @name_only), or NULL. */
static DossierStakeholder *
first_called (DossierProject *self,
              const char     *folded,
              gint64          except_id,
              gboolean        name_only)
{
  GArray *ids;
  DossierStakeholder *first = NULL;
  guint first_index = G_MAXUINT;

  ensure_name_index (self);
  ids = g_hash_table_lookup (self->stakeholder_name_ids, folded);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      DossierStakeholder *s = g_hash_table_lookup (self->stakeholders_by_id, &id);
      guint index;

      if (s == NULL || id == except_id)
        continue;
      /* An id's first key is its name. */
      if (name_only)
        {
          char **keys = g_hash_table_lookup (self->stakeholder_name_keys, &id);

          if (keys == NULL || keys[0] == NULL || !g_str_equal (keys[0], folded))
            continue;
        }
      if (first == NULL)
        {
          first = s;
          continue;
        }
      /* Several share an alias (or a file edited by hand gives them one
       * name): the first in the list wins, as when the check went down
       * the list. */
      if (first_index == G_MAXUINT && !g_list_store_find (self->stakeholders, first, &first_index))
        first_index = G_MAXUINT - 1;
      if (g_list_store_find (self->stakeholders, s, &index) && index < first_index)
        {
          first = s;
          first_index = index;
        }
    }

  return first;
}

/* Notes whether the names the texts are searched for changed (a name or
 * an alias edited, a stakeholder added or removed), which most edits of a
 * stakeholder (its ratings, its evidence, its counts) do not; and counts
 * the colours. */
static void
note_stakeholder_names (DossierProject *self)
{
  GListModel *model = G_LIST_MODEL (self->stakeholders);
  guint n = g_list_model_get_n_items (model);
  guint64 sum = 0;

  memset (self->stakeholder_colors, 0, sizeof self->stakeholder_colors);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (model, i);

      sum += names_hash (s);
      count_color (self, s, 1);
    }

  if (self->stakeholder_names_read && self->stakeholder_names != sum)
    self->stakeholder_names_changed = TRUE;
  self->stakeholder_names = sum;
  self->stakeholder_names_read = TRUE;
}

static gboolean
load_stakeholders (DossierProject  *self,
                   GError         **error)
{
  drop_name_index (self);
  /* A move reads the list again (every place is renumbered): the one
   * moved is taken out and put back, the rows between left alone. */
  if (!load_model (self, self->mentions_pending ? ALL_STAKEHOLDERS_PENDING : ALL_STAKEHOLDERS,
                   read_stakeholder_item, self->stakeholders,
                   self->stakeholders_by_id, TRUE, error))
    return FALSE;
  note_stakeholder_names (self);
  return TRUE;
}

/* The order of load_stakeholders (): by place, then id. */
static int
compare_stakeholders (gconstpointer a,
                      gconstpointer b,
                      gpointer      data)
{
  DossierStakeholder *x = (DossierStakeholder *) a, *y = (DossierStakeholder *) b;

  return dossier_compare_places (dossier_stakeholder_get_position (x), dossier_stakeholder_get_id (x),
                                 dossier_stakeholder_get_position (y), dossier_stakeholder_get_id (y));
}

/* Reads the stakeholders @ids again alone: one added, edited or deleted
 * changes the list by its own item (dossier_project_patch_model ()). The
 * names are noted again only from those read: most edits (evidence,
 * ratings, counts) change none. */
static gboolean
patch_stakeholders (DossierProject *self,
                    GHashTable     *ids)
{
  g_autoptr(GArray) before = g_array_sized_new (FALSE, FALSE, sizeof (guint64), g_hash_table_size (ids));
  GHashTableIter iter;
  gpointer key;
  guint i = 0;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      DossierStakeholder *s = g_hash_table_lookup (self->stakeholders_by_id, key);
      guint64 hash = names_hash (s);

      g_array_append_val (before, hash);
      count_color (self, s, -1);
    }

  /* A stakeholder moved up or down is taken out and put back, the rows
   * between left alone: its panel gives the focus back to its row. */
  if (!patch_model (self,
                    self->mentions_pending
                    ? "SELECT " STAKEHOLDER_COLUMNS_PENDING " FROM stakeholders s WHERE s.id = ?1"
                    : "SELECT " STAKEHOLDER_COLUMNS " FROM stakeholders s WHERE s.id = ?1",
                    read_stakeholder_item, self->stakeholders, self->stakeholders_by_id,
                    compare_stakeholders, NULL, TRUE, ids, NULL))
    return FALSE;
  patch_name_index (self, ids);

  /* The same set, iterated in the same order. */
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      DossierStakeholder *s = g_hash_table_lookup (self->stakeholders_by_id, key);
      guint64 was = g_array_index (before, guint64, i++);
      guint64 now = names_hash (s);

      count_color (self, s, 1);

      if (was == now)
        continue;
      self->stakeholder_names += now - was;
      self->stakeholder_names_changed = TRUE;
    }
  return TRUE;
}

/* Stakeholders' counts follow their evidence and mentions, which
 * deleting or replacing a document changes: the list is read again after
 * those (a few hundred rows), and after a move or an import. A
 * stakeholder the action touched (added, edited, deleted, cited, its
 * mentions counted again, its evidence changed by a highlight deleted or
 * merged, its place changed as ranks closed) is read again alone. */
void
dossier_project_apply_stakeholders (DossierProject       *self,
                                    const DossierChanges *changes)
{
  g_autoptr(GHashTable) stakeholders = dossier_id_set_new ();

  if (!dossier_project_collect_citers (self, changes, &evidence_table, stakeholders))
    load_stakeholders (self, NULL);
  else if (g_hash_table_size (stakeholders) > 0 && !patch_stakeholders (self, stakeholders))
    load_stakeholders (self, NULL);
}

GListModel *
dossier_project_get_stakeholders (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->stakeholders);
}

DossierStakeholder *
dossier_project_get_stakeholder (DossierProject *self,
                                 gint64          stakeholder_id)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return g_hash_table_lookup (self->stakeholders_by_id, &stakeholder_id);
}

/* Through the name index: folding every name of the list on each call
 * cost ~2 ms of CPU at 5,000 stakeholders, once per key typed in "Add as
 * Evidence For". */
DossierStakeholder *
dossier_project_find_stakeholder (DossierProject *self,
                                  const char     *name_or_alias)
{
  g_autofree char *folded = NULL;
  DossierStakeholder *s;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name_or_alias != NULL, NULL);

  folded = dossier_text_fold (name_or_alias);

  /* A name wins over an alias; then the first in the list. */
  s = first_called (self, folded, 0, TRUE);
  if (s == NULL)
    s = first_called (self, folded, 0, FALSE);
  return s;
}

/* A name or alias: one line of UTF-8, not blank, not too long, with
 * something in it a text can mention. Returns it stripped. */
static char *
check_name (const char  *name,
            gboolean     alias,
            GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *cleaned = NULL;
  g_autofree char *folded = NULL;
  gboolean has_word = FALSE;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                           _("A stakeholder’s name must be valid UTF-8 text."));
      return NULL;
    }

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                           alias ? _("An alias cannot be empty.")
                                 : _("A stakeholder needs a name."));
      return NULL;
    }

  /* The length first: the messages after it quote the name, which may be
   * a megabyte (from a script, or pasted by mistake). Controls count (a
   * tab is one character as the space it becomes). */
  if (g_utf8_strlen (stripped, -1) > DOSSIER_STAKEHOLDER_MAX_NAME)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("A name or alias can be at most %d characters long."),
                   DOSSIER_STAKEHOLDER_MAX_NAME);
      return NULL;
    }

  if (strchr (stripped, '\n') != NULL)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("“%s” spans several lines: give each alias on its own."), stripped);
      return NULL;
    }

  /* Controls typed or pasted go (a tab becomes a space). */
  cleaned = g_strstrip (dossier_text_without_controls (stripped, FALSE));
  g_free (stripped);
  stripped = g_steal_pointer (&cleaned);
  if (*stripped == '\0')
    {
      g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                           alias ? _("An alias cannot be empty.")
                                 : _("A stakeholder needs a name."));
      return NULL;
    }

  folded = dossier_text_fold (stripped);
  for (const char *p = folded; *p != '\0' && !has_word; p = g_utf8_next_char (p))
    has_word = g_unichar_isalnum (g_utf8_get_char (p));
  if (!has_word)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("“%s” has no letter or digit, so no text can mention it."), stripped);
      return NULL;
    }

  return g_steal_pointer (&stripped);
}

/* Fails with EXISTS if another stakeholder than @except_id is called
 * @name, or has it as an alias. */
static gboolean
check_name_free (DossierProject  *self,
                 const char      *name,
                 gint64           except_id,
                 GError         **error)
{
  g_autofree char *folded = dossier_text_fold (name);
  DossierStakeholder *s = first_called (self, folded, except_id, FALSE);

  if (s == NULL)
    return TRUE;

  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS,
               _("“%s” is already a stakeholder’s name or alias (“%s”); merge them "
                 "instead."), name, dossier_stakeholder_get_name (s));
  return FALSE;
}

/* The aliases as stored: checked, stripped, one per line, without the name
 * and without repeats (spellings that fold the same). */
static char *
join_aliases (const char          *name,
              const char * const  *aliases,
              GError             **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  guint n = 0;

  g_hash_table_add (seen, dossier_text_fold (name));

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (aliases[i], "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autofree char *alias = NULL;
          char *folded;

          if (*g_strstrip (lines[j]) == '\0')
            continue;
          alias = check_name (lines[j], TRUE, error);
          if (alias == NULL)
            return NULL;
          folded = dossier_text_fold (alias);
          if (g_hash_table_contains (seen, folded))
            {
              g_free (folded);
              continue;
            }
          g_hash_table_add (seen, folded);
          g_strv_builder_add (kept, alias);
          n++;
        }
    }

  if (n > DOSSIER_STAKEHOLDER_MAX_ALIASES)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("A stakeholder can have at most %d aliases."),
                   DOSSIER_STAKEHOLDER_MAX_ALIASES);
      return NULL;
    }

  result = g_strv_builder_end (kept);
  return dossier_stakeholder_join_aliases ((const char * const *) result);
}

static gboolean
check_rating (int          value,
              GError     **error)
{
  if (value >= DOSSIER_RATING_MIN && value <= DOSSIER_RATING_MAX)
    return TRUE;

  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
               _("Power and interest are rated from %d to %d, not %d."),
               DOSSIER_RATING_MIN, DOSSIER_RATING_MAX, value);
  return FALSE;
}

static const char *
stakeholder_name (DossierProject *self,
                  gint64          stakeholder_id)
{
  DossierStakeholder *s = dossier_project_get_stakeholder (self, stakeholder_id);

  return s != NULL ? dossier_stakeholder_get_name (s) : "";
}

/* ---- Actions ------------------------------------------------------------------------ */

/* How many stakeholders have each colour, for the palette's least used:
 * one without is shown in the palette's first (read_stakeholder ()). */
#define STAKEHOLDER_COLORS_SQL \
  "SELECT lower (coalesce (nullif (color, ''), '#3584e4')), count(*) FROM stakeholders GROUP BY 1"

static gint64
insert_stakeholder (DossierProject                  *self,
                    const char                      *name,
                    const char                      *aliases,
                    const DossierStakeholderFields  *fields,
                    const char                      *color,
                    GError                         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *own_color = NULL;
  gint64 id;

  /* The model's count (the action has changed no stakeholder yet): the
   * rows are not read again. */
  if (color == NULL)
    {
      DossierPaletteUses uses;

      memcpy (uses.uses, self->stakeholder_colors, sizeof uses.uses);
      color = own_color = g_strdup (dossier_palette_uses_take (&uses));
    }

  stmt = dossier_project_prepare (self,
                                  "INSERT INTO stakeholders (uuid, name, aliases, kind, description, "
                                  "  stance, stance_position, interests, power, interest, color, "
                                  "  position) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                                  "  (SELECT coalesce (max (position) + 1, 0) FROM stakeholders))",
                                  error);
  if (stmt == NULL)
    return 0;

  dossier_bind_text (stmt, 1, uuid);
  dossier_bind_text (stmt, 2, name);
  dossier_bind_text (stmt, 3, aliases);
  dossier_bind_text (stmt, 4, dossier_stakeholder_kind_to_string (fields->kind));
  dossier_bind_text (stmt, 5, fields->description != NULL ? fields->description : "");
  dossier_bind_text (stmt, 6, fields->stance != NULL ? fields->stance : "");
  dossier_bind_stance (stmt, 7, fields->stance_position);
  dossier_bind_text (stmt, 8, fields->interests != NULL ? fields->interests : "");
  sqlite3_bind_int (stmt, 9, fields->power);
  sqlite3_bind_int (stmt, 10, fields->interest);
  dossier_bind_text (stmt, 11, color);
  id = dossier_project_insert_new_row (self, DOSSIER_ROW_STAKEHOLDER, stmt, error);
  if (id == 0)
    return 0;
  dossier_project_touch (self, "stakeholders", id);

  return id;
}

/* Stakeholder @id's name and aliases as the file has them, added to
 * @names. */
static gboolean
add_stored_names (DossierProject  *self,
                  gint64           id,
                  GStrvBuilder    *names,
                  GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  g_auto(GStrv) aliases = NULL;
  int rc;

  /* (No further than Dossier writes them, as the finder reads them.) */
  stmt = dossier_project_prepare (self, "SELECT " DOSSIER_SQL_SHOWN_ROW ("stakeholders", "s", "name",
                                                                        DOSSIER_STAKEHOLDER_MAX_NAME) ", "
                                  DOSSIER_SQL_ALIASES ("s") " FROM stakeholders s WHERE s.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = dossier_project_step (self, stmt, error);
  if (rc == SQLITE_DONE)
    dossier_set_not_found (error, DOSSIER_ROW_STAKEHOLDER, id);
  if (rc != SQLITE_ROW)
    return FALSE;

  g_strv_builder_add (names, dossier_column_text (stmt, 0));
  aliases = dossier_stakeholder_split_aliases (dossier_column_text (stmt, 1));
  g_strv_builder_addv (names, (const char **) aliases);
  return TRUE;
}

/* Counts mentions again where stakeholder @id's names (as the file has
 * them now) or @old_names are found. */
static gboolean
update_mentions_of (DossierProject  *self,
                    gint64           id,
                    GStrvBuilder    *old_names,
                    GError         **error)
{
  g_auto(GStrv) names = NULL;

  if (id != 0 && !add_stored_names (self, id, old_names, error))
    return FALSE;
  names = g_strv_builder_end (old_names);
  return dossier_project_update_mentions_of (self, (const char * const *) names, error);
}

static gboolean
check_optional_text (const char  *text,
                     GError     **error)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return TRUE;

  g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                       _("The text is not valid UTF-8."));
  return FALSE;
}

static gboolean
check_kind (DossierStakeholderKind   kind,
            GError                 **error)
{
  if ((guint) kind < DOSSIER_STAKEHOLDER_N_KINDS)
    return TRUE;

  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
               _("Unknown kind of stakeholder %d."), (int) kind);
  return FALSE;
}

/* Checks what a new stakeholder named @stripped (checked) brings besides
 * its name and kind; returns its aliases as stored, and its colour in
 * lower case (or NULL) in *@color. */
static char *
check_fields (const DossierStakeholderFields  *fields,
              const char                      *stripped,
              char                           **color,
              GError                         **error)
{
  g_autofree char *joined = join_aliases (stripped, fields->aliases, error);

  if (joined == NULL ||
      !check_optional_text (fields->description, error) ||
      !check_optional_text (fields->stance, error) ||
      !check_optional_text (fields->interests, error) ||
      !dossier_check_stance (fields->stance_position, error) ||
      !check_rating (fields->power, error) ||
      !check_rating (fields->interest, error) ||
      (fields->color != NULL && !dossier_check_color (fields->color, error)))
    return NULL;

  *color = fields->color != NULL ? g_ascii_strdown (fields->color, -1) : NULL;
  return g_steal_pointer (&joined);
}

/* The action "Add Stakeholder": a new stakeholder, and when @citation is
 * not NULL its first evidence, in one step; *@cited_id (may be NULL) the
 * highlight cited. */
static gint64
create_stakeholder (DossierProject                  *self,
                    const DossierStakeholderFields  *fields,
                    const DossierCiting             *citation,
                    gint64                          *cited_id,
                    GError                         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autofree char *stripped = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *label = NULL;
  g_autofree char *color = NULL;
  g_autoptr(GStrvBuilder) no_names = g_strv_builder_new ();
  gint64 highlight_id = citation != NULL ? citation->highlight_id : 0;
  gint64 id;

  if (!dossier_project_ensure_open (self, error))
    return 0;

  if (!check_kind (fields->kind, error))
    return 0;
  stripped = check_name (fields->name, FALSE, error);
  if (stripped == NULL || !check_name_free (self, stripped, 0, error))
    return 0;
  joined = check_fields (fields, stripped, &color, error);
  if (joined == NULL)
    return 0;
  if (citation != NULL && !citation->by_range &&
      !dossier_project_require_row (self, DOSSIER_ROW_HIGHLIGHT, highlight_id, error))
    return 0;

  if (!dossier_action_begin (&action, self, error))
    return 0;

  id = insert_stakeholder (self, stripped, joined, fields, color, error);
  if (id == 0 || !update_mentions_of (self, id, no_names, error))
    return 0;

  if (citation != NULL)
    {
      if (citation->by_range)
        highlight_id = dossier_project_evidence_highlight (self, citation->document_id,
                                                           citation->start, citation->end, error);
      if (highlight_id == 0 ||
          !dossier_project_cite (self, &evidence_table, id, highlight_id, citation, error))
        return 0;
    }

  label = g_strdup_printf (_("Add Stakeholder “%s”"), stripped);
  if (!dossier_action_commit (&action, label, error))
    return 0;

  if (cited_id != NULL)
    *cited_id = highlight_id;
  return id;
}

gint64
dossier_project_create_stakeholder (DossierProject                  *self,
                                    const DossierStakeholderFields  *fields,
                                    GError                         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);
  g_return_val_if_fail (fields != NULL, 0);

  return create_stakeholder (self, fields, NULL, NULL, error);
}

/* The kind the cited document's words give @name beside the passage
 * cited ("councillor Dara Penhallow", a passage "the harbour master
 * said"), OTHER if they say none or the document cannot be read (the
 * citation's checks then say why). */
static DossierStakeholderKind
kind_from_document (DossierProject      *self,
                    const char          *name,
                    const DossierCiting *citation)
{
  gint64 document_id = citation->document_id;
  gint64 start = citation->start, end = citation->end;
  g_autofree char *text = NULL;

  if (!citation->by_range)
    {
      g_autoptr(DossierHighlight) highlight = dossier_project_get_highlight (self, citation->highlight_id,
                                                                             NULL);

      if (highlight == NULL)
        return DOSSIER_STAKEHOLDER_OTHER;
      document_id = dossier_highlight_get_document_id (highlight);
      start = dossier_highlight_get_start (highlight);
      end = dossier_highlight_get_end (highlight);
    }
  text = dossier_project_get_document_text (self, document_id, NULL);
  if (text == NULL)
    return DOSSIER_STAKEHOLDER_OTHER;

  return dossier_suggest_stakeholder_kind (text, name, start, end);
}

gint64
dossier_project_create_stakeholder_citing (DossierProject                  *self,
                                           const DossierStakeholderFields  *fields,
                                           gint64                           highlight_id,
                                           gint64                           document_id,
                                           gint64                           start,
                                           gint64                           end,
                                           gint64                          *cited_id,
                                           GError                         **error)
{
  DossierCiting citation = {
    .by_range = highlight_id == 0, .highlight_id = highlight_id, .document_id = document_id,
    .start = MIN (start, end), .end = MAX (start, end), .note = "",
    .role = DOSSIER_EVIDENCE_NONE, .stance_position = DOSSIER_STANCE_UNKNOWN,
  };

  DossierStakeholderFields guessed;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);
  g_return_val_if_fail (fields != NULL, 0);

  /* "Other" chosen is the user's word, not a kind left to guess. */
  guessed = *fields;
  if (fields->guess_kind && fields->name != NULL)
    {
      DossierStakeholderKind kind = kind_from_document (self, fields->name, &citation);

      if (kind != DOSSIER_STAKEHOLDER_OTHER)
        guessed.kind = kind;
    }

  return create_stakeholder (self, &guessed, &citation, cited_id, error);
}

void
dossier_stakeholder_import_clear (DossierStakeholderImport *import)
{
  g_clear_pointer (&import->ids, g_hash_table_unref);
}

/* Stakeholder @id has @text (a name or alias), unless one before it has. */
static void
index_name (GHashTable *ids,
            const char *text,
            gint64      id)
{
  char *folded = dossier_text_fold (text);

  if (g_hash_table_contains (ids, folded))
    g_free (folded);
  else
    g_hash_table_insert (ids, folded, g_memdup2 (&id, sizeof id));
}

/* Stakeholder @id's name and aliases (as stored). */
static void
index_names (GHashTable *ids,
             gint64      id,
             const char *name,
             const char *aliases)
{
  g_auto(GStrv) split = dossier_stakeholder_split_aliases (aliases);

  index_name (ids, name, id);
  for (guint i = 0; split[i] != NULL; i++)
    index_name (ids, split[i], id);
}

/* The stakeholders' names and colours, read from the file, not the model:
 * stakeholders this action made are not in the model yet. In the order
 * the rows were compared one by one before, so that a name two of them
 * have still finds the same one. */
static gboolean
read_import (DossierProject            *self,
             DossierStakeholderImport  *import,
             GError                   **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  if (!dossier_project_count_colors (self, STAKEHOLDER_COLORS_SQL, &import->colors, error))
    return FALSE;
  stmt = dossier_project_prepare (self, "SELECT s.id, " DOSSIER_SQL_SHOWN_ROW ("stakeholders", "s", "name",
                                                                              DOSSIER_STAKEHOLDER_MAX_NAME) ", "
                                  DOSSIER_SQL_ALIASES ("s") " FROM stakeholders s", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    index_names (ids, sqlite3_column_int64 (stmt, 0), dossier_column_text (stmt, 1),
                 dossier_column_text (stmt, 2));
  if (rc != SQLITE_DONE)
    return FALSE;

  import->ids = g_steal_pointer (&ids);
  return TRUE;
}

gint64
dossier_project_import_stakeholder (DossierProject                  *self,
                                    DossierStakeholderImport        *import,
                                    const DossierStakeholderFields  *fields,
                                    gboolean                        *existed,
                                    GError                         **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *color = NULL;
  const gint64 *found;
  gint64 id;

  *existed = FALSE;
  stripped = check_name (fields->name, FALSE, error);
  if (stripped == NULL)
    return 0;

  if (import->ids == NULL && !read_import (self, import, error))
    return 0;
  folded = dossier_text_fold (stripped);
  found = g_hash_table_lookup (import->ids, folded);
  if (found != NULL)
    {
      *existed = TRUE;
      return *found;
    }

  if (!check_kind (fields->kind, error))
    return 0;
  joined = check_fields (fields, stripped, &color, error);
  if (joined == NULL)
    return 0;

  id = insert_stakeholder (self, stripped, joined, fields,
                           color != NULL ? color : dossier_palette_uses_take (&import->colors), error);
  if (id == 0)
    return 0;
  if (color != NULL)
    dossier_palette_uses_add (&import->colors, color);
  index_names (import->ids, id, stripped, joined);
  return id;
}

gint64
dossier_project_add_stakeholder (DossierProject          *self,
                                 const char              *name,
                                 const char * const      *aliases,
                                 DossierStakeholderKind   kind,
                                 GError                 **error)
{
  DossierStakeholderFields fields = DOSSIER_STAKEHOLDER_FIELDS_INIT;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);

  fields.name = name;
  fields.aliases = aliases;
  fields.kind = kind;
  return dossier_project_create_stakeholder (self, &fields, error);
}

/* Sets the names and counts mentions again, in the action in progress. */
static gboolean
write_names (DossierProject  *self,
             gint64           stakeholder_id,
             const char      *name,
             const char      *aliases,
             GError         **error)
{
  g_autoptr(GStrvBuilder) old_names = g_strv_builder_new ();
  g_auto(DossierStmt) stmt = NULL;

  if (!add_stored_names (self, stakeholder_id, old_names, error))
    return FALSE;
  stmt = dossier_project_prepare (self,
                                  "UPDATE stakeholders SET name = ?2, aliases = ?3 WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stakeholder_id);
  dossier_bind_text (stmt, 2, name);
  dossier_bind_text (stmt, 3, aliases);
  if (!dossier_project_run (self, stmt, error))
    return FALSE;

  dossier_project_touch (self, "stakeholders", stakeholder_id);
  /* Where the old names were found and where the new ones are. */
  return update_mentions_of (self, stakeholder_id, old_names, error);
}

gboolean
dossier_project_set_stakeholder_name (DossierProject  *self,
                                      gint64           stakeholder_id,
                                      const char      *name,
                                      GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autofree char *stripped = NULL;
  g_autofree char *joined = NULL;
  DossierStakeholder *s;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_row (self, DOSSIER_ROW_STAKEHOLDER, stakeholder_id, error))
    return FALSE;

  stripped = check_name (name, FALSE, error);
  if (stripped == NULL || !check_name_free (self, stripped, stakeholder_id, error))
    return FALSE;

  s = dossier_project_get_stakeholder (self, stakeholder_id);
  if (s != NULL && g_str_equal (dossier_stakeholder_get_name (s), stripped))
    return TRUE;

  /* The new name may have been an alias: it is no longer one. */
  joined = join_aliases (stripped, s != NULL ? dossier_stakeholder_get_aliases (s) : NULL, error);
  if (joined == NULL)
    return FALSE;

  if (!dossier_action_begin (&action, self, error) ||
      !write_names (self, stakeholder_id, stripped, joined, error))
    return FALSE;

  return dossier_action_commit (&action, _("Rename Stakeholder"), error);
}

gboolean
dossier_project_set_stakeholder_aliases (DossierProject      *self,
                                         gint64               stakeholder_id,
                                         const char * const  *aliases,
                                         GError             **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autofree char *joined = NULL;
  g_autofree char *current = NULL;
  DossierStakeholder *s;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_row (self, DOSSIER_ROW_STAKEHOLDER, stakeholder_id, error))
    return FALSE;

  s = dossier_project_get_stakeholder (self, stakeholder_id);
  if (s == NULL)
    return FALSE;
  joined = join_aliases (dossier_stakeholder_get_name (s), aliases, error);
  if (joined == NULL)
    return FALSE;

  current = dossier_stakeholder_join_aliases (dossier_stakeholder_get_aliases (s));
  if (g_str_equal (current, joined))
    return TRUE;

  if (!dossier_action_begin (&action, self, error) ||
      !write_names (self, stakeholder_id, dossier_stakeholder_get_name (s), joined, error))
    return FALSE;

  return dossier_action_commit (&action, _("Edit Aliases"), error);
}

/* Sets integer columns (NULL for DOSSIER_STANCE_UNKNOWN) as an action,
 * unless they already have those values. */
static gboolean
set_columns (DossierProject  *self,
             gint64           stakeholder_id,
             const char      *sql,      /* UPDATE … SET … = ?2[, … = ?3] WHERE id = ?1 AND (… IS NOT …) */
             const gint64    *values,
             guint            n_values,
             const char      *label,
             GError         **error)
{
  return dossier_project_ensure_open (self, error) &&
         dossier_project_require_row (self, DOSSIER_ROW_STAKEHOLDER, stakeholder_id, error) &&
         dossier_project_set_ints (self, "stakeholders", stakeholder_id, sql, values, n_values,
                                   DOSSIER_STANCE_UNKNOWN, label, error);
}

gboolean
dossier_project_set_stakeholder_kind (DossierProject          *self,
                                      gint64                   stakeholder_id,
                                      DossierStakeholderKind   kind,
                                      GError                 **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_auto(DossierStmt) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!check_kind (kind, error) ||
      !dossier_project_ensure_open (self, error) ||
      !dossier_project_require_row (self, DOSSIER_ROW_STAKEHOLDER, stakeholder_id, error) ||
      !dossier_action_begin (&action, self, error))
    return FALSE;

  stmt = dossier_project_prepare (self,
                                  "UPDATE stakeholders SET kind = ?2 WHERE id = ?1 AND kind IS NOT ?2",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stakeholder_id);
  dossier_bind_text (stmt, 2, dossier_stakeholder_kind_to_string (kind));
  if (!dossier_project_run (self, stmt, error))
    return FALSE;

  dossier_project_touch (self, "stakeholders", stakeholder_id);
  return dossier_action_commit (&action, _("Change Kind of Stakeholder"), error);
}

static const DossierTextColumn description_column = {
  "stakeholders", "description", NULL, DOSSIER_TEXT_FLAGS_NONE,
  NULL, N_("The description is not valid UTF-8 text."), DOSSIER_TEXT_MAX_FREE,
};
static const DossierTextColumn stance_column = {
  "stakeholders", "stance", NULL, DOSSIER_TEXT_FLAGS_NONE,
  NULL, N_("The stance is not valid UTF-8 text."), DOSSIER_TEXT_MAX_FREE,
};
static const DossierTextColumn interests_column = {
  "stakeholders", "interests", NULL, DOSSIER_TEXT_FLAGS_NONE,
  NULL, N_("The interests are not valid UTF-8 text."), DOSSIER_TEXT_MAX_FREE,
};

gboolean
dossier_project_set_stakeholder_description (DossierProject  *self,
                                             gint64           stakeholder_id,
                                             const char      *description,
                                             GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  return dossier_project_set_text (self, &description_column, stakeholder_id, description,
                                   _("Edit Description"), error);
}

gboolean
dossier_project_set_stakeholder_stance (DossierProject  *self,
                                        gint64           stakeholder_id,
                                        const char      *stance,
                                        GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  return dossier_project_set_text (self, &stance_column, stakeholder_id, stance, _("Edit Stance"),
                                   error);
}

gboolean
dossier_project_set_stakeholder_interests (DossierProject  *self,
                                           gint64           stakeholder_id,
                                           const char      *interests,
                                           GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  return dossier_project_set_text (self, &interests_column, stakeholder_id, interests,
                                   _("Edit Interests"), error);
}

gboolean
dossier_project_set_stakeholder_stance_position (DossierProject  *self,
                                                 gint64           stakeholder_id,
                                                 int              position,
                                                 GError         **error)
{
  gint64 value;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_check_stance (position, error))
    return FALSE;

  value = position;
  return set_columns (self, stakeholder_id,
                      "UPDATE stakeholders SET stance_position = ?2 "
                      "WHERE id = ?1 AND stance_position IS NOT ?2",
                      &value, 1, _("Change Stance"), error);
}

gboolean
dossier_project_set_stakeholder_ratings (DossierProject  *self,
                                         gint64           stakeholder_id,
                                         int              power,
                                         int              interest,
                                         GError         **error)
{
  gint64 values[2] = { power, interest };

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!check_rating (power, error) || !check_rating (interest, error))
    return FALSE;

  return set_columns (self, stakeholder_id,
                      "UPDATE stakeholders SET power = ?2, interest = ?3 "
                      "WHERE id = ?1 AND (power IS NOT ?2 OR interest IS NOT ?3)",
                      values, 2, _("Rate Power and Interest"), error);
}

gboolean
dossier_project_set_stakeholder_color (DossierProject  *self,
                                       gint64           stakeholder_id,
                                       const char      *color,
                                       GError         **error)
{
  static const DossierTextColumn color_column = {
    "stakeholders", "color", NULL, DOSSIER_TEXT_ONE_LINE, NULL, NULL,
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_check_color (color, error))
    return FALSE;

  lower = g_ascii_strdown (color, -1);
  return dossier_project_set_text (self, &color_column, stakeholder_id, lower,
                                   _("Change Colour"), error);
}

gboolean
dossier_project_move_stakeholder (DossierProject  *self,
                                  gint64           stakeholder_id,
                                  int              position,
                                  GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  return dossier_project_move_row (self, DOSSIER_ROW_STAKEHOLDER, stakeholder_id, position,
                                   _("Move Stakeholder"), error);
}

/* Arguments made from its perspective are nobody's after it goes. */
static gboolean
touch_arguments_of (DossierProject  *self,
                    gint64           stakeholder_id,
                    GError         **error)
{
  g_autoptr(GArray) ids = dossier_project_read_ids (self,
                                                    "SELECT id FROM arguments WHERE stakeholder = ?1",
                                                    stakeholder_id, NULL, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    dossier_project_touch (self, "arguments", g_array_index (ids, gint64, i));
  return TRUE;
}

static gboolean
delete_stakeholder_row (DossierProject  *self,
                        gint64           stakeholder_id,
                        GError         **error)
{
  /* Its evidence, mentions go with it (cascade), its arguments become
   * nobody's (SET NULL); the rest close ranks. */
  return dossier_project_delete_placed_row (self, DOSSIER_ROW_STAKEHOLDER, stakeholder_id, error);
}

gboolean
dossier_project_delete_stakeholder (DossierProject  *self,
                                    gint64           stakeholder_id,
                                    GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autoptr(GArray) highlights = NULL;
  g_autoptr(GStrvBuilder) old_names = g_strv_builder_new ();
  g_autofree char *label = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_row (self, DOSSIER_ROW_STAKEHOLDER, stakeholder_id, error))
    return FALSE;

  label = g_strdup_printf (_("Delete Stakeholder “%s”"), stakeholder_name (self, stakeholder_id));

  if (!dossier_action_begin (&action, self, error))
    return FALSE;

  highlights = dossier_project_read_ids (self, evidence_table.cited_sql, stakeholder_id, NULL,
                                         error);
  if (highlights == NULL ||
      !add_stored_names (self, stakeholder_id, old_names, error) ||
      !touch_arguments_of (self, stakeholder_id, error) ||
      !delete_stakeholder_row (self, stakeholder_id, error) ||
      !dossier_project_drop_bare_highlights (self, highlights, error) ||
      /* Its names no longer hide shorter ones of others, where found. */
      !update_mentions_of (self, 0, old_names, error))
    return FALSE;

  return dossier_action_commit (&action, label, error);
}

gboolean
dossier_project_merge_stakeholders (DossierProject  *self,
                                    gint64           source_id,
                                    gint64           target_id,
                                    GError         **error)
{
  static const char * const move_sql[] = {
    /* Evidence both cite keeps the target's note and role. */
    "INSERT OR IGNORE INTO stakeholder_evidence (stakeholder, highlight, note, role, "
    "  stance_position) "
    "SELECT ?2, highlight, note, role, stance_position FROM stakeholder_evidence "
    "WHERE stakeholder = ?1",
    "UPDATE arguments SET stakeholder = ?2 WHERE stakeholder = ?1",
  };
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) aliases = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *label = NULL;
  DossierStakeholder *source, *target;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_row (self, DOSSIER_ROW_STAKEHOLDER, source_id, error) ||
      !dossier_project_require_row (self, DOSSIER_ROW_STAKEHOLDER, target_id, error))
    return FALSE;

  if (source_id == target_id)
    {
      g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                           _("A stakeholder cannot be merged into itself."));
      return FALSE;
    }

  source = dossier_project_get_stakeholder (self, source_id);
  target = dossier_project_get_stakeholder (self, target_id);
  if (source == NULL || target == NULL)
    return FALSE;

  g_strv_builder_addv (builder, (const char **) dossier_stakeholder_get_aliases (target));
  g_strv_builder_add (builder, dossier_stakeholder_get_name (source));
  g_strv_builder_addv (builder, (const char **) dossier_stakeholder_get_aliases (source));
  aliases = g_strv_builder_end (builder);
  joined = join_aliases (dossier_stakeholder_get_name (target), (const char * const *) aliases,
                         error);
  if (joined == NULL)
    return FALSE;

  label = g_strdup_printf (_("Merge “%s” into “%s”"), dossier_stakeholder_get_name (source),
                           dossier_stakeholder_get_name (target));

  if (!dossier_action_begin (&action, self, error) ||
      !touch_arguments_of (self, source_id, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (move_sql); i++)
    {
      g_auto(DossierStmt) stmt = dossier_project_prepare (self, move_sql[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, source_id);
      sqlite3_bind_int64 (stmt, 2, target_id);
      if (!dossier_project_run (self, stmt, error))
        return FALSE;
    }

  if (!delete_stakeholder_row (self, source_id, error) ||
      !write_names (self, target_id, dossier_stakeholder_get_name (target), joined, error))
    return FALSE;

  return dossier_action_commit (&action, label, error);
}

/* ---- Evidence ------------------------------------------------------------------------ */

/* Cites what @citation says for the stakeholder, labelled with its name. */
static gint64
add_evidence (DossierProject        *self,
              gint64                 stakeholder_id,
              const DossierCiting   *citation,
              GError               **error)
{
  g_autofree char *label = g_strdup_printf (_("Cite Evidence for “%s”"),
                                            stakeholder_name (self, stakeholder_id));

  return dossier_project_add_evidence (self, &evidence_table, stakeholder_id, citation, label,
                                       error);
}

gboolean
dossier_project_add_stakeholder_evidence (DossierProject       *self,
                                          gint64                stakeholder_id,
                                          gint64                highlight_id,
                                          const char           *note,
                                          DossierEvidenceRole   role,
                                          int                   stance_position,
                                          GError              **error)
{
  DossierCiting citation = {
    .highlight_id = highlight_id, .note = note, .role = role, .stance_position = stance_position,
  };

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  return add_evidence (self, stakeholder_id, &citation, error) != 0;
}

gint64
dossier_project_add_stakeholder_evidence_range (DossierProject       *self,
                                                gint64                stakeholder_id,
                                                gint64                document_id,
                                                gint64                start,
                                                gint64                end,
                                                const char           *note,
                                                DossierEvidenceRole   role,
                                                int                   stance_position,
                                                GError              **error)
{
  DossierCiting citation = {
    .by_range = TRUE, .document_id = document_id, .start = start, .end = end,
    .note = note, .role = role, .stance_position = stance_position,
  };

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);

  return add_evidence (self, stakeholder_id, &citation, error);
}

gboolean
dossier_project_remove_stakeholder_evidence (DossierProject  *self,
                                             gint64           stakeholder_id,
                                             gint64           highlight_id,
                                             GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  return dossier_project_remove_evidence (self, &evidence_table, stakeholder_id, highlight_id,
                                          error);
}

GPtrArray *
dossier_project_list_stakeholder_evidence (DossierProject  *self,
                                           gint64           stakeholder_id,
                                           GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return dossier_project_list_evidence (self, &evidence_table, stakeholder_id, error);
}

GArray *
dossier_project_list_stakeholder_stances (DossierProject  *self,
                                          gint64           stakeholder_id,
                                          GError         **error)
{
  g_autoptr(GArray) stances = g_array_new (FALSE, FALSE, sizeof (DossierSourceStance));
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  if (!dossier_project_ensure_open (self, error))
    return NULL;

  stmt = dossier_project_prepare (self,
                                  "SELECT h.document, avg (e.stance_position), count(*) "
                                  "FROM stakeholder_evidence e "
                                  "JOIN highlights h ON h.id = e.highlight "
                                  "JOIN documents d ON d.id = h.document "
                                  "WHERE e.stakeholder = ?1 AND e.role = 'stance' "
                                  "  AND e.stance_position BETWEEN -2 AND 2 "
                                  "GROUP BY h.document ORDER BY h.document",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, stakeholder_id);
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      DossierSourceStance stance;
      double mean = sqlite3_column_double (stmt, 1);

      stance.document_id = sqlite3_column_int64 (stmt, 0);
      /* Halves away from neutral: one "for" and one "strongly for" is for… */
      stance.position = CLAMP ((int) (mean < 0 ? mean - 0.5 : mean + 0.5),
                               DOSSIER_STANCE_MIN, DOSSIER_STANCE_MAX);
      stance.n_evidence = (guint) sqlite3_column_int64 (stmt, 2);
      g_array_append_val (stances, stance);
    }

  return rc == SQLITE_DONE ? g_steal_pointer (&stances) : NULL;
}

/* ---- Evidence, stakeholders' and arguments' alike -------------------------------- */

/* Citing, unciting and listing, the highlights that go when nothing holds
 * them any more, and which citers an action's changes make read again:
 * what differs between stakeholders and arguments is their tables, in a
 * DossierEvidenceTable, so that a fix to one reaches both. */

gboolean
dossier_project_drop_bare_highlights (DossierProject  *self,
                                      GArray          *highlight_ids,
                                      GError         **error)
{
  for (guint i = 0; i < highlight_ids->len; i++)
    {
      gint64 id = g_array_index (highlight_ids, gint64, i);
      g_auto(DossierStmt) find = NULL;
      g_auto(DossierStmt) stmt = NULL;
      gint64 document_id;
      int rc;

      find = dossier_project_prepare (self, "SELECT document FROM highlights WHERE id = ?1", error);
      if (find == NULL)
        return FALSE;
      sqlite3_bind_int64 (find, 1, id);
      rc = dossier_project_step (self, find, error);
      if (rc == SQLITE_DONE)
        continue;
      if (rc != SQLITE_ROW)
        return FALSE;
      document_id = sqlite3_column_int64 (find, 0);
      sqlite3_reset (find);

      stmt = dossier_project_prepare (self, DOSSIER_DELETE_BARE_HIGHLIGHT, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!dossier_project_run (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (self->db) > 0)
        dossier_project_touch (self, "highlights", document_id);
    }

  return TRUE;
}

GPtrArray *
dossier_project_list_evidence (DossierProject             *self,
                               const DossierEvidenceTable *table,
                               gint64                      owner_id,
                               GError                    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_evidence_free);
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  if (!dossier_project_ensure_open (self, error))
    return NULL;

  stmt = dossier_project_prepare (self, table->list_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, owner_id);
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(DossierEvidence) evidence = g_new0 (DossierEvidence, 1);
      DossierEvidenceRole role;

      evidence->owner_id = owner_id;
      /* (Valid UTF-8 whatever the file holds: the window lays it out.) */
      evidence->note = dossier_column_dup (stmt, 1);
      if (evidence->note == NULL)
        evidence->note = g_strdup ("");
      evidence->role = dossier_evidence_role_from_string (dossier_column_text (stmt, 2), &role) ?
                       role : DOSSIER_EVIDENCE_NONE;
      evidence->stance_position = evidence->role == DOSSIER_EVIDENCE_STANCE
                                  ? dossier_column_stance (stmt, 3) : DOSSIER_STANCE_UNKNOWN;
      evidence->highlight = dossier_project_get_highlight (self, sqlite3_column_int64 (stmt, 0),
                                                           error);
      if (evidence->highlight == NULL)
        return NULL;
      g_ptr_array_add (list, g_steal_pointer (&evidence));
    }

  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

/* An argument's evidence has no role: DOSSIER_EVIDENCE_NONE and
 * DOSSIER_STANCE_UNKNOWN pass. */
static gboolean
check_evidence (const char           *note,
                DossierEvidenceRole   role,
                int                   stance_position,
                GError              **error)
{
  if (!dossier_check_note (note, error))
    return FALSE;

  if (note != NULL && g_utf8_strlen (note, -1) > DOSSIER_TEXT_MAX_FREE)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("A note on evidence can be at most %d characters long."), DOSSIER_TEXT_MAX_FREE);
      return FALSE;
    }

  if ((guint) role > DOSSIER_EVIDENCE_QUOTE)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("Unknown role of evidence %d."), (int) role);
      return FALSE;
    }

  if (role != DOSSIER_EVIDENCE_STANCE && stance_position != DOSSIER_STANCE_UNKNOWN)
    {
      g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                           _("Only evidence of a stance says which stance it shows."));
      return FALSE;
    }

  return dossier_check_stance (stance_position, error);
}

gboolean
dossier_project_cite (DossierProject              *self,
                      const DossierEvidenceTable  *table,
                      gint64                       owner_id,
                      gint64                       highlight_id,
                      const DossierCiting         *citation,
                      GError                     **error)
{
  g_auto(DossierStmt) stmt = NULL;

  stmt = dossier_project_prepare (self, table->cite_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, owner_id);
  sqlite3_bind_int64 (stmt, 2, highlight_id);
  dossier_bind_text (stmt, 3, citation->note != NULL ? citation->note : "");
  if (sqlite3_bind_parameter_count (stmt) >= 5)
    {
      dossier_bind_optional_text (stmt, 4, dossier_evidence_role_to_string (citation->role));
      dossier_bind_stance (stmt, 5, citation->stance_position);
    }
  if (!dossier_project_run (self, stmt, error))
    return FALSE;

  dossier_project_touch (self, table->table, owner_id);
  return TRUE;
}

gint64
dossier_project_add_evidence (DossierProject              *self,
                              const DossierEvidenceTable  *table,
                              gint64                       owner_id,
                              const DossierCiting         *citation,
                              const char                  *label,
                              GError                     **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  gint64 highlight_id = citation->highlight_id;

  if (!dossier_project_ensure_open (self, error) ||
      !check_evidence (citation->note, citation->role, citation->stance_position, error) ||
      !dossier_project_require_row (self, table->kind, owner_id, error) ||
      (!citation->by_range &&
       !dossier_project_require_row (self, DOSSIER_ROW_HIGHLIGHT, highlight_id, error)) ||
      !dossier_action_begin (&action, self, error))
    return 0;

  if (citation->by_range)
    highlight_id = dossier_project_evidence_highlight (self, citation->document_id,
                                                       citation->start, citation->end, error);
  if (highlight_id == 0 ||
      !dossier_project_cite (self, table, owner_id, highlight_id, citation, error) ||
      !dossier_action_commit (&action, label, error))
    return 0;

  return highlight_id;
}

/* Removes one evidence link, and the highlight if nothing else holds it. */
static gboolean
uncite (DossierProject              *self,
        const DossierEvidenceTable  *table,
        gint64                       owner_id,
        gint64                       highlight_id,
        GError                     **error)
{
  g_auto(DossierStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  stmt = dossier_project_prepare (self, table->uncite_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, owner_id);
  sqlite3_bind_int64 (stmt, 2, highlight_id);
  if (!dossier_project_run (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND,
                   _("Highlight %" PRId64 " is not cited as evidence there."), highlight_id);
      return FALSE;
    }

  g_array_append_val (ids, highlight_id);
  return dossier_project_drop_bare_highlights (self, ids, error);
}

gboolean
dossier_project_remove_evidence (DossierProject              *self,
                                 const DossierEvidenceTable  *table,
                                 gint64                       owner_id,
                                 gint64                       highlight_id,
                                 GError                     **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_row (self, table->kind, owner_id, error) ||
      !dossier_action_begin (&action, self, error) ||
      !uncite (self, table, owner_id, highlight_id, error))
    return FALSE;

  dossier_project_touch (self, table->table, owner_id);
  return dossier_action_commit (&action, _("Remove Evidence"), error);
}

/* The rows the action touched are read again: those it edited, those
 * whose evidence or mentions changed (noted from its changeset by
 * dossier_project_note_citers (): a document deleted takes its
 * highlights, their evidence and its mentions with it, and its undo
 * brings them back), and where a row shows something of the documents
 * its evidence is in (an argument's outlets), those citing a document
 * the action changed. A document imported is cited by nobody: the lists
 * are not read again, however long. Documents changed in bulk read the
 * whole list again. */
gboolean
dossier_project_collect_citers (DossierProject              *self,
                                const DossierChanges        *changes,
                                const DossierEvidenceTable  *table,
                                GHashTable                  *ids)
{
  g_autoptr(GArray) documents = NULL;
  g_auto(DossierStmt) stmt = NULL;

  if (dossier_changes_get_reload (changes, "documents") || dossier_changes_get_reload (changes, "blocks") ||
      dossier_changes_get_reload (changes, table->table))
    return FALSE;

  dossier_id_set_add_all (ids, dossier_changes_get_rows (changes, table->table));
  if (table->of_document_sql == NULL)
    return TRUE;

  documents = dossier_changes_get_sorted (changes, "documents");
  if (documents->len == 0)
    return TRUE;
  stmt = dossier_project_prepare (self, table->of_document_sql, NULL);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < documents->len; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (documents, gint64, i));
      while ((rc = dossier_project_step (self, stmt, NULL)) == SQLITE_ROW)
        dossier_id_set_add (ids, sqlite3_column_int64 (stmt, 0));
      if (rc != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

/* The rows whose changes say who cites what, and the citers. */
static const struct { const char *evidence; const char *citers; } citer_tables[] = {
  { "stakeholder_evidence", "stakeholders" },
  { "argument_evidence", "arguments" },
  { "stakeholder_mentions", "stakeholders" },
};

int
dossier_project_attach_citer_tables (sqlite3_session *session)
{
  int rc = SQLITE_OK;

  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (citer_tables); i++)
    rc = sqlite3session_attach (session, citer_tables[i].evidence);
  return rc;
}

void
dossier_project_note_citers (DossierProject *self)
{
  sqlite3_changeset_iter *iter = NULL;
  void *changeset = NULL;
  int n_changeset = 0;
  gboolean corrupt = FALSE;
  int rc;

  g_assert (self->citer_session != NULL);

  rc = sqlite3session_changeset (self->citer_session, &n_changeset, &changeset);
  if (rc == SQLITE_OK && n_changeset <= 0)
    {
      sqlite3_free (changeset);
      return;
    }
  if (rc == SQLITE_OK)
    rc = sqlite3changeset_start (&iter, n_changeset, changeset);
  while (iter != NULL && (rc = sqlite3changeset_next (iter)) == SQLITE_ROW)
    {
      const char *table;
      sqlite3_value *citer = NULL;
      int n_columns, op, indirect;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      for (guint i = 0; i < G_N_ELEMENTS (citer_tables); i++)
        {
          if (strcmp (table, citer_tables[i].evidence) != 0)
            continue;
          /* The citer is the first column of the primary key: in the new
           * record of an insert, the old one otherwise. */
          if (op == SQLITE_INSERT)
            sqlite3changeset_new (iter, 0, &citer);
          else
            sqlite3changeset_old (iter, 0, &citer);
          if (citer != NULL)
            dossier_project_touch (self, citer_tables[i].citers, sqlite3_value_int64 (citer));
          else
            corrupt = TRUE;
        }
    }
  if (iter != NULL && sqlite3changeset_finalize (iter) != SQLITE_OK)
    rc = SQLITE_ERROR;
  sqlite3_free (changeset);

  /* Who cited what is not known: the lists are read again. */
  if (corrupt || (rc != SQLITE_OK && rc != SQLITE_DONE))
    for (guint i = 0; i < G_N_ELEMENTS (citer_tables); i++)
      dossier_project_touch_table (self, citer_tables[i].citers);
}

gboolean
dossier_project_get_highlight_evidence (DossierProject  *self,
                                        gint64           highlight_id,
                                        GArray         **stakeholder_ids,
                                        GArray         **argument_ids,
                                        GError         **error)
{
  g_autoptr(GArray) stakeholders = NULL;
  g_autoptr(GArray) arguments = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_row (self, DOSSIER_ROW_HIGHLIGHT, highlight_id, error))
    return FALSE;

  stakeholders = dossier_project_read_ids (self,
                                           "SELECT stakeholder FROM stakeholder_evidence "
                                           "WHERE highlight = ?1 ORDER BY stakeholder",
                                           highlight_id, NULL, error);
  if (stakeholders == NULL)
    return FALSE;
  arguments = dossier_project_read_ids (self,
                                        "SELECT argument FROM argument_evidence "
                                        "WHERE highlight = ?1 ORDER BY argument",
                                        highlight_id, NULL, error);
  if (arguments == NULL)
    return FALSE;

  if (stakeholder_ids != NULL)
    *stakeholder_ids = g_steal_pointer (&stakeholders);
  if (argument_ids != NULL)
    *argument_ids = g_steal_pointer (&arguments);
  return TRUE;
}

/* ---- Suggestions -------------------------------------------------------------------- */

/* The folded keys of what was dismissed (@document_id 0: for any
 * document). */
GHashTable *
dossier_project_dismissed_keys (DossierProject  *self,
                                const char      *kind,
                                gint64           document_id,
                                GError         **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (self,
                                  "SELECT key FROM dismissed_suggestions "
                                  "WHERE kind = ?1 AND ifnull (document, 0) = ?2",
                                  error);
  if (stmt == NULL)
    return NULL;

  dossier_bind_text (stmt, 1, kind);
  sqlite3_bind_int64 (stmt, 2, document_id);
  /* A key a file holds as NULL dismisses nothing. */
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    if (dossier_column_text (stmt, 0) != NULL)
      g_hash_table_add (keys, g_strdup (dossier_column_text (stmt, 0)));

  return rc == SQLITE_DONE ? g_steal_pointer (&keys) : NULL;
}

/* Within an action: never suggests @key again (for @document_id, or any
 * document for 0). */
static gboolean
dismiss_key (DossierProject  *self,
             const char      *kind,
             gint64           document_id,
             const char      *key,
             GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;

  stmt = dossier_project_prepare (self,
                                  "INSERT OR IGNORE INTO dismissed_suggestions (kind, document, key) "
                                  "VALUES (?1, ?2, ?3)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  dossier_bind_text (stmt, 1, kind);
  if (document_id > 0)
    sqlite3_bind_int64 (stmt, 2, document_id);
  else
    sqlite3_bind_null (stmt, 2);
  dossier_bind_text (stmt, 3, key);
  /* The panels suggest again without it once this is undone. */
  dossier_project_touch_table (self, "dismissed_suggestions");
  return dossier_project_run (self, stmt, error);
}

GPtrArray *
dossier_project_suggest (DossierProject     *self,
                         gint64              document_id,
                         DossierSuggestFunc  suggest,
                         GError            **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) blocks = NULL;

  if (!dossier_project_ensure_open (self, error))
    return NULL;

  text = dossier_project_get_document_text (self, document_id, error);
  if (text == NULL)
    return NULL;
  blocks = dossier_project_get_document_blocks (self, document_id, error);
  if (blocks == NULL)
    return NULL;

  return suggest (text, (const DossierBlock *) (void *) blocks->data, blocks->len);
}

gboolean
dossier_project_dismiss_suggested (DossierProject  *self,
                                   const char      *kind,
                                   gint64           document_id,
                                   GPtrArray       *keys,
                                   guint            n_suggestions,
                                   GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;

  if (n_suggestions == 0)
    return TRUE;

  if (!dossier_action_begin (&action, self, error))
    return FALSE;

  for (guint i = 0; i < keys->len; i++)
    if (!dismiss_key (self, kind, document_id, g_ptr_array_index (keys, i), error))
      return FALSE;

  return dossier_action_commit (&action,
                                n_suggestions == 1 ? _("Dismiss Suggestion")
                                                   : _("Dismiss Suggestions"),
                                error);
}

/* Every form a suggestion goes by, folded. */
static GPtrArray *
suggestion_keys (const DossierStakeholderSuggestion *suggestion)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (keys, dossier_text_fold (suggestion->name));
  for (guint i = 0; suggestion->aliases != NULL && suggestion->aliases[i] != NULL; i++)
    g_ptr_array_add (keys, dossier_text_fold (suggestion->aliases[i]));

  return keys;
}

/* Whether a name of @suggestion is another of @stakeholder's (see
 * dossier_suggest_same_names ()). */
static gboolean
names_same_stakeholder (const DossierStakeholderSuggestion *suggestion,
                        DossierStakeholder                 *stakeholder)
{
  const char * const *aliases = dossier_stakeholder_get_aliases (stakeholder);
  const char *name = dossier_stakeholder_get_name (stakeholder);

  for (guint i = 0; i == 0 || suggestion->aliases[i - 1] != NULL; i++)
    {
      const char *form = i == 0 ? suggestion->name : suggestion->aliases[i - 1];

      if (dossier_suggest_same_names (form, name))
        return TRUE;
      for (guint j = 0; aliases[j] != NULL; j++)
        if (dossier_suggest_same_names (form, aliases[j]))
          return TRUE;
    }
  return FALSE;
}

GPtrArray *
dossier_project_suggest_stakeholders (DossierProject  *self,
                                      gint64           document_id,
                                      GError         **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) dismissed = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *kept;
  GListModel *model;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  all = dossier_project_suggest (self, document_id, dossier_suggest_stakeholders, error);
  if (all == NULL)
    return NULL;
  dismissed = dossier_project_dismissed_keys (self, "stakeholder", 0, error);
  if (dismissed == NULL)
    return NULL;

  model = G_LIST_MODEL (self->stakeholders);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (model, i);
      const char * const *aliases = dossier_stakeholder_get_aliases (s);

      g_hash_table_add (known, dossier_text_fold (dossier_stakeholder_get_name (s)));
      for (guint j = 0; aliases[j] != NULL; j++)
        g_hash_table_add (known, dossier_text_fold (aliases[j]));
    }

  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_stakeholder_suggestion_free);
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(GPtrArray) keys = suggestion_keys (g_ptr_array_index (all, i));
      gboolean drop = FALSE;

      for (guint k = 0; k < keys->len && !drop; k++)
        drop = g_hash_table_contains (known, g_ptr_array_index (keys, k)) ||
               g_hash_table_contains (dismissed, g_ptr_array_index (keys, k));
      if (!drop)
        g_ptr_array_add (kept, g_ptr_array_steal_index (all, i--));
    }

  /* "Port Calder council" beside "Port Calder City Council": the same
   * body by another name, offered as its alias, not as a second one. */
  for (guint i = 0; i < kept->len; i++)
    {
      DossierStakeholderSuggestion *suggestion = g_ptr_array_index (kept, i);

      for (guint j = 0; j < g_list_model_get_n_items (model) && suggestion->same_as == 0; j++)
        {
          g_autoptr(DossierStakeholder) s = g_list_model_get_item (model, j);

          if (names_same_stakeholder (suggestion, s))
            suggestion->same_as = dossier_stakeholder_get_id (s);
        }
      /* A name the text never uses adds nothing to one it has. */
      if (suggestion->same_as != 0 && suggestion->n_mentions == 0)
        g_ptr_array_remove_index (kept, i--);
    }

  return kept;
}

gint64
dossier_project_accept_stakeholder_suggestion (DossierProject                     *self,
                                               const DossierStakeholderSuggestion *suggestion,
                                               gint64                              merge_into_id,
                                               GError                            **error)
{
  DossierStakeholder *target;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) aliases = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);
  g_return_val_if_fail (suggestion != NULL, 0);

  if (merge_into_id == 0)
    return dossier_project_add_stakeholder (self, suggestion->name,
                                            (const char * const *) suggestion->aliases,
                                            suggestion->kind, error);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_row (self, DOSSIER_ROW_STAKEHOLDER, merge_into_id, error))
    return 0;

  target = dossier_project_get_stakeholder (self, merge_into_id);
  if (target == NULL)
    return 0;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) dossier_stakeholder_get_aliases (target));
  g_strv_builder_add (builder, suggestion->name);
  if (suggestion->aliases != NULL)
    g_strv_builder_addv (builder, (const char **) suggestion->aliases);
  aliases = g_strv_builder_end (builder);

  if (!dossier_project_set_stakeholder_aliases (self, merge_into_id,
                                                (const char * const *) aliases, error))
    return 0;

  return merge_into_id;
}

gboolean
dossier_project_dismiss_stakeholder_suggestions (DossierProject                      *self,
                                                 DossierStakeholderSuggestion * const *suggestions,
                                                 guint                                n_suggestions,
                                                 GError                             **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (suggestions != NULL || n_suggestions == 0, FALSE);

  for (guint i = 0; i < n_suggestions; i++)
    {
      g_autoptr(GPtrArray) forms = suggestion_keys (suggestions[i]);

      g_ptr_array_extend_and_steal (keys, g_steal_pointer (&forms));
    }

  return dossier_project_dismiss_suggested (self, "stakeholder", 0, keys, n_suggestions, error);
}
