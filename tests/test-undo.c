/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-undo.c — every action undoes and redoes exactly.
 *
 * Each action is checked by a dump of every table (and of the models and
 * the search index) before it, after it, after its undo (must equal
 * before) and after its redo (must equal after); then the whole history
 * is unwound and replayed.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include <dossier/dossier.h>

#include "dossier-project-private.h"
#include "test-util.h"

typedef struct
{
  char           *dir;
  char           *path;
  DossierProject *project;
  gint64          doc1, doc2, doc3;
  gint64          risks, cost, delay, benefits, jobs, actors;
  gint64          h1, h2, h3, h4;
  gboolean        may_fail;  /* an action's failure is kept in @failure */
  GError         *failure;
} Fixture;

/* A title block and a paragraph, and an author: more for undo to restore. */
static DossierParsedDocument *
make_titled_doc (const char *title,
                 const char *text)
{
  DossierParsedDocument *doc = dossier_parsed_document_new ();
  gint64 length = dossier_text_length (text);

  doc->title = g_strdup (title);
  doc->author = g_strdup ("A. Writer");
  doc->format = g_strdup ("text");
  doc->text = g_strdup (text);
  doc->original = g_bytes_new (text, strlen (text));
  g_array_append_val (doc->blocks, ((DossierBlock) { 0, MIN (5, length), DOSSIER_BLOCK_TITLE, 0 }));
  g_array_append_val (doc->blocks, ((DossierBlock) { MIN (6, length), length, DOSSIER_BLOCK_PARAGRAPH, 0 }));

  return doc;
}

static const char text1[] =
  "Ferry fares rise by a fifth from May, the council says.\n"
  "Commuters on the island route call the rise “unfair”; the operator blames fuel.";
static const char text2[] =
  "Le quai sera reconstruit en pierre d’ici 2026 — coût estimé : 4 M€.\n"
  "Les pêcheurs craignent des retards ; 港の工事 doit durer deux ans.";
static const char text3[] =
  "Spring tides flooded the quay twice this year. The ferry could not dock.";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DossierProject *project;
  sqlite3 *db;
  g_autofree char *sql = NULL;

  fixture->project = project = test_create_project ("undo", "Undo", &fixture->dir,
                                                    &fixture->path);

  fixture->doc1 = add_parsed_doc (project, make_titled_doc ("Fares", text1));
  fixture->doc2 = add_parsed_doc (project, make_titled_doc ("Quai", text2));
  fixture->doc3 = add_parsed_doc (project, make_titled_doc ("Tides", text3));
  fixture->risks = add_tag (project, "Risks", 0);
  fixture->cost = add_tag (project, "Cost", fixture->risks);
  fixture->delay = add_tag (project, "Delay", fixture->risks);
  fixture->benefits = add_tag (project, "Benefits", 0);
  fixture->jobs = add_tag (project, "Jobs", fixture->benefits);
  fixture->actors = add_tag (project, "Actors", 0);

  fixture->h1 = dossier_project_tag_range (project, fixture->doc1, 0, 11, fixture->cost, &error);
  fixture->h2 = dossier_project_add_highlight (project, fixture->doc1, 57, 66,
                                               (gint64[]) { fixture->actors, fixture->delay }, 2,
                                               "Who commutes?", &error);
  fixture->h3 = dossier_project_tag_range (project, fixture->doc2, 3, 7, fixture->jobs, &error);
  fixture->h4 = dossier_project_tag_range (project, fixture->doc2, 49, 58, fixture->cost, &error);
  g_assert_no_error (error);
  dossier_project_set_highlight_memo (project, fixture->h4, "Coût élevé, disent-ils.", &error);
  g_assert_no_error (error);

  /* Evidence made outside the actions: cascades must carry it too. */
  db = dossier_project_get_db (project);
  sql = g_strdup_printf ("INSERT INTO stakeholders (uuid, name) VALUES ('s-1', 'Council');"
                         "INSERT INTO stakeholder_evidence (stakeholder, highlight, note) "
                         "  VALUES (1, %" G_GINT64_FORMAT ", 'fares');"
                         "INSERT INTO questions (uuid, text) VALUES ('q-1', 'Rebuild the quay?');"
                         "INSERT INTO arguments (uuid, question, polarity, statement, stakeholder) "
                         "  VALUES ('a-1', 1, 'con', 'Too dear', 1);"
                         "INSERT INTO argument_evidence (argument, highlight) VALUES (1, %" G_GINT64_FORMAT ");"
                         "INSERT INTO briefings (uuid, title, created, modified) "
                         "  VALUES ('b-1', 'Note', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');"
                         "INSERT INTO briefing_documents (briefing, document) VALUES (1, %" G_GINT64_FORMAT ");",
                         fixture->h1, fixture->h4, fixture->doc2);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* The same, on a disk whose room the test sets: the project is opened
 * through test-util's full-disk VFS, which has no limit until then. */
