/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-highlight-list.c — the live highlight lists
 * (dossier_project_get_highlights (), dossier_project_get_tag_highlights ()):
 * after every kind of action, its undo and its redo, each list holds what
 * a fresh listing holds, and its items-changed signals, replayed on a
 * mirror, lead to the same items — each one exact, and as small as the
 * change.
 */

#include "config.h"

#include <string.h>

#include <dossier/dossier.h>

#include "dossier-highlight-private.h"
#include "test-util.h"

/* ---- A list and the mirror its signals build ---------------------------------- */

typedef struct
{
  GListModel *model;
  gint64      document_id;   /* what it lists: a document's, */
  gint64      tag_id;        /* or a tag's */
  GPtrArray  *mirror;        /* of DossierHighlight, rebuilt from items-changed */
  guint       emissions;
  guint       last_position, last_removed, last_added;
} Watched;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watched    *w)
{
  g_assert_cmpuint (position + removed, <=, w->mirror->len);
  g_ptr_array_remove_range (w->mirror, position, removed);
  for (guint k = 0; k < added; k++)
    g_ptr_array_insert (w->mirror, position + k, g_list_model_get_item (model, position + k));
  g_assert_cmpuint (w->mirror->len, ==, g_list_model_get_n_items (model));

  w->emissions++;
  w->last_position = position;
  w->last_removed = removed;
  w->last_added = added;
}

static Watched *
watch (GListModel *model,
       gint64      document_id,
       gint64      tag_id)
{
  Watched *w = g_new0 (Watched, 1);

  w->model = model;
  w->document_id = document_id;
  w->tag_id = tag_id;
  w->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (w->mirror, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), w);

  return w;
}

static void
watched_free (Watched *w)
{
  g_signal_handlers_disconnect_by_data (w->model, w);
  g_assert_finalize_object (w->model);
  g_ptr_array_unref (w->mirror);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Watched, watched_free)

/* The model, its mirror and a fresh listing say the same. */
static void
assert_in_step (DossierProject *project,
                Watched        *w,
                const char     *when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  guint n = g_list_model_get_n_items (w->model);

  if (w->tag_id != 0 && dossier_project_get_tag (project, w->tag_id) == NULL)
    fresh = g_ptr_array_new ();   /* the tag is gone: nothing carries it */
  else if (w->document_id != 0 && dossier_project_get_document (project, w->document_id) == NULL)
    fresh = g_ptr_array_new ();
  else
    fresh = dossier_project_list_highlights (project, w->document_id, w->tag_id, &error);
  g_assert_no_error (error);

  if (n != fresh->len || w->mirror->len != n)
    g_error ("%s: the list of %s %" G_GINT64_FORMAT " has %u items, its mirror %u, a listing %u",
             when, w->tag_id != 0 ? "tag" : "document", w->tag_id != 0 ? w->tag_id : w->document_id,
             n, w->mirror->len, fresh->len);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierHighlight) item = g_list_model_get_item (w->model, i);

      g_assert_true (g_ptr_array_index (w->mirror, i) == item);
      if (!dossier_highlight_equal (item, g_ptr_array_index (fresh, i)))
        g_error ("%s: item %u of the list of %s %" G_GINT64_FORMAT " is highlight %" G_GINT64_FORMAT
                 ", a listing has %" G_GINT64_FORMAT " (or it changed)",
                 when, i, w->tag_id != 0 ? "tag" : "document",
                 w->tag_id != 0 ? w->tag_id : w->document_id,
                 dossier_highlight_get_id (item),
                 dossier_highlight_get_id (g_ptr_array_index (fresh, i)));
    }
}

/* ---- Fixture ------------------------------------------------------------------- */

static const char text_one[] =
  "The council will vote on the new library in May. Students welcome the plan; "
  "the finance office warns that the cost could rise above the budget. "
  "Residents near the site fear noise during two years of works.";
static const char text_two[] =
  "Students and teachers mostly back the library. Shop owners on the high street "
  "hope for more visitors; a few worry about parking and the cost of the works.";

typedef struct
{
  TestProject  base;
  gint64       one, two;
  gint64       people, students, council, money, cost, works;
  Watched     *lists[7];
  guint        n_lists;
} Fixture;

static gint64
offset_of (const char *text,
           const char *needle)
{
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  return g_utf8_pointer_to_offset (text, at);
}

