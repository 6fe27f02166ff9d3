/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-arguments.c — a project's questions and their pros and
 * cons: the two list models, the actions that edit them, their evidence,
 * and the arguments suggested by an article's own lists.
 */

#include "config.h"

#include "dossier-project-private.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include <dossier/dossier-text.h>

/* Where an argument's evidence is (dossier-project-stakeholders.c): a note,
 * no role. */
static const DossierEvidenceTable evidence_table = {
  .kind = DOSSIER_ROW_ARGUMENT,
  .table = "arguments",
  .cite_sql =
  "INSERT INTO argument_evidence (argument, highlight, note) VALUES (?1, ?2, ?3) "
  "ON CONFLICT (argument, highlight) DO UPDATE SET note = excluded.note",
  .uncite_sql = "DELETE FROM argument_evidence WHERE argument = ?1 AND highlight = ?2",
  .list_sql =
  "SELECT e.highlight, e.note, NULL, NULL FROM argument_evidence e "
  "JOIN highlights h ON h.id = e.highlight WHERE e.argument = ?1 "
  "AND " DOSSIER_SQL_DOCUMENT_EXISTS ("h.document") " "
  "ORDER BY h.document, h.start, h.end, h.id",
  .cited_sql = "SELECT highlight FROM argument_evidence WHERE argument = ?1",
  /* Its outlets. */
  .of_document_sql =
  "SELECT DISTINCT e.argument FROM highlights h JOIN argument_evidence e ON e.highlight = h.id "
  "WHERE h.document = ?1",
};

/* An argument's citation: a note, no role. */
#define CITATION_INIT(note_) \
  { .note = (note_), .role = DOSSIER_EVIDENCE_NONE, .stance_position = DOSSIER_STANCE_UNKNOWN }

/* ---- The models ------------------------------------------------------------------ */

/* An argument's strength as read_argument () reads it (a file may hold
 * anything there): the integer sqlite3_column_int64 () makes of it,
 * clamped, so that a question's sums are those of the strengths shown. */
#define ARGUMENT_STRENGTH \
  "min (max (CAST (strength AS INTEGER), " G_STRINGIFY (DOSSIER_STRENGTH_MIN) "), " \
  G_STRINGIFY (DOSSIER_STRENGTH_MAX) ")"

/* A question's text and an argument's statement as far as Dossier writes
 * free text: one of 10 MB from elsewhere is not copied whole at opening. */
#define QUESTION_COLUMNS \
  "q.id, q.uuid, " DOSSIER_SQL_SHOWN_ROW ("questions", "q", "text", DOSSIER_TEXT_MAX_FREE) ", " \
  "q.position, " \
  "(SELECT count(*) FROM arguments WHERE question = q.id AND polarity = 'pro'), " \
  "(SELECT count(*) FROM arguments WHERE question = q.id AND polarity = 'con'), " \
  "(SELECT coalesce (sum (" ARGUMENT_STRENGTH "), 0) FROM arguments " \
  "   WHERE question = q.id AND polarity = 'pro'), " \
  "(SELECT coalesce (sum (" ARGUMENT_STRENGTH "), 0) FROM arguments " \
  "   WHERE question = q.id AND polarity = 'con')"

/* A document without an outlet is a source of its own. */
#define ARGUMENT_COLUMNS \
  "a.id, a.uuid, a.question, a.polarity, " \
  DOSSIER_SQL_SHOWN_ROW ("arguments", "a", "statement", DOSSIER_TEXT_MAX_FREE) ", " \
  "coalesce (a.stakeholder, 0), " \
  "a.strength, a.position, " \
  "(SELECT count(*) FROM argument_evidence e JOIN highlights h ON h.id = e.highlight " \
  "   WHERE e.argument = a.id AND " DOSSIER_SQL_DOCUMENT_EXISTS ("h.document") "), " \
  "(SELECT count (DISTINCT coalesce (nullif (" \
  DOSSIER_SQL_SHOWN_ROW ("documents", "d", "outlet", DOSSIER_SHOWN_CHARS) ", ''), '#' || d.id)) " \
  "   FROM argument_evidence e JOIN highlights h ON h.id = e.highlight " \
  "   JOIN documents d ON d.id = h.document WHERE e.argument = a.id)"

static GObject *
read_question (sqlite3_stmt *stmt,
               GObject      *existing)
{
  DossierQuestionData data;

  data.uuid = dossier_column_text (stmt, 1);
  data.text = dossier_column_text (stmt, 2);
  data.position = dossier_column_int_within (stmt, 3, 0, G_MAXINT);
  data.n_pros = (guint) sqlite3_column_int64 (stmt, 4);
  data.n_cons = (guint) sqlite3_column_int64 (stmt, 5);
  data.pro_strength = (guint) CLAMP (sqlite3_column_int64 (stmt, 6), 0, G_MAXUINT);
  data.con_strength = (guint) CLAMP (sqlite3_column_int64 (stmt, 7), 0, G_MAXUINT);

  if (existing == NULL)
    return G_OBJECT (dossier_question_new (sqlite3_column_int64 (stmt, 0), &data));

  dossier_question_update (DOSSIER_QUESTION (existing), &data);
  return existing;
}