static void
full_disk_set_up (Fixture       *fixture,
                  gconstpointer  data)
{
  test_full_disk_set_room (-1);
  fixture_set_up (fixture, data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_finish_project (&fixture->project, &fixture->dir, &fixture->path);
}

/* ---- The dump --------------------------------------------------------------------- */

static void
dump_query (sqlite3    *db,
            const char *sql,
            GString    *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_string_append_printf (out, "== %s\n", sql);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          if (i > 0)
            g_string_append_c (out, '|');
          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_NULL:
              g_string_append (out, "NULL");
              break;
            case SQLITE_BLOB:
              {
                const guchar *blob = sqlite3_column_blob (stmt, i);

                g_string_append (out, "x'");
                for (int j = 0; j < sqlite3_column_bytes (stmt, i); j++)
                  g_string_append_printf (out, "%02x", blob[j]);
                g_string_append_c (out, '\'');
              }
              break;
            default:
              g_string_append (out, (const char *) sqlite3_column_text (stmt, i));
              break;
            }
        }
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* Every table, the search index, and the models as a user sees them. */
static char *
dump (DossierProject *project)
{
  static const char * const queries[] = {
    "SELECT * FROM project ORDER BY 1",
    "SELECT * FROM documents ORDER BY 1",
    "SELECT document, start, end, kind, level FROM blocks ORDER BY 1, 2, 3, 4",
    "SELECT * FROM tags ORDER BY 1",
    "SELECT * FROM highlights ORDER BY 1",
    "SELECT * FROM highlight_tags ORDER BY 1, 2",
    "SELECT * FROM stakeholders ORDER BY 1",
    "SELECT * FROM stakeholder_evidence ORDER BY 1, 2",
    "SELECT * FROM questions ORDER BY 1",
    "SELECT * FROM arguments ORDER BY 1",
    "SELECT * FROM argument_evidence ORDER BY 1, 2",
    "SELECT * FROM briefings ORDER BY 1",
    "SELECT * FROM briefing_documents ORDER BY 1, 2",
    "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'ferry' ORDER BY 1",
    "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'quai' ORDER BY 1",
    "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'pier' ORDER BY 1",
    "SELECT rowid FROM memos_fts WHERE memos_fts MATCH 'cout' ORDER BY 1",
    "SELECT rowid FROM memos_fts WHERE memos_fts MATCH 'commutes' ORDER BY 1",
    "SELECT rowid FROM memos_fts WHERE memos_fts MATCH 'shipping' ORDER BY 1",
  };
  sqlite3 *db = dossier_project_get_db (project);
  GListModel *documents = dossier_project_get_documents (project);
  GListModel *tags = dossier_project_get_tags (project);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    dump_query (db, queries[i], out);

  g_string_append_printf (out, "== title %s\n== documents\n", dossier_project_get_title (project));
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(DossierDocument) d = g_list_model_get_item (documents, i);

      g_assert_true (dossier_project_get_document (project, dossier_document_get_id (d)) == d);
      g_string_append_printf (out, "%" G_GINT64_FORMAT "|%s|%s|%s|%" G_GINT64_FORMAT "|%u\n",
                              dossier_document_get_id (d), dossier_document_get_title (d),
                              dossier_document_get_author (d), dossier_document_get_published (d),
                              dossier_document_get_length (d), dossier_document_get_n_highlights (d));
    }
  g_string_append (out, "== tags\n");
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(DossierTag) t = g_list_model_get_item (tags, i);

      g_assert_true (dossier_project_get_tag (project, dossier_tag_get_id (t)) == t);
      g_string_append_printf (out, "%" G_GINT64_FORMAT "|%s|%s|%s|%d|%u|%u\n",
                              dossier_tag_get_id (t), dossier_tag_get_path (t),
                              dossier_tag_get_color (t), dossier_tag_get_description (t),
                              dossier_tag_get_position (t), dossier_tag_get_depth (t),
                              dossier_tag_get_n_highlights (t));
    }

  return g_string_free (out, FALSE);
}

/* ---- The actions ------------------------------------------------------------------- */

typedef void (*Action) (Fixture *fixture);

#define OK(call) \
  G_STMT_START { \
    g_autoptr(GError) _error = NULL; \
    gboolean _ok = (call); \
    g_assert_no_error (_error); \
    g_assert_true (_ok); \
  } G_STMT_END

#define ERR &_error

/* In an action: what OK () asserts, unless the test lets the action fail
 * (a full disk), which then ends the action and keeps the error. */
#define ACT(call) \
  G_STMT_START { \
    g_autoptr(GError) _error = NULL; \
    gboolean _ok = (call); \
    if (!_ok && f->may_fail) \
      { \
        g_assert_nonnull (_error); \
        f->failure = g_steal_pointer (&_error); \
        return; \
      } \
    g_assert_no_error (_error); \
    g_assert_true (_ok); \
  } G_STMT_END

static void
act_set_title (Fixture *f)
{
  ACT (dossier_project_set_title (f->project, "Undo, renamed", ERR));
}

static void
act_add_document (Fixture *f)
{
  g_autoptr(DossierParsedDocument) doc = make_titled_doc ("Shipping", "Shipping lanes move north. Pier works begin.");

  ACT (dossier_project_add_document (f->project, doc, ERR) > 0);
}