static gint64
tag_words (Fixture    *f,
           gint64      document_id,
           const char *text,
           const char *words,
           gint64      tag_id)
{
  g_autoptr(GError) error = NULL;
  gint64 start = offset_of (text, words);
  gint64 id = dossier_project_tag_range (f->base.project, document_id, start,
                                         start + g_utf8_strlen (words, -1), tag_id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static Watched *
watch_document (Fixture *f,
                gint64   document_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = dossier_project_get_highlights (f->base.project, document_id, &error);

  g_assert_no_error (error);
  return f->lists[f->n_lists++] = watch (model, document_id, 0);
}

static Watched *
watch_tag (Fixture *f,
           gint64   tag_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = dossier_project_get_tag_highlights (f->base.project, tag_id, &error);

  g_assert_no_error (error);
  return f->lists[f->n_lists++] = watch (model, 0, tag_id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  DossierProject *project;

  test_project_set_up (&f->base, NULL);
  project = f->base.project;

  f->one = add_doc (project, "Library vote", text_one);
  f->two = add_doc (project, "Divided town", text_two);
  f->people = add_tag (project, "People", 0);
  f->students = add_tag (project, "Students", f->people);
  f->council = add_tag (project, "Council", f->people);
  f->money = add_tag (project, "Money", 0);
  f->cost = add_tag (project, "Cost", f->money);
  f->works = add_tag (project, "Works", 0);

  tag_words (f, f->one, text_one, "The council", f->council);
  tag_words (f, f->one, text_one, "Students welcome the plan", f->students);
  tag_words (f, f->one, text_one, "the cost could rise above the budget", f->cost);
  tag_words (f, f->two, text_two, "Students and teachers", f->students);
  tag_words (f, f->two, text_two, "the cost of the works", f->cost);

  watch_document (f, f->one);
  watch_document (f, f->two);
  watch_tag (f, f->people);
  watch_tag (f, f->students);
  watch_tag (f, f->money);
  watch_tag (f, f->cost);
  watch_tag (f, f->works);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < f->n_lists; i++)
    watched_free (f->lists[i]);
  test_project_tear_down (&f->base, NULL);
}

static void
reset_counts (Fixture *f)
{
  for (guint i = 0; i < f->n_lists; i++)
    f->lists[i]->emissions = 0;
}

static void
assert_all_in_step (Fixture    *f,
                    const char *when)
{
  for (guint i = 0; i < f->n_lists; i++)
    assert_in_step (f->base.project, f->lists[i], when);
}

/* ---- Every action, its undo, its redo ------------------------------------------ */

typedef void (*Action) (Fixture *f);

static void
act_tag_new (Fixture *f)
{
  tag_words (f, f->one, text_one, "Residents near the site", f->people);
}

static void
act_tag_merge (Fixture *f)
{
  /* Overlaps "the cost could rise above the budget": one highlight. */
  tag_words (f, f->one, text_one, "the finance office warns that the cost", f->cost);
}

static void
act_tag_second (Fixture *f)
{
  /* The same passage with another tag. */
  tag_words (f, f->two, text_two, "Students and teachers", f->works);
}

static void
act_add_highlight (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 start = offset_of (text_two, "Shop owners");

  g_assert_cmpint (dossier_project_add_highlight (f->base.project, f->two, start, start + 11,
                                                  (gint64[]) { f->people, f->money }, 2,
                                                  "Who gains?", &error), >, 0);
  g_assert_no_error (error);
}

static gint64
first_highlight (Fixture *f,
                 gint64   document_id,
                 gint64   tag_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = dossier_project_list_highlights (f->base.project, document_id,
                                                              tag_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 0);
  return dossier_highlight_get_id (g_ptr_array_index (all, 0));
}

static void
act_add_highlight_tag (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_project_add_highlight_tag (f->base.project,
                                                    first_highlight (f, f->one, f->cost),
                                                    f->works, &error));
  g_assert_no_error (error);
}

static void
act_remove_last_tag (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  /* Its only tag: the highlight goes. */
  g_assert_true (dossier_project_remove_highlight_tag (f->base.project,
                                                       first_highlight (f, f->one, f->council),
                                                       f->council, &error));
  g_assert_no_error (error);
}

static void
act_memo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_project_set_highlight_memo (f->base.project,
                                                     first_highlight (f, f->two, f->cost),
                                                     "Parking too", &error));
  g_assert_no_error (error);
}

static void
act_delete_highlight (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_project_delete_highlight (f->base.project,
                                                   first_highlight (f, f->one, f->students),
                                                   &error));
  g_assert_no_error (error);
}

static void
act_delete_tag (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_project_delete_tag (f->base.project, f->people, &error));
  g_assert_no_error (error);
}

static void
act_merge_tags (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_project_merge_tags (f->base.project, f->students, f->works, &error));
  g_assert_no_error (error);
}