static GObject *
read_argument (sqlite3_stmt *stmt,
               GObject      *existing)
{
  DossierArgumentData data;
  DossierPolarity polarity;

  data.uuid = dossier_column_text (stmt, 1);
  data.question_id = sqlite3_column_int64 (stmt, 2);
  data.polarity = dossier_polarity_from_string (dossier_column_text (stmt, 3), &polarity) ?
                  polarity : DOSSIER_POLARITY_PRO;
  data.statement = dossier_column_text (stmt, 4);
  data.stakeholder_id = sqlite3_column_int64 (stmt, 5);
  data.strength = dossier_column_int_within (stmt, 6, DOSSIER_STRENGTH_MIN, DOSSIER_STRENGTH_MAX);
  data.position = dossier_column_int_within (stmt, 7, 0, G_MAXINT);
  data.n_evidence = (guint) sqlite3_column_int64 (stmt, 8);
  data.n_sources = (guint) sqlite3_column_int64 (stmt, 9);

  if (existing == NULL)
    return G_OBJECT (dossier_argument_new (sqlite3_column_int64 (stmt, 0), &data));

  dossier_argument_update (DOSSIER_ARGUMENT (existing), &data);
  return existing;
}

static gboolean
load_questions (DossierProject  *self,
                GError         **error)
{
  return dossier_project_load_model (self,
                     "SELECT " QUESTION_COLUMNS " FROM questions q ORDER BY q.position, q.id",
                     read_question, self->questions, self->questions_by_id, error);
}

gboolean
dossier_project_load_questions_and_arguments (DossierProject  *self,
                                              GError         **error)
{
  return load_questions (self, error) &&
         dossier_project_load_model (self,
                     "SELECT " ARGUMENT_COLUMNS " FROM arguments a "
                     "JOIN questions q ON q.id = a.question "
                     "ORDER BY q.position, q.id, a.polarity = 'con', a.position, a.id",
                     read_argument, self->arguments, self->arguments_by_id, error);
}

/* The order of load_questions (): by place, then id. */
static int
compare_questions (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  DossierQuestion *x = (DossierQuestion *) a, *y = (DossierQuestion *) b;

  return dossier_compare_places (dossier_question_get_position (x), dossier_question_get_id (x),
                                 dossier_question_get_position (y), dossier_question_get_id (y));
}

/* The questions @ids read again alone: one added, renamed or deleted, or
 * whose arguments' counts changed. */
static gboolean
patch_questions (DossierProject  *self,
                 GHashTable      *ids,
                 GError         **error)
{
  return g_hash_table_size (ids) == 0 ||
         dossier_project_patch_model (self,
                                      "SELECT " QUESTION_COLUMNS " FROM questions q WHERE q.id = ?1",
                                      read_question, self->questions, self->questions_by_id,
                                      compare_questions, NULL, ids, error);
}

/* The order of the loading query: by question, pros before cons, then by
 * place. The questions are read first, so their places are current. */
static int
compare_arguments (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  DossierProject *self = data;
  DossierArgument *x = (DossierArgument *) a, *y = (DossierArgument *) b;
  gint64 qx = dossier_argument_get_question_id (x), qy = dossier_argument_get_question_id (y);

  if (qx != qy)
    {
      DossierQuestion *question_x = dossier_project_get_question (self, qx);
      DossierQuestion *question_y = dossier_project_get_question (self, qy);
      int px = question_x ? dossier_question_get_position (question_x) : G_MAXINT;
      int py = question_y ? dossier_question_get_position (question_y) : G_MAXINT;

      return px != py ? (px < py ? -1 : 1) : (qx < qy ? -1 : 1);
    }
  if (dossier_argument_get_polarity (x) != dossier_argument_get_polarity (y))
    return dossier_argument_get_polarity (x) == DOSSIER_POLARITY_PRO ? -1 : 1;
  if (dossier_argument_get_position (x) != dossier_argument_get_position (y))
    return dossier_argument_get_position (x) < dossier_argument_get_position (y) ? -1 : 1;
  return dossier_argument_get_id (x) < dossier_argument_get_id (y) ? -1 :
         dossier_argument_get_id (x) > dossier_argument_get_id (y);
}