static void
act_set_metadata (Fixture *f)
{
  ACT (dossier_project_set_document_metadata (f->project, f->doc1, "Fares rise", "", "Gazette",
                                             NULL, "2024-05-01", ERR));
}

static void
act_add_tag (Fixture *f)
{
  ACT (dossier_project_add_tag (f->project, "Weather", 0, "#123456", "Storms and tides", ERR) > 0);
}

static void
act_add_child_tag (Fixture *f)
{
  ACT (dossier_project_add_tag (f->project, "Fuel", f->cost, NULL, NULL, ERR) > 0);
}

static void
act_rename_tag (Fixture *f)
{
  ACT (dossier_project_rename_tag (f->project, f->risks, "Threats", ERR));
}

static void
act_set_tag_color (Fixture *f)
{
  ACT (dossier_project_set_tag_color (f->project, f->jobs, "#abcdef", ERR));
}

static void
act_set_tag_description (Fixture *f)
{
  ACT (dossier_project_set_tag_description (f->project, f->delay, "Late works", ERR));
}

static void
act_reorder_tag (Fixture *f)
{
  ACT (dossier_project_move_tag (f->project, f->actors, 0, 0, ERR));
}

static void
act_reparent_tag (Fixture *f)
{
  ACT (dossier_project_move_tag (f->project, f->delay, f->benefits, 0, ERR));
}

static void
act_tag_range_new (Fixture *f)
{
  ACT (dossier_project_tag_range (f->project, f->doc3, 0, 12, f->delay, ERR) > 0);
}

static void
act_tag_range_exact (Fixture *f)
{
  ACT (dossier_project_tag_range (f->project, f->doc1, 0, 11, f->jobs, ERR) == f->h1);
}

static void
act_tag_range_merge (Fixture *f)
{
  /* A new highlight of Cost in doc2, then a range bridging it and h4 (which
   * carries a memo and argument evidence): they become one. */
  ACT (dossier_project_tag_range (f->project, f->doc2, 20, 30, f->cost, ERR) > 0);
  ACT (dossier_project_tag_range (f->project, f->doc2, 25, 52, f->cost, ERR) > 0);
  ACT (dossier_project_get_highlight (f->project, f->h4, NULL) == NULL);
}

static void
act_add_highlight (Fixture *f)
{
  ACT (dossier_project_add_highlight (f->project, f->doc3, 13, 20,
                                     (gint64[]) { f->jobs, f->actors }, 2,
                                     "Shipping memo about the quay", ERR) > 0);
}

static void
act_add_argument_citing (Fixture *f)
{
  DossierArgumentFields fields = { 1, DOSSIER_POLARITY_PRO, "Quays that flood need work", 0, 4 };
  gint64 cited = 0;

  /* The argument, a new highlight without a tag, and the citation. */
  ACT (dossier_project_add_argument_citing (f->project, &fields, f->doc3, 47, 71, &cited, ERR) > 0);
  ACT (cited > 0);
}

static void
act_add_highlight_tag (Fixture *f)
{
  ACT (dossier_project_add_highlight_tag (f->project, f->h3, f->cost, ERR));
}

static void
act_remove_highlight_tag (Fixture *f)
{
  ACT (dossier_project_remove_highlight_tag (f->project, f->h2, f->actors, ERR));
}

static void
act_remove_last_tag (Fixture *f)
{
  g_autoptr(DossierHighlight) h1 = NULL;
  guint n_tags = 1;

  /* h1 carries Cost and Jobs by now: two steps. It is evidence for the
   * Council, so it outlives its last tag. */
  ACT (dossier_project_remove_highlight_tag (f->project, f->h1, f->jobs, ERR));
  ACT (dossier_project_remove_highlight_tag (f->project, f->h1, f->cost, ERR));
  h1 = dossier_project_get_highlight (f->project, f->h1, NULL);
  ACT (h1 != NULL);
  dossier_highlight_get_tag_ids (h1, &n_tags);
  ACT (n_tags == 0);
}

static void
act_set_memo (Fixture *f)
{
  ACT (dossier_project_set_highlight_memo (f->project, f->h3, "Quay — “pierre”, shipping", ERR));
}

static void
act_delete_highlight (Fixture *f)
{
  ACT (dossier_project_delete_highlight (f->project, f->h2, ERR));
}

static void
act_autocode (Fixture *f)
{
  ACT (dossier_project_autocode (f->project, f->actors, "the", NULL, 0, ERR) > 0);
}

static void
act_replace_text (Fixture *f)
{
  g_autoptr(DossierParsedDocument) doc =
    make_titled_doc ("Fares", "Ferry fares rise by a fifth from June, the council says.\n"
                       "The operator blames fuel and shipping costs.");

  ACT (dossier_project_replace_document_text (f->project, f->doc1, doc, NULL, ERR));
}

static void
act_merge_tags (Fixture *f)
{
  ACT (dossier_project_merge_tags (f->project, f->risks, f->benefits, ERR));
}