static void
act_move_tag (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  /* Cost leaves Money for People: both subtrees change. */
  g_assert_true (dossier_project_move_tag (f->base.project, f->cost, f->people, 0, &error));
  g_assert_no_error (error);
}

static void
act_rename_tag (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_project_rename_tag (f->base.project, f->money, "Finance", &error));
  g_assert_no_error (error);
}

static void
act_replace_text (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autoptr(GArray) orphans = NULL;

  /* "Students welcome the plan" moves, the cost sentence goes (orphaned). */
  doc = make_doc ("Library vote", "Update. The council will vote on the new library in June. "
                                  "Students welcome the plan.");
  g_assert_true (dossier_project_replace_document_text (f->base.project, f->one, doc, &orphans,
                                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (orphans->len, >, 0);
}

static void
act_autocode (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (dossier_project_autocode (f->base.project, f->works, "the", NULL, 0, &error), >, 3);
  g_assert_no_error (error);
}

static void
act_delete_document (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_project_delete_document (f->base.project, f->two, &error));
  g_assert_no_error (error);
}

static void
act_import (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 three = add_doc (f->base.project, "Third", "Nothing tagged here yet.");

  /* A new document has no highlights: no list changes. */
  g_assert_cmpint (three, >, 0);
}

static const struct
{
  const char *name;
  Action      act;
} actions[] = {
  { "tag a new passage", act_tag_new },
  { "tag over a highlight (merge)", act_tag_merge },
  { "tag a passage with a second tag", act_tag_second },
  { "add a highlight with two tags", act_add_highlight },
  { "add a tag to a highlight", act_add_highlight_tag },
  { "remove a highlight's last tag", act_remove_last_tag },
  { "edit a memo", act_memo },
  { "delete a highlight", act_delete_highlight },
  { "merge tags", act_merge_tags },
  { "move a tag", act_move_tag },
  { "rename a tag", act_rename_tag },
  { "replace a document's text", act_replace_text },
  { "autocode", act_autocode },
  { "delete a tag and its sub-tags", act_delete_tag },
  { "delete a document", act_delete_document },
  { "import a document", act_import },
};

static void
test_every_action (Fixture       *f,
                   gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;

  assert_all_in_step (f, "at the start");

  for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
    {
      g_autofree char *done = g_strdup_printf ("after “%s”", actions[a].name);
      g_autofree char *undone = g_strdup_printf ("after undoing “%s”", actions[a].name);
      g_autofree char *redone = g_strdup_printf ("after redoing “%s”", actions[a].name);

      actions[a].act (f);
      assert_all_in_step (f, done);
      g_assert_true (dossier_project_undo (project, &error));
      g_assert_no_error (error);
      assert_all_in_step (f, undone);
      g_assert_true (dossier_project_redo (project, &error));
      g_assert_no_error (error);
      assert_all_in_step (f, redone);
    }

  /* And the whole history back, and forth again. */
  while (dossier_project_get_can_undo (project))
    {
      g_assert_true (dossier_project_undo (project, &error));
      g_assert_no_error (error);
      assert_all_in_step (f, "unwinding");
    }
  while (dossier_project_get_can_redo (project))
    {
      g_assert_true (dossier_project_redo (project, &error));
      g_assert_no_error (error);
      assert_all_in_step (f, "replaying");
    }
}

/* ---- Exact signals ---------------------------------------------------------------- */

static void
assert_one_emission (Watched *w,
                     guint    position,
                     guint    removed,
                     guint    added)
{
  if (w->emissions != 1 || w->last_position != position || w->last_removed != removed ||
      w->last_added != added)
    g_error ("The list of %s %" G_GINT64_FORMAT ": %u emissions, the last (%u, %u, %u); "
             "expected one, (%u, %u, %u)",
             w->tag_id != 0 ? "tag" : "document", w->tag_id != 0 ? w->tag_id : w->document_id,
             w->emissions, w->last_position, w->last_removed, w->last_added,
             position, removed, added);
  g_assert_cmpuint (w->last_position, ==, position);
  g_assert_cmpuint (w->last_removed, ==, removed);
  g_assert_cmpuint (w->last_added, ==, added);
}

static void
test_exact_signals (Fixture       *f,
                    gconstpointer  data)
{
  DossierProject *project = f->base.project;
  Watched *one = f->lists[0], *two = f->lists[1], *people = f->lists[2];
  Watched *students = f->lists[3], *money = f->lists[4], *works = f->lists[6];
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierHighlight) before = NULL;
  g_autoptr(DossierHighlight) kept = NULL;
  gint64 id;

  /* Document one: council (0), students (1), cost (2). */
  g_assert_cmpuint (g_list_model_get_n_items (one->model), ==, 3);
  before = g_list_model_get_item (one->model, 1);
  kept = g_list_model_get_item (one->model, 0);

  /* A memo: that one item is replaced, in its document's list and in the
   * lists of its tag's ancestors; the others are the same objects. */
  reset_counts (f);
  g_assert_true (dossier_project_set_highlight_memo (project, dossier_highlight_get_id (before),
                                                     "They need space", &error));
  g_assert_no_error (error);
  assert_one_emission (one, 1, 1, 1);
  assert_one_emission (students, 0, 1, 1);   /* document one's comes first */
  assert_one_emission (people, 1, 1, 1);     /* after the council's */
  g_assert_cmpuint (two->emissions, ==, 0);
  g_assert_cmpuint (money->emissions, ==, 0);
  {
    g_autoptr(DossierHighlight) first = g_list_model_get_item (one->model, 0);
    g_autoptr(DossierHighlight) changed = g_list_model_get_item (one->model, 1);

    g_assert_true (first == kept);
    g_assert_true (changed != before);
    g_assert_cmpstr (dossier_highlight_get_memo (changed), ==, "They need space");
  }

  /* Undo: replaced back (a new snapshot equal to the first). */
  reset_counts (f);
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  assert_one_emission (one, 1, 1, 1);
  assert_one_emission (students, 0, 1, 1);

  /* A new highlight: one insertion where it sorts. */
  reset_counts (f);
  id = tag_words (f, f->one, text_one, "Residents near the site", f->works);
  assert_one_emission (one, 3, 0, 1);
  assert_one_emission (works, 0, 0, 1);
  g_assert_cmpuint (people->emissions, ==, 0);

  /* Deleting it: one removal. */
  reset_counts (f);
  g_assert_true (dossier_project_delete_highlight (project, id, &error));
  g_assert_no_error (error);
  assert_one_emission (one, 3, 1, 0);
  assert_one_emission (works, 0, 1, 0);

  /* Tagging across two highlights that carry only that tag merges them:
   * both go, one comes, in one splice. */
  tag_words (f, f->one, text_one, "Residents near the site", f->cost);
  reset_counts (f);
  tag_words (f, f->one, text_one, "budget. Residents", f->cost);
  assert_one_emission (one, 2, 2, 1);
  assert_one_emission (money, 0, 2, 1);   /* document one's two come first */

  /* Renaming a tag changes no highlight: nothing is emitted. */
  reset_counts (f);
  g_assert_true (dossier_project_rename_tag (project, f->works, "Building works", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < f->n_lists; i++)
    g_assert_cmpuint (f->lists[i]->emissions, ==, 0);

  assert_all_in_step (f, "at the end");
}

/* ---- Handing out -------------------------------------------------------------------- */

static void
test_handing_out (Fixture       *f,
                  gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) again = dossier_project_get_highlights (project, f->one, &error);
  g_autoptr(GListModel) tag_again = dossier_project_get_tag_highlights (project, f->money, &error);

  g_assert_no_error (error);
  g_assert_true (again == f->lists[0]->model);
  g_assert_true (tag_again == f->lists[4]->model);
  g_assert_true (g_list_model_get_item_type (again) == DOSSIER_TYPE_HIGHLIGHT);
  g_assert_null (g_list_model_get_item (again, 99));

  g_assert_null (dossier_project_get_highlights (project, 9999, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (dossier_project_get_tag_highlights (project, 9999, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

/* A list outlives its project with what it held; the project does not
 * keep it alive, nor it the project. */
static void
test_outlives_project (void)
{
  TestProject base = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 doc;

  test_project_set_up (&base, NULL);
  doc = add_doc (base.project, "Short", "A short note on the ferry.");
  dossier_project_tag_range (base.project, doc, 2, 7, add_tag (base.project, "Notes", 0), &error);
  g_assert_no_error (error);
  list = dossier_project_get_highlights (base.project, doc, &error);
  g_assert_no_error (error);

  test_project_tear_down (&base, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/highlight-list/every-action", Fixture, NULL,
              fixture_set_up, test_every_action, fixture_tear_down);
  g_test_add ("/dossier/highlight-list/exact-signals", Fixture, NULL,
              fixture_set_up, test_exact_signals, fixture_tear_down);
  g_test_add ("/dossier/highlight-list/handing-out", Fixture, NULL,
              fixture_set_up, test_handing_out, fixture_tear_down);
  g_test_add_func ("/dossier/highlight-list/outlives-project", test_outlives_project);

  return g_test_run ();
}