static int
compare_argument_pointers (gconstpointer a,
                           gconstpointer b,
                           gpointer      data)
{
  return compare_arguments (*(DossierArgument * const *) a, *(DossierArgument * const *) b, data);
}

/* An argument's side, question and place before it is read again. */
typedef struct
{
  DossierPolarity polarity;
  gint64          question;
  int             position;
} ArgumentPlace;

/* The arguments @ids read again, each on its own, then the list put in
 * order in one splice over the range that differs: an argument moved
 * keeps its object (and the row showing it) and only the arguments
 * between its old and new place are said to change; one deleted or added
 * is one item out or in. An argument that changed sides or questions is
 * in the splice even if its place did not change, so that the lists
 * filtered by side see it go. */
static gboolean
reload_arguments (DossierProject  *self,
                  GHashTable      *ids,
                  GError         **error)
{
  GListModel *model = G_LIST_MODEL (self->arguments);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) updated = g_ptr_array_new ();
  g_autoptr(GHashTable) regrouped = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) before = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) items = NULL;
  gboolean reordered = FALSE;
  GHashTableIter iter;
  gpointer key;
  guint n, lo, suffix;

  /* Where each argument there was, to tell a move from an edit. */
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      DossierArgument *existing = g_hash_table_lookup (self->arguments_by_id, key);
      ArgumentPlace *place;

      if (existing == NULL)
        continue;
      place = g_new (ArgumentPlace, 1);
      place->polarity = dossier_argument_get_polarity (existing);
      place->question = dossier_argument_get_question_id (existing);
      place->position = dossier_argument_get_position (existing);
      g_hash_table_insert (before, existing, place);
    }

  if (!dossier_project_read_rows_alone (self,
                                        "SELECT " ARGUMENT_COLUMNS " FROM arguments a "
                                        "JOIN questions q ON q.id = a.question WHERE a.id = ?1",
                                        read_argument, self->arguments, self->arguments_by_id, ids,
                                        added, updated, error))
    return FALSE;

  for (guint i = 0; i < updated->len; i++)
    {
      DossierArgument *argument = g_ptr_array_index (updated, i);
      const ArgumentPlace *place = g_hash_table_lookup (before, argument);

      if (place->polarity != dossier_argument_get_polarity (argument) ||
          place->question != dossier_argument_get_question_id (argument))
        g_hash_table_add (regrouped, argument);
      else if (place->position != dossier_argument_get_position (argument))
        reordered = TRUE;
    }

  /* An edit that kept every place: nothing to splice. */
  if (added->len == 0 && g_hash_table_size (regrouped) == 0 && !reordered)
    return TRUE;

  n = g_list_model_get_n_items (model);
  items = g_ptr_array_new_full (n + added->len, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  for (guint i = 0; i < added->len; i++)
    g_ptr_array_add (items, g_object_ref (g_ptr_array_index (added, i)));
  g_ptr_array_sort_with_data (items, compare_argument_pointers, self);

  for (lo = 0; lo < n && lo < items->len; lo++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, lo);

      if (item != g_ptr_array_index (items, lo) || g_hash_table_contains (regrouped, item))
        break;
    }
  for (suffix = 0; suffix < n - lo && suffix < items->len - lo; suffix++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, n - 1 - suffix);

      if (item != g_ptr_array_index (items, items->len - 1 - suffix) ||
          g_hash_table_contains (regrouped, item))
        break;
    }
  if (lo == n && lo == items->len)
    return TRUE;
  g_list_store_splice (self->arguments, lo, n - lo - suffix,
                       items->pdata + lo, items->len - lo - suffix);
  return TRUE;
}

/* The arguments of a side whose places a renumbering (in @ids' order)
 * changes, and @moved, are what the commit reads again: not the list. */
static void
touch_renumbered (DossierProject *self,
                  GArray         *ids,
                  gint64          moved)
{
  dossier_project_touch (self, "arguments", moved);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      DossierArgument *argument = g_hash_table_lookup (self->arguments_by_id, &id);

      if (argument == NULL || dossier_argument_get_position (argument) != (int) i)
        dossier_project_touch (self, "arguments", id);
    }
}

/* Adds to @questions those of the arguments @ids in the model. */
static void
add_questions_of (DossierProject *self,
                  GHashTable     *ids,
                  GHashTable     *questions)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      DossierArgument *argument = g_hash_table_lookup (self->arguments_by_id, key);

      if (argument != NULL)
        dossier_id_set_add (questions, dossier_argument_get_question_id (argument));
    }
}

/* Outlets follow document details, and evidence follows documents and
 * texts (deleting or replacing one takes highlights with it): those read
 * both lists again, as does a change in the questions' order. An
 * argument added, edited, cited, moved or deleted is read again alone
 * (with those of its side whose places changed; deleting a stakeholder
 * touches the arguments made from its point of view), as are those whose
 * evidence a highlight deleted or merged changed. A question added,
 * edited or deleted is read again alone (deleting one touches its
 * arguments), and so are the questions of the arguments read, before and
 * after, for their counts: adding a question at 5,000 no longer reads
 * them all, nor their arguments. */