static void
act_delete_tag (Fixture *f)
{
  ACT (dossier_project_delete_tag (f->project, f->benefits, ERR));
}

static void
act_delete_document (Fixture *f)
{
  ACT (dossier_project_delete_document (f->project, f->doc2, ERR));
}

static const struct
{
  const char *name;
  Action      action;
  guint       steps;
} actions[] = {
  { "set-title", act_set_title, 1 },
  { "add-document", act_add_document, 1 },
  { "set-metadata", act_set_metadata, 1 },
  { "add-tag", act_add_tag, 1 },
  { "add-child-tag", act_add_child_tag, 1 },
  { "rename-tag", act_rename_tag, 1 },
  { "set-tag-color", act_set_tag_color, 1 },
  { "set-tag-description", act_set_tag_description, 1 },
  { "reorder-tag", act_reorder_tag, 1 },
  { "reparent-tag", act_reparent_tag, 1 },
  { "tag-range-new", act_tag_range_new, 1 },
  { "tag-range-exact", act_tag_range_exact, 1 },
  { "tag-range-merge", act_tag_range_merge, 2 },
  { "add-highlight", act_add_highlight, 1 },
  { "add-argument-citing", act_add_argument_citing, 1 },
  { "add-highlight-tag", act_add_highlight_tag, 1 },
  { "remove-highlight-tag", act_remove_highlight_tag, 1 },
  { "set-memo", act_set_memo, 1 },
  { "autocode", act_autocode, 1 },
  { "replace-text", act_replace_text, 1 },
  { "remove-last-tag", act_remove_last_tag, 2 },
  { "delete-highlight", act_delete_highlight, 1 },
  { "merge-tags", act_merge_tags, 1 },
  { "delete-tag", act_delete_tag, 1 },
  { "delete-document", act_delete_document, 1 },
};

static void
undo_n (DossierProject *project,
        guint           n)
{
  for (guint i = 0; i < n; i++)
    OK (dossier_project_undo (project, ERR));
}

static void
redo_n (DossierProject *project,
        guint           n)
{
  for (guint i = 0; i < n; i++)
    OK (dossier_project_redo (project, ERR));
}

static void
test_every_action (Fixture       *fixture,
                   gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func (g_free);
  guint total_steps = 0;

  g_ptr_array_add (history, dump (project));

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *before = dump (project);
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;

      g_test_message ("action %s", actions[i].name);
      actions[i].action (fixture);
      after = dump (project);
      g_assert_cmpstr (after, !=, before);
      g_assert_true (dossier_project_get_can_undo (project));
      g_assert_false (dossier_project_get_can_redo (project));

      undo_n (project, actions[i].steps);
      undone = dump (project);
      g_assert_cmpstr (undone, ==, before);
      g_assert_true (dossier_project_get_can_redo (project));

      redo_n (project, actions[i].steps);
      redone = dump (project);
      g_assert_cmpstr (redone, ==, after);
      g_assert_false (dossier_project_get_can_redo (project));

      total_steps += actions[i].steps;
      g_ptr_array_add (history, g_strdup (after));
    }

  /* Unwind everything, then replay it. */
  undo_n (project, total_steps);
  {
    g_autofree char *start = dump (project);

    g_assert_cmpstr (start, ==, g_ptr_array_index (history, 0));
  }
  redo_n (project, total_steps);
  {
    g_autofree char *end = dump (project);

    g_assert_cmpstr (end, ==, g_ptr_array_index (history, history->len - 1));
  }
}

/* ---- The stack itself ---------------------------------------------------------------- */

typedef struct
{
  guint can_undo, can_redo, undo_label, redo_label;
} Notifies;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Notifies   *n)
{
  if (g_str_equal (pspec->name, "can-undo"))
    n->can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    n->can_redo++;
  else if (g_str_equal (pspec->name, "undo-label"))
    n->undo_label++;
  else if (g_str_equal (pspec->name, "redo-label"))
    n->redo_label++;
}

static void
on_highlights_changed (DossierProject *project,
                       gint64          document_id,
                       GArray         *seen)
{
  g_array_append_val (seen, document_id);
}