void
dossier_project_apply_arguments (DossierProject       *self,
                                 const DossierChanges *changes)
{
  g_autoptr(GHashTable) arguments = dossier_id_set_new ();
  g_autoptr(GHashTable) questions = dossier_id_set_new ();
  g_autoptr(GHashTable) questions_after = dossier_id_set_new ();
  GHashTableIter iter;
  gpointer key;

  if (dossier_changes_get_reload (changes, "questions") ||
      !dossier_project_collect_citers (self, changes, &evidence_table, arguments))
    {
      dossier_project_load_questions_and_arguments (self, NULL);
      return;
    }
  if (g_hash_table_size (arguments) == 0 && dossier_changes_get_rows (changes, "questions") == NULL)
    return;

  /* The questions first: the arguments are ordered by their places. */
  dossier_id_set_add_all (questions, dossier_changes_get_rows (changes, "questions"));
  add_questions_of (self, arguments, questions);
  if (!patch_questions (self, questions, NULL) ||
      (g_hash_table_size (arguments) > 0 && !reload_arguments (self, arguments, NULL)))
    {
      dossier_project_load_questions_and_arguments (self, NULL);
      return;
    }

  /* An argument moved to another question counts there now. */
  add_questions_of (self, arguments, questions_after);
  g_hash_table_iter_init (&iter, questions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_remove (questions_after, key);
  if (!patch_questions (self, questions_after, NULL))
    dossier_project_load_questions_and_arguments (self, NULL);
}

GListModel *
dossier_project_get_questions (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->questions);
}

DossierQuestion *
dossier_project_get_question (DossierProject *self,
                              gint64          question_id)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return g_hash_table_lookup (self->questions_by_id, &question_id);
}

GListModel *
dossier_project_get_arguments (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->arguments);
}

DossierArgument *
dossier_project_get_argument (DossierProject *self,
                              gint64          argument_id)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return g_hash_table_lookup (self->arguments_by_id, &argument_id);
}

/* The argument's question and polarity. */
static gboolean
require_argument (DossierProject   *self,
                  gint64            argument_id,
                  gint64           *question_id,
                  DossierPolarity  *polarity,
                  GError          **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (self,
                                  "SELECT question, polarity FROM arguments WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, argument_id);
  rc = dossier_project_step (self, stmt, error);
  if (rc == SQLITE_DONE)
    dossier_set_not_found (error, DOSSIER_ROW_ARGUMENT, argument_id);
  if (rc != SQLITE_ROW)
    return FALSE;

  if (question_id != NULL)
    *question_id = sqlite3_column_int64 (stmt, 0);
  if (polarity != NULL &&
      !dossier_polarity_from_string (dossier_column_text (stmt, 1), polarity))
    *polarity = DOSSIER_POLARITY_PRO;

  return TRUE;
}

static gboolean
require_perspective (DossierProject  *self,
                     gint64           stakeholder_id,
                     GError         **error)
{
  return stakeholder_id == 0 ||
         dossier_project_require_row (self, DOSSIER_ROW_STAKEHOLDER, stakeholder_id, error);
}

static gboolean
check_length (const char  *text,
              GError     **error)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) <= DOSSIER_ARGUMENT_MAX_TEXT)
    return TRUE;

  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
               _("The text is longer than %d characters: shorten it, and cite the "
                 "passage as evidence instead."), DOSSIER_ARGUMENT_MAX_TEXT);
  return FALSE;
}

/* Stripped, not blank, UTF-8, not too long, without controls (on
 * @one_line, line breaks and tabs become spaces). */
static char *
check_text (const char  *text,
            gboolean     one_line,
            const char  *empty_message,
            GError     **error)
{
  g_autofree char *stripped = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                           _("The text is not valid UTF-8."));
      return NULL;
    }

  stripped = g_strstrip (dossier_text_without_controls (text, !one_line));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                           empty_message);
      return NULL;
    }

  if (!check_length (stripped, error))
    return NULL;

  return g_steal_pointer (&stripped);
}

static gboolean
check_polarity (DossierPolarity   polarity,
                GError          **error)
{
  if (polarity == DOSSIER_POLARITY_PRO || polarity == DOSSIER_POLARITY_CON)
    return TRUE;

  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
               _("An argument is for or against a question, not %d."), (int) polarity);
  return FALSE;
}