static void
test_stack (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DossierProject) fresh = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "stack.dossier", NULL);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  Notifies n = { 0 };
  DossierDocument *document;
  gint64 doc, tag, h;

  fresh = dossier_project_create (path, "Stack", &error);
  g_assert_no_error (error);
  g_signal_connect (fresh, "notify", G_CALLBACK (on_notify), &n);
  g_signal_connect (fresh, "highlights-changed", G_CALLBACK (on_highlights_changed), seen);

  g_assert_false (dossier_project_undo (fresh, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);
  g_assert_false (dossier_project_redo (fresh, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);
  g_assert_null (dossier_project_get_undo_label (fresh));

  doc = add_parsed_doc (fresh, make_titled_doc ("Tides", text3));
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.undo_label, ==, 1);
  g_assert_cmpstr (dossier_project_get_undo_label (fresh), ==, "Import “Tides”");

  tag = add_tag (fresh, "Flooding", 0);
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.undo_label, ==, 2);
  g_assert_cmpstr (dossier_project_get_undo_label (fresh), ==, "New Tag “Flooding”");

  h = dossier_project_tag_range (fresh, doc, 0, 12, tag, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_project_get_undo_label (fresh), ==, "Tag “Flooding”");
  document = dossier_project_get_document (fresh, doc);
  g_assert_cmpuint (dossier_document_get_n_highlights (document), ==, 1);
  g_assert_cmpuint (dossier_tag_get_n_highlights (dossier_project_get_tag (fresh, tag)), ==, 1);

  /* Undo: models and counts follow, the document's highlights are
   * announced as changed. */
  g_array_set_size (seen, 0);
  OK (dossier_project_undo (fresh, ERR));
  g_assert_cmpuint (dossier_document_get_n_highlights (document), ==, 0);
  g_assert_cmpuint (dossier_tag_get_n_highlights (dossier_project_get_tag (fresh, tag)), ==, 0);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (g_array_index (seen, gint64, 0), ==, doc);
  g_assert_true (dossier_project_get_can_redo (fresh));
  g_assert_cmpuint (n.can_redo, ==, 1);
  g_assert_cmpstr (dossier_project_get_redo_label (fresh), ==, "Tag “Flooding”");
  g_assert_cmpstr (dossier_project_get_undo_label (fresh), ==, "New Tag “Flooding”");
  g_assert_null (dossier_project_get_highlight (fresh, h, &error));
  g_clear_error (&error);

  OK (dossier_project_redo (fresh, ERR));
  g_assert_cmpuint (dossier_document_get_n_highlights (document), ==, 1);
  g_assert_cmpuint (n.can_redo, ==, 2);
  {
    g_autoptr(DossierHighlight) back = dossier_project_get_highlight (fresh, h, &error);

    g_assert_no_error (error);
    g_assert_cmpint (dossier_highlight_get_end (back), ==, 12);
  }

  /* A new action clears redo. */
  OK (dossier_project_undo (fresh, ERR));
  g_assert_true (dossier_project_get_can_redo (fresh));
  add_tag (fresh, "Storms", 0);
  g_assert_false (dossier_project_get_can_redo (fresh));
  g_assert_null (dossier_project_get_redo_label (fresh));
  g_assert_false (dossier_project_redo (fresh, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* An action that changes nothing is no step. */
  {
    g_autofree char *label = g_strdup (dossier_project_get_undo_label (fresh));
    guint labels = n.undo_label;

    OK (dossier_project_set_tag_color (fresh, tag, dossier_tag_get_color (dossier_project_get_tag (fresh, tag)), ERR));
    OK (dossier_project_rename_tag (fresh, tag, "Flooding", ERR));
    g_assert_cmpstr (dossier_project_get_undo_label (fresh), ==, label);
    g_assert_cmpuint (n.undo_label, ==, labels);
  }

  /* Undo is committed: it survives closing. */
  OK (dossier_project_undo (fresh, ERR));
  dossier_project_close (fresh);
  g_clear_object (&fresh);
  fresh = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (fresh)), ==, 1);
  g_assert_false (dossier_project_get_can_undo (fresh));
}

static void
count_notify (guint *n)
{
  (*n)++;
}

/* Which step Undo would undo: two actions of one label ("Tag “Flooding”")
 * are two steps, each keeping its id through undo and redo; an undone
 * step's id is never given to a later one; nothing to undo is 0.
 * "undo-step" is notified at each change, and only then. */
static void
test_undo_step (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DossierProject) fresh = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "step.dossier", NULL);
  g_autoptr(GError) error = NULL;
  guint64 imported, first, second, third;
  guint notified = 0;
  gint64 doc, tag;

  fresh = dossier_project_create (path, "Steps", &error);
  g_assert_no_error (error);
  g_signal_connect_swapped (fresh, "notify::undo-step", G_CALLBACK (count_notify), &notified);
  g_assert_cmpuint (dossier_project_get_undo_step (fresh), ==, 0);

  doc = add_parsed_doc (fresh, make_titled_doc ("Tides", text3));
  imported = dossier_project_get_undo_step (fresh);
  g_assert_cmpuint (imported, !=, 0);
  g_assert_cmpuint (notified, ==, 1);
  tag = add_tag (fresh, "Flooding", 0);
  OK (dossier_project_tag_range (fresh, doc, 0, 5, tag, ERR) > 0);
  first = dossier_project_get_undo_step (fresh);
  OK (dossier_project_tag_range (fresh, doc, 8, 12, tag, ERR) > 0);
  second = dossier_project_get_undo_step (fresh);
  g_assert_cmpstr (dossier_project_get_undo_label (fresh), ==, "Tag “Flooding”");
  g_assert_cmpuint (second, !=, first);
  g_assert_cmpuint (notified, ==, 4);

  OK (dossier_project_undo (fresh, ERR));
  g_assert_cmpuint (dossier_project_get_undo_step (fresh), ==, first);
  OK (dossier_project_redo (fresh, ERR));
  g_assert_cmpuint (dossier_project_get_undo_step (fresh), ==, second);
  g_assert_cmpuint (notified, ==, 6);

  /* Undone, then another action in its place: a new id. */
  OK (dossier_project_undo (fresh, ERR));
  OK (dossier_project_tag_range (fresh, doc, 8, 12, tag, ERR) > 0);
  third = dossier_project_get_undo_step (fresh);
  g_assert_cmpuint (third, !=, second);
  g_assert_cmpuint (third, !=, first);
  g_assert_cmpuint (notified, ==, 8);

  /* An action that changes nothing is no step. */
  OK (dossier_project_rename_tag (fresh, tag, "Flooding", ERR));
  g_assert_cmpuint (dossier_project_get_undo_step (fresh), ==, third);
  g_assert_cmpuint (notified, ==, 8);

  /* All undone: 0. */
  while (dossier_project_get_can_undo (fresh))
    OK (dossier_project_undo (fresh, ERR));
  g_assert_cmpuint (dossier_project_get_undo_step (fresh), ==, 0);
  OK (dossier_project_redo (fresh, ERR));
  g_assert_cmpuint (dossier_project_get_undo_step (fresh), ==, imported);
}