static gboolean
check_strength (int          strength,
                GError     **error)
{
  if (strength >= DOSSIER_STRENGTH_MIN && strength <= DOSSIER_STRENGTH_MAX)
    return TRUE;

  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
               _("An argument’s strength goes from %d to %d, not %d."),
               DOSSIER_STRENGTH_MIN, DOSSIER_STRENGTH_MAX, strength);
  return FALSE;
}

#define ARGUMENT_ORDER_SQL \
  "SELECT id FROM arguments WHERE question = ?1 AND polarity = ?2 ORDER BY position, id"

#define RENUMBER_ARGUMENTS_SQL \
  "UPDATE arguments SET position = ?2 WHERE id = ?1 AND position IS NOT ?2"

/* ---- Questions ------------------------------------------------------------------------ */

gint64
dossier_project_add_question (DossierProject  *self,
                              const char      *text,
                              GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);

  if (!dossier_project_ensure_open (self, error))
    return 0;

  stripped = check_text (text, TRUE, _("A question needs a text: what is under debate?"), error);
  if (stripped == NULL || !dossier_action_begin (&action, self, error))
    return 0;

  stmt = dossier_project_prepare (self, DOSSIER_INSERT_QUESTION_SQL, error);
  if (stmt == NULL)
    return 0;

  uuid = g_uuid_string_random ();
  dossier_bind_text (stmt, 1, uuid);
  dossier_bind_text (stmt, 2, stripped);
  id = dossier_project_insert_new_row (self, DOSSIER_ROW_QUESTION, stmt, error);
  if (id == 0)
    return 0;
  dossier_project_touch (self, "questions", id);
  if (!dossier_action_commit (&action, _("Add Question"), error))
    return 0;

  return id;
}

static const DossierTextColumn question_column = {
  "questions", "text", NULL, DOSSIER_TEXT_REQUIRED | DOSSIER_TEXT_ONE_LINE,
  N_("A question needs a text: what is under debate?"), N_("The question is not valid UTF-8 text."),
};

gboolean
dossier_project_set_question_text (DossierProject  *self,
                                   gint64           question_id,
                                   const char      *text,
                                   GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!check_length (text, error))
    return FALSE;

  return dossier_project_set_text (self, &question_column, question_id, text,
                                   _("Edit Question"), error);
}

gboolean
dossier_project_move_question (DossierProject  *self,
                               gint64           question_id,
                               int              position,
                               GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  return dossier_project_move_row (self, DOSSIER_ROW_QUESTION, question_id, position,
                                   _("Move Question"), error);
}

gboolean
dossier_project_delete_question (DossierProject  *self,
                                 gint64           question_id,
                                 GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autoptr(GArray) highlights = NULL;
  g_autoptr(GArray) arguments = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_row (self, DOSSIER_ROW_QUESTION, question_id, error) ||
      !dossier_action_begin (&action, self, error))
    return FALSE;

  highlights = dossier_project_read_ids (self,
                                         "SELECT e.highlight FROM argument_evidence e "
                                         "JOIN arguments a ON a.id = e.argument "
                                         "WHERE a.question = ?1",
                                         question_id, NULL, error);
  arguments = dossier_project_read_ids (self, "SELECT id FROM arguments WHERE question = ?1",
                                        question_id, NULL, error);
  if (highlights == NULL || arguments == NULL)
    return FALSE;

  /* Its arguments and their evidence go with it (cascade). */
  if (!dossier_project_delete_placed_row (self, DOSSIER_ROW_QUESTION, question_id, error) ||
      !dossier_project_drop_bare_highlights (self, highlights, error))
    return FALSE;

  for (guint i = 0; i < arguments->len; i++)
    dossier_project_touch (self, "arguments", g_array_index (arguments, gint64, i));
  return dossier_action_commit (&action, _("Delete Question"), error);
}

/* ---- Arguments ----------------------------------------------------------------------- */

/* @fields checked, its statement stripped. */
static gint64
insert_argument (DossierProject               *self,
                 const DossierArgumentFields  *fields,
                 GError                      **error)
{
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 id;

  stmt = dossier_project_prepare (self,
                                  "INSERT INTO arguments (uuid, question, polarity, statement, "
                                  "  stakeholder, strength, position) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT coalesce (max (position) + 1, 0) "
                                  "  FROM arguments WHERE question = ?2 AND polarity = ?3))",
                                  error);
  if (stmt == NULL)
    return 0;

  dossier_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, fields->question_id);
  dossier_bind_text (stmt, 3, dossier_polarity_to_string (fields->polarity));
  dossier_bind_text (stmt, 4, fields->statement);
  if (fields->stakeholder_id > 0)
    sqlite3_bind_int64 (stmt, 5, fields->stakeholder_id);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int (stmt, 6, fields->strength);
  id = dossier_project_insert_new_row (self, DOSSIER_ROW_ARGUMENT, stmt, error);
  if (id == 0)
    return 0;

  dossier_project_touch (self, "arguments", id);
  dossier_project_touch (self, "questions", fields->question_id);
  return id;
}

/* The action "Add Pro" / "Add Con": the argument, citing what @citation
 * says when it is not NULL (its highlight in *@cited_id, may be NULL). */
static gint64
add_argument (DossierProject               *self,
              const DossierArgumentFields  *fields,
              const DossierCiting          *citation,
              gint64                       *cited_id,
              GError                      **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autofree char *stripped = NULL;
  DossierArgumentFields stored = *fields;
  gint64 highlight_id = 0;
  gint64 id;

  if (!dossier_project_ensure_open (self, error) ||
      !check_polarity (fields->polarity, error) ||
      !check_strength (fields->strength, error) ||
      !dossier_project_require_row (self, DOSSIER_ROW_QUESTION, fields->question_id, error) ||
      !require_perspective (self, fields->stakeholder_id, error))
    return 0;

  stripped = check_text (fields->statement, FALSE, _("An argument needs a statement."), error);
  if (stripped == NULL || !dossier_action_begin (&action, self, error))
    return 0;

  stored.statement = stripped;
  id = insert_argument (self, &stored, error);
  if (id == 0)
    return 0;
  if (citation != NULL)
    {
      highlight_id = dossier_project_evidence_highlight (self, citation->document_id, citation->start,
                                                         citation->end, error);
      if (highlight_id == 0 ||
          !dossier_project_cite (self, &evidence_table, id, highlight_id, citation, error))
        return 0;
    }
  if (!dossier_action_commit (&action,
                              fields->polarity == DOSSIER_POLARITY_PRO ? _("Add Pro") : _("Add Con"),
                              error))
    return 0;

  if (cited_id != NULL)
    *cited_id = highlight_id;
  return id;
}

gint64
dossier_project_add_argument (DossierProject   *self,
                              gint64            question_id,
                              DossierPolarity   polarity,
                              const char       *statement,
                              gint64            stakeholder_id,
                              int               strength,
                              GError          **error)
{
  DossierArgumentFields fields = { question_id, polarity, statement, stakeholder_id, strength };

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);

  return add_argument (self, &fields, NULL, NULL, error);
}

gint64
dossier_project_add_argument_citing (DossierProject               *self,
                                     const DossierArgumentFields  *fields,
                                     gint64                        document_id,
                                     gint64                        start,
                                     gint64                        end,
                                     gint64                       *cited_id,
                                     GError                      **error)
{
  DossierCiting citation = CITATION_INIT (NULL);

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);
  g_return_val_if_fail (fields != NULL, 0);

  citation.by_range = TRUE;
  citation.document_id = document_id;
  citation.start = MIN (start, end);
  citation.end = MAX (start, end);
  return add_argument (self, fields, &citation, cited_id, error);
}

static const DossierTextColumn statement_column = {
  "arguments", "statement", NULL, DOSSIER_TEXT_REQUIRED,
  N_("An argument needs a statement."), N_("The statement is not valid UTF-8 text."),
};

gboolean
dossier_project_set_argument_statement (DossierProject  *self,
                                        gint64           argument_id,
                                        const char      *statement,
                                        GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!check_length (statement, error))
    return FALSE;

  return dossier_project_set_text (self, &statement_column, argument_id, statement,
                                   _("Edit Argument"), error);
}

gboolean
dossier_project_set_argument_stakeholder (DossierProject  *self,
                                          gint64           argument_id,
                                          gint64           stakeholder_id,
                                          GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !require_argument (self, argument_id, NULL, NULL, error) ||
      !require_perspective (self, stakeholder_id, error))
    return FALSE;

  /* 0: nobody's perspective (NULL). */
  return dossier_project_set_ints (self, "arguments", argument_id,
                                   "UPDATE arguments SET stakeholder = ?2 "
                                   "WHERE id = ?1 AND stakeholder IS NOT ?2",
                                   &stakeholder_id, 1, 0, _("Change Perspective"), error);
}

gboolean
dossier_project_set_argument_strength (DossierProject  *self,
                                       gint64           argument_id,
                                       int              strength,
                                       GError         **error)
{
  gint64 value;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !check_strength (strength, error) ||
      !require_argument (self, argument_id, NULL, NULL, error))
    return FALSE;

  value = strength;
  return dossier_project_set_ints (self, "arguments", argument_id,
                                   "UPDATE arguments SET strength = ?2 "
                                   "WHERE id = ?1 AND strength IS NOT ?2",
                                   &value, 1, 0, _("Change Strength"), error);
}