/* ---- Failures leave no trace ---------------------------------------------------------- */

static void
test_failures (Fixture       *fixture,
               gconstpointer  data)
{
  DossierProject *project = fixture->project;
  sqlite3 *db = dossier_project_get_db (project);
  g_autoptr(DossierParsedDocument) doc = make_titled_doc ("Blocked", "Never stored.");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *label = NULL;
  g_autofree char *sql = NULL;
  gint64 blocked = add_tag (project, "Blocked", 0);

  before = dump (project);
  label = g_strdup (dossier_project_get_undo_label (project));

  /* Refused before anything is written. */
  g_assert_false (dossier_project_move_tag (project, fixture->risks, fixture->cost, 0, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_add_tag (project, "cost", fixture->risks, NULL, NULL, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);

  /* Refused half-way through: a trigger fails the last statement of each
   * action, after the others have run. */
  sql = g_strdup_printf ("CREATE TEMP TRIGGER fail_tag BEFORE INSERT ON main.highlight_tags "
                         "WHEN new.tag = %" G_GINT64_FORMAT " BEGIN SELECT RAISE (ABORT, 'refused'); END;"
                         "CREATE TEMP TRIGGER fail_delete BEFORE DELETE ON main.tags "
                         "WHEN old.id = %" G_GINT64_FORMAT " BEGIN SELECT RAISE (ABORT, 'refused'); END;"
                         "CREATE TEMP TRIGGER fail_blocks BEFORE INSERT ON main.blocks "
                         "WHEN new.start > 0 BEGIN SELECT RAISE (ABORT, 'refused'); END;",
                         blocked, fixture->risks);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (dossier_project_add_highlight (project, fixture->doc3, 0, 6,
                                                  (gint64[]) { fixture->jobs, blocked }, 2,
                                                  "memo", &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (dossier_project_merge_tags (project, fixture->risks, fixture->benefits, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (dossier_project_delete_tag (project, fixture->risks, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (dossier_project_add_document (project, doc, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  {
    g_autoptr(DossierParsedDocument) newer = make_titled_doc ("Fares", "Ferry fares rise again.");

    g_assert_false (dossier_project_replace_document_text (project, fixture->doc1, newer, NULL, &error));
    g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_cmpint (dossier_project_autocode (project, blocked, "the", NULL, 0, &error), ==, -1);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER temp.fail_tag; DROP TRIGGER temp.fail_delete;"
                                     "DROP TRIGGER temp.fail_blocks", NULL, NULL, NULL), ==, SQLITE_OK);

  {
    g_autofree char *after = dump (project);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, label);
  g_assert_false (dossier_project_get_can_redo (project));

  /* And the project works on. */
  g_assert_cmpint (dossier_project_autocode (project, blocked, "the", NULL, 0, &error), >, 0);
  g_assert_no_error (error);
}

/* ---- The action guard, the text setter, the record of changes ------------------------ */

static void
test_guard_and_setter (Fixture       *fixture,
                       gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (project);
  g_autofree char *label = g_strdup (dossier_project_get_undo_label (project));
  g_autofree char *after = NULL;

  /* Refused before anything is written, or a no-op: no step. */
  g_assert_false (dossier_project_set_title (project, "Bad \xff title", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_title (project, " \t ", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_highlight_memo (project, fixture->h1, "Half \xc3", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_tag_description (project, 9999, "Nowhere", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  OK (dossier_project_set_tag_description (project, fixture->risks, NULL, ERR));
  OK (dossier_project_set_highlight_memo (project, fixture->h4, "Coût élevé, disent-ils.", ERR));
  OK (dossier_project_set_title (project, "Undo", ERR));

  /* A guard that goes out of scope uncommitted rolls back, models included. */
  {
    g_auto(DossierAction) action = DOSSIER_ACTION_INIT;

    OK (dossier_action_begin (&action, project, ERR));
    OK (dossier_project_exec (project, "UPDATE tags SET name = 'Gone'", ERR));
    dossier_project_touch_table (project, "tags");
  }

  after = dump (project);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, label);

  /* And the project works on: one step per change, values cleaned. */
  OK (dossier_project_set_title (project, "  Padded title  ", ERR));
  g_assert_cmpstr (dossier_project_get_title (project), ==, "Padded title");
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Rename Project");
  OK (dossier_project_set_tag_description (project, fixture->risks, "What may go wrong", ERR));
  g_assert_cmpstr (dossier_tag_get_description (dossier_project_get_tag (project, fixture->risks)),
                   ==, "What may go wrong");
  OK (dossier_project_undo (project, ERR));
  OK (dossier_project_undo (project, ERR));
  g_assert_cmpstr (dossier_project_get_title (project), ==, "Undo");
  g_assert_cmpstr (dossier_tag_get_description (dossier_project_get_tag (project, fixture->risks)),
                   ==, "");

  /* Changes are recorded per table: any table, no new fields. */
  {
    DossierChanges changes, copy;
    g_autoptr(GArray) ids = NULL;

    dossier_changes_init (&changes);
    dossier_changes_add (&changes, "stakeholders", 3);
    dossier_changes_add (&changes, "stakeholders", 1);
    dossier_changes_add (&changes, "stakeholders", 3);
    dossier_changes_add (&changes, "stakeholders", 0);
    dossier_changes_add_table (&changes, "questions");
    dossier_changes_copy (&copy, &changes);
    dossier_changes_clear (&changes);

    ids = dossier_changes_get_sorted (&copy, "stakeholders");
    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 3);
    g_assert_true (dossier_changes_contains (&copy, "stakeholders", 3));
    g_assert_false (dossier_changes_contains (&copy, "questions", 3));
    g_assert_null (dossier_changes_get_rows (&copy, "tags"));
    g_assert_true (dossier_changes_get_reload (&copy, "questions"));
    g_assert_false (dossier_changes_get_reload (&copy, "stakeholders"));
    dossier_changes_clear (&copy);
  }
}

/* ---- A full disk ---------------------------------------------------------------------- */

/* The room given to the disk grows by this much from one attempt to the
 * next: not a multiple of a page, so that the disk fills inside the log's
 * frames and headers and at the commit record, not only between them. */
#define ROOM_STEP 1531

typedef gboolean (*Attempt) (Fixture       *fixture,
                             gconstpointer  data,
                             GError       **error);

/* The undo and redo stacks as a user sees them. */
static char *
describe_stacks (DossierProject *project)
{
  return g_strdup_printf ("undo %d “%s”, redo %d “%s”",
                          dossier_project_get_can_undo (project),
                          dossier_project_get_undo_label (project),
                          dossier_project_get_can_redo (project),
                          dossier_project_get_redo_label (project));
}

/* Runs @attempt on a disk with room for 0, ROOM_STEP, 2 × ROOM_STEP …
 * bytes until it succeeds. Each failure must say that the disk is full
 * and leave the project — every table, the models, the undo and redo
 * stacks — exactly as it was; the project must still pass its check.
 * Returns how often it failed (at least once). */
static guint
attempt_on_full_disk (Fixture       *fixture,
                      Attempt        attempt,
                      gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autofree char *before = dump (project);
  g_autofree char *stacks = describe_stacks (project);
  guint failures = 0;

  for (gint64 room = 0;; room += ROOM_STEP)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      g_autofree char *stacks_after = NULL;
      gboolean ok;

      test_full_disk_set_room (room);
      ok = attempt (fixture, data, &error);
      test_full_disk_set_room (-1);
      if (ok)
        {
          g_assert_no_error (error);
          break;
        }

      g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "disk is full"));
      after = dump (project);
      g_assert_cmpstr (after, ==, before);
      stacks_after = describe_stacks (project);
      g_assert_cmpstr (stacks_after, ==, stacks);
      failures++;
      g_assert_cmpuint (failures, <, 2000);
    }

  g_assert_cmpuint (failures, >, 0);
  g_test_message ("%u failures on a full disk before it fitted", failures);
  assert_project_sound (project);
  return failures;
}

static gboolean
attempt_undo (Fixture       *fixture,
              gconstpointer  data,
              GError       **error)
{
  return dossier_project_undo (fixture->project, error);
}

static gboolean
attempt_redo (Fixture       *fixture,
              gconstpointer  data,
              GError       **error)
{
  return dossier_project_redo (fixture->project, error);
}

static gboolean
attempt_action (Fixture       *fixture,
                gconstpointer  data,
                GError       **error)
{
  Action action = (Action) data;

  fixture->may_fail = TRUE;
  action (fixture);
  fixture->may_fail = FALSE;
  if (fixture->failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&fixture->failure));
      return FALSE;
    }
  return TRUE;
}

/* Undo and redo of every kind of action on a full disk: until there is
 * room, each fails and changes nothing, the step stays where it was; then
 * each does exactly what it does with room. */
static void
test_full_disk_undo_redo (Fixture       *fixture,
                          gconstpointer  data)
{
  DossierProject *project = fixture->project;

  test_full_disk_set_room (-1);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;

      if (actions[i].steps != 1)
        continue;

      g_test_message ("action %s", actions[i].name);
      before = dump (project);
      actions[i].action (fixture);
      after = dump (project);

      attempt_on_full_disk (fixture, attempt_undo, NULL);
      undone = dump (project);
      g_assert_cmpstr (undone, ==, before);
      g_assert_cmpstr (dossier_project_get_redo_label (project), !=, NULL);

      attempt_on_full_disk (fixture, attempt_redo, NULL);
      redone = dump (project);
      g_assert_cmpstr (redone, ==, after);
      g_assert_false (dossier_project_get_can_redo (project));
    }
}

/* Every kind of action on a full disk, which fails at its statements or
 * at its commit: nothing of it is stored, the step before it is still the
 * one to undo and what could be redone still can be. */
static void
test_full_disk_actions (Fixture       *fixture,
                        gconstpointer  data)
{
  DossierProject *project = fixture->project;

  test_full_disk_set_room (-1);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *stacks = NULL;
      g_autofree char *stacks_after = NULL;

      if (actions[i].steps != 1)
        continue;

      /* Something to redo, which only a stored action may clear. */
      add_tag (project, "Scratch", 0);
      OK (dossier_project_undo (project, ERR));

      g_test_message ("action %s", actions[i].name);
      before = dump (project);
      stacks = describe_stacks (project);
      attempt_on_full_disk (fixture, attempt_action, actions[i].action);
      after = dump (project);
      g_assert_cmpstr (after, !=, before);
      g_assert_false (dossier_project_get_can_redo (project));

      /* The stack under it is whole: undone, all is as before. */
      OK (dossier_project_undo (project, ERR));
      undone = dump (project);
      g_assert_cmpstr (undone, ==, before);
      OK (dossier_project_undo (project, ERR));
      OK (dossier_project_redo (project, ERR));
      g_clear_pointer (&undone, g_free);
      undone = dump (project);
      g_assert_cmpstr (undone, ==, before);
      stacks_after = describe_stacks (project);
      g_assert_cmpstr (stacks_after, !=, stacks);  /* the action is what redo redoes now */
    }
}

static gboolean
attempt_save_as (Fixture       *fixture,
                 gconstpointer  data,
                 GError       **error)
{
  const char *dest = data;
  g_autofree char *files = test_list_dir (fixture->dir);
  g_autofree char *files_after = NULL;
  gboolean ok = dossier_project_save_as (fixture->project, dest, error);

  if (!ok)
    {
      /* Nothing under the new name, nothing half-written beside it. */
      files_after = test_list_dir (fixture->dir);
      g_assert_cmpstr (files_after, ==, files);
    }
  return ok;
}

/* Save As on a full disk: until the copy fits, nothing is left where it
 * was to go, and the project stays open and unchanged at its own path,
 * undo and redo included; then the copy is whole. */
static void
test_full_disk_save_as (Fixture       *fixture,
                        gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autofree char *dest = g_build_filename (fixture->dir, "copy.dossier", NULL);
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autofree char *before = NULL;
  g_autoptr(DossierProject) copy = NULL;
  g_autoptr(GError) error = NULL;

  test_full_disk_set_room (-1);
  OK (dossier_project_undo (project, ERR));
  before = dump (project);

  attempt_on_full_disk (fixture, attempt_save_as, dest);
  g_assert_cmpstr (dossier_project_get_path (project), ==, path);

  copy = dossier_project_open (dest, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  assert_project_sound (copy);
  {
    g_autofree char *copied = dump (copy);

    g_assert_cmpstr (copied, ==, before);
  }

  /* And the project works on where it is. */
  OK (dossier_project_redo (project, ERR));
  add_tag (project, "After the copy", 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/undo/every-action", Fixture, NULL, fixture_set_up, test_every_action,
              fixture_tear_down);
  g_test_add ("/dossier/undo/stack", Fixture, NULL, fixture_set_up, test_stack,
              fixture_tear_down);
  g_test_add ("/dossier/undo/step", Fixture, NULL, fixture_set_up, test_undo_step, fixture_tear_down);
  g_test_add ("/dossier/undo/failures-leave-no-trace", Fixture, NULL, fixture_set_up,
              test_failures, fixture_tear_down);
  g_test_add ("/dossier/undo/guard-and-text-setter", Fixture, NULL, fixture_set_up,
              test_guard_and_setter, fixture_tear_down);
  g_test_add ("/dossier/undo/full-disk/undo-redo", Fixture, NULL, full_disk_set_up,
              test_full_disk_undo_redo, fixture_tear_down);
  g_test_add ("/dossier/undo/full-disk/actions", Fixture, NULL, full_disk_set_up,
              test_full_disk_actions, fixture_tear_down);
  g_test_add ("/dossier/undo/full-disk/save-as", Fixture, NULL, full_disk_set_up,
              test_full_disk_save_as, fixture_tear_down);

  return g_test_run ();
}