gboolean
dossier_project_move_argument (DossierProject   *self,
                               gint64            argument_id,
                               DossierPolarity   polarity,
                               int               position,
                               GError          **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_auto(DossierStmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  DossierPolarity old_polarity;
  gint64 question_id;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !check_polarity (polarity, error) ||
      !require_argument (self, argument_id, &question_id, &old_polarity, error) ||
      !dossier_action_begin (&action, self, error))
    return FALSE;

  if (polarity != old_polarity)
    {
      g_autoptr(GArray) old_ids = NULL;

      stmt = dossier_project_prepare (self, "UPDATE arguments SET polarity = ?2 WHERE id = ?1",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, argument_id);
      dossier_bind_text (stmt, 2, dossier_polarity_to_string (polarity));
      if (!dossier_project_run (self, stmt, error))
        return FALSE;

      /* The side it left closes ranks. */
      old_ids = dossier_project_read_ids (self, ARGUMENT_ORDER_SQL, question_id,
                                          dossier_polarity_to_string (old_polarity), error);
      if (old_ids == NULL ||
          !dossier_project_renumber (self, RENUMBER_ARGUMENTS_SQL, old_ids, error))
        return FALSE;
      touch_renumbered (self, old_ids, argument_id);
    }

  ids = dossier_project_read_ids (self, ARGUMENT_ORDER_SQL, question_id,
                                  dossier_polarity_to_string (polarity), error);
  if (ids == NULL)
    return FALSE;
  dossier_array_move_id (ids, argument_id, position);
  if (!dossier_project_renumber (self, RENUMBER_ARGUMENTS_SQL, ids, error))
    return FALSE;

  touch_renumbered (self, ids, argument_id);
  dossier_project_touch (self, "questions", question_id);
  return dossier_action_commit (&action,
                                polarity == old_polarity ? _("Move Argument") :
                                polarity == DOSSIER_POLARITY_PRO ? _("Make Argument a Pro") :
                                                                   _("Make Argument a Con"),
                                error);
}

gboolean
dossier_project_delete_argument (DossierProject  *self,
                                 gint64           argument_id,
                                 GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autoptr(GArray) highlights = NULL;
  g_autoptr(GArray) ids = NULL;
  DossierPolarity polarity;
  gint64 question_id;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !require_argument (self, argument_id, &question_id, &polarity, error) ||
      !dossier_action_begin (&action, self, error))
    return FALSE;

  highlights = dossier_project_read_ids (self, evidence_table.cited_sql, argument_id, NULL, error);
  if (highlights == NULL)
    return FALSE;

  if (!dossier_project_run_ids (self, "DELETE FROM arguments WHERE id = ?1", argument_id, 0, error))
    return FALSE;

  ids = dossier_project_read_ids (self, ARGUMENT_ORDER_SQL, question_id,
                                  dossier_polarity_to_string (polarity), error);
  if (ids == NULL ||
      !dossier_project_renumber (self, RENUMBER_ARGUMENTS_SQL, ids, error) ||
      !dossier_project_drop_bare_highlights (self, highlights, error))
    return FALSE;

  touch_renumbered (self, ids, argument_id);
  dossier_project_touch (self, "questions", question_id);
  return dossier_action_commit (&action, _("Delete Argument"), error);
}

/* ---- Evidence ------------------------------------------------------------------------ */

gboolean
dossier_project_add_argument_evidence (DossierProject  *self,
                                       gint64           argument_id,
                                       gint64           highlight_id,
                                       const char      *note,
                                       GError         **error)
{
  DossierCiting citation = CITATION_INIT (note);

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  citation.highlight_id = highlight_id;
  return dossier_project_add_evidence (self, &evidence_table, argument_id, &citation,
                                       _("Cite Evidence for Argument"), error) != 0;
}

gint64
dossier_project_add_argument_evidence_range (DossierProject  *self,
                                             gint64           argument_id,
                                             gint64           document_id,
                                             gint64           start,
                                             gint64           end,
                                             const char      *note,
                                             GError         **error)
{
  DossierCiting citation = CITATION_INIT (note);

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);

  citation.by_range = TRUE;
  citation.document_id = document_id;
  citation.start = start;
  citation.end = end;
  return dossier_project_add_evidence (self, &evidence_table, argument_id, &citation,
                                       _("Cite Evidence for Argument"), error);
}

gboolean
dossier_project_remove_argument_evidence (DossierProject  *self,
                                          gint64           argument_id,
                                          gint64           highlight_id,
                                          GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  return dossier_project_remove_evidence (self, &evidence_table, argument_id, highlight_id,
                                          error);
}

GPtrArray *
dossier_project_list_argument_evidence (DossierProject  *self,
                                        gint64           argument_id,
                                        GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return dossier_project_list_evidence (self, &evidence_table, argument_id, error);
}

/* ---- Suggestions ---------------------------------------------------------------------- */

/* Whether an argument already cites exactly this passage. */
static gboolean
passage_cited (DossierProject  *self,
               gint64           document_id,
               gint64           start,
               gint64           end,
               gboolean        *cited,
               GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (self,
                                  "SELECT 1 FROM highlights h "
                                  "WHERE h.document = ?1 AND h.start = ?2 AND h.end = ?3 "
                                  "AND h.orphaned = 0 "
                                  "AND EXISTS (SELECT 1 FROM argument_evidence WHERE highlight = h.id)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end);
  rc = dossier_project_step (self, stmt, error);
  *cited = rc == SQLITE_ROW;

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

GPtrArray *
dossier_project_suggest_arguments (DossierProject  *self,
                                   gint64           document_id,
                                   GError         **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) dismissed = NULL;
  g_autoptr(GPtrArray) kept = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  all = dossier_project_suggest (self, document_id, dossier_suggest_arguments, error);
  if (all == NULL)
    return NULL;
  dismissed = dossier_project_dismissed_keys (self, "argument", document_id, error);
  if (dismissed == NULL)
    return NULL;

  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_argument_suggestion_free);
  for (guint i = 0; i < all->len; i++)
    {
      DossierArgumentSuggestion *s = g_ptr_array_index (all, i);
      g_autofree char *key = dossier_text_fold (s->statement);
      gboolean cited;

      if (g_hash_table_contains (dismissed, key))
        continue;
      if (!passage_cited (self, document_id, s->start, s->end, &cited, error))
        return NULL;
      if (!cited)
        g_ptr_array_add (kept, g_ptr_array_steal_index (all, i--));
    }

  return g_steal_pointer (&kept);
}

static gboolean
check_suggestions (DossierArgumentSuggestion * const  *suggestions,
                   guint                               n_suggestions,
                   GError                            **error)
{
  for (guint i = 0; i < n_suggestions; i++)
    {
      g_autofree char *checked = NULL;

      if (suggestions[i] == NULL || !check_polarity (suggestions[i]->polarity, error))
        return FALSE;
      checked = check_text (suggestions[i]->statement, FALSE, _("An argument needs a statement."), error);
      if (checked == NULL)
        return FALSE;
    }

  return TRUE;
}

gboolean
dossier_project_accept_argument_suggestions (DossierProject                    *self,
                                             gint64                             question_id,
                                             gint64                             document_id,
                                             DossierArgumentSuggestion * const *suggestions,
                                             guint                              n_suggestions,
                                             GArray                           **argument_ids,
                                             GError                           **error)
{
  static const DossierCiting no_note = CITATION_INIT (NULL);
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (suggestions != NULL || n_suggestions == 0, FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !check_suggestions (suggestions, n_suggestions, error) ||
      !dossier_project_require_row (self, DOSSIER_ROW_QUESTION, question_id, error) ||
      !dossier_project_require_document (self, document_id, NULL, error) ||
      !dossier_action_begin (&action, self, error))
    return FALSE;

  for (guint i = 0; i < n_suggestions; i++)
    {
      const DossierArgumentSuggestion *s = suggestions[i];
      g_autofree char *statement = g_strstrip (g_strdup (s->statement));
      DossierArgumentFields fields = { question_id, s->polarity, statement, 0, DOSSIER_STRENGTH_DEFAULT };
      gint64 highlight_id, id;

      highlight_id = dossier_project_evidence_highlight (self, document_id, s->start, s->end, error);
      if (highlight_id == 0)
        return FALSE;
      id = insert_argument (self, &fields, error);
      if (id == 0 ||
          !dossier_project_cite (self, &evidence_table, id, highlight_id, &no_note, error))
        return FALSE;
      g_array_append_val (ids, id);
    }

  if (!dossier_action_commit (&action,
                              n_suggestions == 1 ? _("Accept Suggested Argument")
                                                 : _("Accept Suggested Arguments"),
                              error))
    return FALSE;

  if (argument_ids != NULL)
    *argument_ids = g_steal_pointer (&ids);
  return TRUE;
}

gboolean
dossier_project_dismiss_argument_suggestions (DossierProject                    *self,
                                              gint64                             document_id,
                                              DossierArgumentSuggestion * const *suggestions,
                                              guint                              n_suggestions,
                                              GError                           **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (suggestions != NULL || n_suggestions == 0, FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !check_suggestions (suggestions, n_suggestions, error) ||
      !dossier_project_require_document (self, document_id, NULL, error))
    return FALSE;

  for (guint i = 0; i < n_suggestions; i++)
    g_ptr_array_add (keys, dossier_text_fold (suggestions[i]->statement));

  return dossier_project_dismiss_suggested (self, "argument", document_id, keys, n_suggestions,
                                            error);
}
