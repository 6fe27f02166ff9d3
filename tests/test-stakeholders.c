/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-stakeholders.c — a project's stakeholders: adding and editing them
 * (every field, its checks, its undo), the list model's exact
 * items-changed, evidence (roles, stances per source, a highlight made for
 * it, and what deleting a highlight does to it), mention counts kept up to
 * date on import, text replacement, renaming and undo, unreviewed
 * mentions, suggestions that stay dismissed, the check that a name is
 * no one else's (folded, through every edit, in a file edited by hand),
 * and a version 2 project migrated with its stakeholders counted.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <dossier/dossier.h>

#include "dossier-project-private.h"
#include "test-util.h"

/* Invented reporting on an invented harbour; accents and curly quotes on
 * purpose. */
static const char text_a[] =
  "Mayor Inès Varga said the quay would reopen in May. Varga’s office called "
  "it “a promise kept”. The harbour authority disagreed. INÈS VARGA, asked again, "
  "repeated it. The Harbour Authority of Port Calder wants a new survey first.";
static const char text_b[] =
  "Ines Varga spoke to the dockers’ union. The union wants the quay closed until "
  "the survey is done. Varga did not answer.";

typedef struct
{
  TestProject base;
  gint64      doc_a;
  gint64      doc_b;
  gint64      tag;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  DossierParsedDocument *b;

  test_project_set_up (&f->base, data);
  f->doc_a = add_doc (f->base.project, "Quay to reopen", text_a);
  b = make_doc ("Union doubts", text_b);
  g_free (b->outlet);
  b->outlet = g_strdup ("Harbour Weekly");
  f->doc_b = add_parsed_doc (f->base.project, b);
  f->tag = add_tag (f->base.project, "Quotes", 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_project_tear_down (&f->base, data);
}

#define P(f) ((f)->base.project)

static gint64
add_stakeholder (DossierProject *project,
                 const char     *name,
                 const char     *alias)
{
  const char *aliases[] = { alias, NULL };
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_project_add_stakeholder (project, name, alias != NULL ? aliases : NULL,
                                               DOSSIER_STAKEHOLDER_OFFICIAL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static guint
mentions_in (DossierProject *project,
             gint64          stakeholder_id,
             gint64          document_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = dossier_project_count_mentions (project, stakeholder_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < counts->len; i++)
    if (g_array_index (counts, DossierMentionCount, i).document_id == document_id)
      return g_array_index (counts, DossierMentionCount, i).n_mentions;
  return 0;
}

/* ---- Items-changed ---------------------------------------------------------------- */

/* Replays items-changed on a copy of the model and checks that the copy
 * equals the model after every emission: exact signals. */
typedef struct
{
  GListModel *model;
  GPtrArray  *mirror;
  guint       n_signals;
} Mirror;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Mirror     *m)
{
  m->n_signals++;
  g_ptr_array_remove_range (m->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (m->mirror, position + i, g_list_model_get_item (model, position + i));

  g_assert_cmpuint (m->mirror->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < m->mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == g_ptr_array_index (m->mirror, i));
    }
}

static void
mirror_init (Mirror     *m,
             GListModel *model)
{
  m->model = model;
  m->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  m->n_signals = 0;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (m->mirror, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), m);
}

static void
mirror_clear (Mirror *m)
{
  g_signal_handlers_disconnect_by_data (m->model, m);
  g_ptr_array_unref (m->mirror);
}

/* ---- Adding and editing ---------------------------------------------------------------- */

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  const char *aliases[] = { " Varga ", "Mayor Varga", "varga", "Inès Varga", "", NULL };
  g_autoptr(GError) error = NULL;
  DossierStakeholder *s;
  Mirror m;
  gint64 id, second;

  mirror_init (&m, dossier_project_get_stakeholders (P (f)));

  id = dossier_project_add_stakeholder (P (f), "  Inès Varga ", aliases,
                                        DOSSIER_STAKEHOLDER_OFFICIAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m.n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_stakeholders (P (f))), ==, 1);

  s = dossier_project_get_stakeholder (P (f), id);
  g_assert_nonnull (s);
  g_assert_cmpstr (dossier_stakeholder_get_name (s), ==, "Inès Varga");
  /* Stripped, without the name and without repeats that fold the same. */
  g_assert_cmpstrv (dossier_stakeholder_get_aliases (s),
                    ((const char *[]) { "Varga", "Mayor Varga", NULL }));
  g_assert_cmpint (dossier_stakeholder_get_kind (s), ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpint (dossier_stakeholder_get_stance_position (s), ==, DOSSIER_STANCE_UNKNOWN);
  g_assert_cmpint (dossier_stakeholder_get_power (s), ==, 3);
  g_assert_cmpint (dossier_stakeholder_get_interest (s), ==, 3);
  g_assert_cmpint (dossier_stakeholder_get_position (s), ==, 0);
  g_assert_true (g_uuid_string_is_valid (dossier_stakeholder_get_uuid (s)));
  g_assert_cmpuint (strlen (dossier_stakeholder_get_color (s)), ==, 7);
  g_assert_cmpstr (dossier_stakeholder_get_description (s), ==, "");
  /* Mentioned at once: "Inès Varga", "Varga’s", "INÈS VARGA" in A; "Ines
   * Varga", "Varga" in B. */
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (s), ==, 5);
  g_assert_cmpuint (dossier_stakeholder_get_n_documents (s), ==, 2);
  g_assert_cmpuint (mentions_in (P (f), id, f->doc_a), ==, 3);
  g_assert_cmpuint (mentions_in (P (f), id, f->doc_b), ==, 2);
  g_assert_true (dossier_project_find_stakeholder (P (f), "MAYOR VARGA") == s);
  g_assert_true (dossier_project_find_stakeholder (P (f), "ines varga") == s);
  g_assert_null (dossier_project_find_stakeholder (P (f), "Port Calder"));
  g_assert_cmpstr (dossier_project_get_undo_label (P (f)), ==, "Add Stakeholder “Inès Varga”");

  /* A second one comes after it, with another colour. */
  second = add_stakeholder (P (f), "Harbour Authority", "harbour authority of Port Calder");
  g_assert_cmpint (dossier_stakeholder_get_position (dossier_project_get_stakeholder (P (f), second)),
                   ==, 1);
  g_assert_cmpstr (dossier_stakeholder_get_color (dossier_project_get_stakeholder (P (f), second)),
                   !=, dossier_stakeholder_get_color (s));
  g_assert_cmpuint (mentions_in (P (f), second, f->doc_a), ==, 2);

  /* Undo takes it away, with its counts; redo brings both back. */
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_null (dossier_project_get_stakeholder (P (f), second));
  g_assert_cmpuint (mentions_in (P (f), second, f->doc_a), ==, 0);
  g_assert_true (dossier_project_redo (P (f), &error));
  g_assert_cmpuint (mentions_in (P (f), second, f->doc_a), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_stakeholders (P (f))), ==, 2);

  mirror_clear (&m);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  const char *bad_alias[] = { "ok", "—", NULL };
  const char *multi_line[] = { "first\nsecond", NULL };
  const char *too_many[DOSSIER_STAKEHOLDER_MAX_ALIASES + 2];
  g_autofree char *long_name = g_strnfill (DOSSIER_STAKEHOLDER_MAX_NAME + 1, 'x');
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;
  gint64 id = add_stakeholder (P (f), "Inès Varga", "Varga");
  g_autofree char *undo_label = g_strdup (dossier_project_get_undo_label (P (f)));

  struct { const char *name; int code; } names_refused[] = {
    { "", DOSSIER_PROJECT_ERROR_INVALID },
    { "   ", DOSSIER_PROJECT_ERROR_INVALID },
    { "Two\nlines", DOSSIER_PROJECT_ERROR_INVALID },
    { "«»", DOSSIER_PROJECT_ERROR_INVALID },
    { "\xff\xfe", DOSSIER_PROJECT_ERROR_INVALID },
    { "INES VARGA", DOSSIER_PROJECT_ERROR_EXISTS },   /* its name */
    { "varga", DOSSIER_PROJECT_ERROR_EXISTS },        /* its alias */
  };

  for (guint i = 0; i < G_N_ELEMENTS (names_refused); i++)
    {
      g_assert_cmpint (dossier_project_add_stakeholder (P (f), names_refused[i].name, NULL,
                                                        DOSSIER_STAKEHOLDER_OTHER, &error), ==, 0);
      g_assert_error (error, DOSSIER_PROJECT_ERROR, names_refused[i].code);
      g_clear_error (&error);
    }
  g_assert_cmpint (dossier_project_add_stakeholder (P (f), long_name, NULL,
                                                    DOSSIER_STAKEHOLDER_OTHER, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (dossier_project_set_stakeholder_aliases (P (f), id, bad_alias, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (too_many) - 1; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("Alias %u", i));
      too_many[i] = g_ptr_array_index (names, i);
    }
  too_many[G_N_ELEMENTS (too_many) - 1] = NULL;
  g_assert_false (dossier_project_set_stakeholder_aliases (P (f), id, too_many, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (dossier_project_set_stakeholder_ratings (P (f), id, 0, 3, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_stakeholder_ratings (P (f), id, 3, 6, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_stakeholder_stance_position (P (f), id, 3, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_stakeholder_color (P (f), id, "blue", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_stakeholder_kind (P (f), id, 99, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_stakeholder_name (P (f), 4242, "Nobody", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_stakeholder_description (P (f), 4242, "x", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dossier_project_delete_stakeholder (P (f), 4242, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dossier_project_merge_stakeholders (P (f), id, id, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_add_stakeholder_evidence (P (f), id, 4242, NULL,
                                                            DOSSIER_EVIDENCE_NONE,
                                                            DOSSIER_STANCE_UNKNOWN, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A stance only on stance evidence; ranges inside the text. */
  g_assert_cmpint (dossier_project_add_stakeholder_evidence_range (P (f), id, f->doc_a, 0, 5, NULL,
                                                                   DOSSIER_EVIDENCE_QUOTE, 1,
                                                                   &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_stakeholder_evidence_range (P (f), id, f->doc_a, 5, 5000,
                                                                   NULL, DOSSIER_EVIDENCE_NONE,
                                                                   DOSSIER_STANCE_UNKNOWN,
                                                                   &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_remove_stakeholder_evidence (P (f), id, 1, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  (void) multi_line;

  /* Nothing of that was done: the last undo step is still the adding. */
  g_assert_cmpstr (dossier_project_get_undo_label (P (f)), ==, undo_label);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_stakeholders (P (f))), ==, 1);

  /* An alias with a line break is two aliases. */
  g_assert_true (dossier_project_set_stakeholder_aliases (P (f), id, multi_line, &error));
  g_assert_no_error (error);
  g_assert_cmpstrv (dossier_stakeholder_get_aliases (dossier_project_get_stakeholder (P (f), id)),
                    ((const char *[]) { "first", "second", NULL }));
}

typedef struct
{
  guint n;
  char *last;
} Notified;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Notified   *n)
{
  n->n++;
  g_free (n->last);
  n->last = g_strdup (pspec->name);
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  const char *aliases[] = { "Varga", "the mayor", NULL };
  g_autoptr(GError) error = NULL;
  gint64 id = add_stakeholder (P (f), "Inès Varga", NULL);
  DossierStakeholder *s = dossier_project_get_stakeholder (P (f), id);
  Notified n = { 0, NULL };

  g_signal_connect (s, "notify", G_CALLBACK (on_notify), &n);

#define EDIT(call, prop, label) \
  G_STMT_START { \
    guint before = n.n; \
    g_assert_true (call); \
    g_assert_no_error (error); \
    g_assert_cmpuint (n.n, >, before); \
    g_assert_cmpstr (dossier_project_get_undo_label (P (f)), ==, label); \
    (void) prop; \
  } G_STMT_END

  EDIT (dossier_project_set_stakeholder_name (P (f), id, "Mayor Inès Varga", &error), "name",
        "Rename Stakeholder");
  EDIT (dossier_project_set_stakeholder_aliases (P (f), id, aliases, &error), "aliases",
        "Edit Aliases");
  EDIT (dossier_project_set_stakeholder_kind (P (f), id, DOSSIER_STAKEHOLDER_GOVERNMENT, &error),
        "kind", "Change Kind of Stakeholder");
  EDIT (dossier_project_set_stakeholder_description (P (f), id, "Elected 2022", &error),
        "description", "Edit Description");
  EDIT (dossier_project_set_stakeholder_stance (P (f), id, "Wants the quay open", &error),
        "stance", "Edit Stance");
  EDIT (dossier_project_set_stakeholder_stance_position (P (f), id, 2, &error),
        "stance-position", "Change Stance");
  EDIT (dossier_project_set_stakeholder_interests (P (f), id, "Re-election", &error),
        "interests", "Edit Interests");
  EDIT (dossier_project_set_stakeholder_ratings (P (f), id, 5, 4, &error), "power",
        "Rate Power and Interest");
  EDIT (dossier_project_set_stakeholder_color (P (f), id, "#ABCDEF", &error), "color",
        "Change Colour");
#undef EDIT

  g_assert_cmpstr (dossier_stakeholder_get_name (s), ==, "Mayor Inès Varga");
  g_assert_cmpstrv (dossier_stakeholder_get_aliases (s), aliases);
  g_assert_cmpint (dossier_stakeholder_get_kind (s), ==, DOSSIER_STAKEHOLDER_GOVERNMENT);
  g_assert_cmpstr (dossier_stakeholder_get_description (s), ==, "Elected 2022");
  g_assert_cmpstr (dossier_stakeholder_get_stance (s), ==, "Wants the quay open");
  g_assert_cmpint (dossier_stakeholder_get_stance_position (s), ==, 2);
  g_assert_cmpstr (dossier_stakeholder_get_interests (s), ==, "Re-election");
  g_assert_cmpint (dossier_stakeholder_get_power (s), ==, 5);
  g_assert_cmpint (dossier_stakeholder_get_interest (s), ==, 4);
  g_assert_cmpstr (dossier_stakeholder_get_color (s), ==, "#abcdef");
  /* The new name counts: "Mayor Inès Varga" once, "Varga" twice. */
  g_assert_cmpuint (mentions_in (P (f), id, f->doc_a), ==, 3);

  /* Setting what is already there changes nothing and adds no step. */
  n.n = 0;
  g_assert_true (dossier_project_set_stakeholder_ratings (P (f), id, 5, 4, &error));
  g_assert_true (dossier_project_set_stakeholder_name (P (f), id, "Mayor Inès Varga", &error));
  g_assert_true (dossier_project_set_stakeholder_aliases (P (f), id, aliases, &error));
  g_assert_true (dossier_project_set_stakeholder_stance_position (P (f), id, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n.n, ==, 0);
  g_assert_cmpstr (dossier_project_get_undo_label (P (f)), ==, "Change Colour");

  /* Every edit undoes, one step each, back to how it was added. */
  for (int i = 0; i < 9; i++)
    g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_cmpstr (dossier_stakeholder_get_name (s), ==, "Inès Varga");
  g_assert_cmpuint (g_strv_length ((char **) dossier_stakeholder_get_aliases (s)), ==, 0);
  g_assert_cmpint (dossier_stakeholder_get_stance_position (s), ==, DOSSIER_STANCE_UNKNOWN);
  g_assert_cmpint (dossier_stakeholder_get_power (s), ==, 3);
  g_assert_cmpint (dossier_stakeholder_get_kind (s), ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpuint (mentions_in (P (f), id, f->doc_a), ==, 2);   /* "Inès Varga" twice */

  g_signal_handlers_disconnect_by_data (s, &n);
  g_free (n.last);
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  GListModel *model = dossier_project_get_stakeholders (P (f));
  g_autoptr(GError) error = NULL;
  gint64 a = add_stakeholder (P (f), "A", NULL);
  gint64 b = add_stakeholder (P (f), "B", NULL);
  gint64 c = add_stakeholder (P (f), "C", NULL);
  Mirror m;

  mirror_init (&m, model);
  g_assert_true (dossier_project_move_stakeholder (P (f), c, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (m.n_signals, >, 0);

  {
    gint64 expected[] = { c, a, b };

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(DossierStakeholder) s = g_list_model_get_item (model, i);

        g_assert_cmpint (dossier_stakeholder_get_id (s), ==, expected[i]);
        g_assert_cmpint (dossier_stakeholder_get_position (s), ==, (int) i);
      }
  }

  g_assert_true (dossier_project_move_stakeholder (P (f), c, -1, &error));
  {
    g_autoptr(DossierStakeholder) last = g_list_model_get_item (model, 2);

    g_assert_cmpint (dossier_stakeholder_get_id (last), ==, c);
  }
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_true (dossier_project_undo (P (f), &error));
  {
    g_autoptr(DossierStakeholder) first = g_list_model_get_item (model, 0);

    g_assert_cmpint (dossier_stakeholder_get_id (first), ==, a);
  }

  /* Deleting closes ranks. */
  g_assert_true (dossier_project_delete_stakeholder (P (f), a, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (dossier_stakeholder_get_position (dossier_project_get_stakeholder (P (f), b)), ==, 0);
  g_assert_cmpint (dossier_stakeholder_get_position (dossier_project_get_stakeholder (P (f), c)), ==, 1);
  mirror_clear (&m);
}

/* ---- Evidence ------------------------------------------------------------------------ */

static void
test_evidence (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) stances = NULL;
  g_autoptr(DossierHighlight) bare = NULL;
  gint64 varga = add_stakeholder (P (f), "Inès Varga", "Varga");
  gint64 start, end, h_tagged, h_bare, h_b, h_again;
  DossierStakeholder *s = dossier_project_get_stakeholder (P (f), varga);
  DossierEvidence *e;
  guint n_tags = 1;

  /* A tagged highlight, cited with a stance. */
  text_range (text_a, "Mayor Inès Varga said the quay would reopen in May.", &start, &end);
  h_tagged = dossier_project_tag_range (P (f), f->doc_a, start, end, f->tag, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_add_stakeholder_evidence (P (f), varga, h_tagged, "Her promise",
                                                           DOSSIER_EVIDENCE_STANCE, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (s), ==, 1);

  /* "Add selection as evidence": a highlight without a tag, one step. */
  text_range (text_a, "INÈS VARGA, asked again, repeated it.", &start, &end);
  h_bare = dossier_project_add_stakeholder_evidence_range (P (f), varga, f->doc_a, start, end,
                                                           NULL, DOSSIER_EVIDENCE_STANCE, 1,
                                                           &error);
  g_assert_no_error (error);
  bare = dossier_project_get_highlight (P (f), h_bare, &error);
  dossier_highlight_get_tag_ids (bare, &n_tags);
  g_assert_cmpuint (n_tags, ==, 0);
  g_assert_cmpstr (dossier_highlight_get_quote (bare), ==, "INÈS VARGA, asked again, repeated it.");
  g_assert_cmpstr (dossier_project_get_undo_label (P (f)), ==, "Cite Evidence for “Inès Varga”");
  /* The same passage again is the same highlight. */
  h_again = dossier_project_add_stakeholder_evidence_range (P (f), varga, f->doc_a, start, end,
                                                            "Said twice", DOSSIER_EVIDENCE_QUOTE,
                                                            DOSSIER_STANCE_UNKNOWN, &error);
  g_assert_cmpint (h_again, ==, h_bare);

  text_range (text_b, "Varga did not answer.", &start, &end);
  h_b = dossier_project_add_stakeholder_evidence_range (P (f), varga, f->doc_b, start, end, NULL,
                                                        DOSSIER_EVIDENCE_POWER,
                                                        DOSSIER_STANCE_UNKNOWN, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_stakeholder_get_power_backed (s));
  g_assert_false (dossier_stakeholder_get_interest_backed (s));
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (s), ==, 3);

  /* Listed by document and position, with notes and roles. */
  list = dossier_project_list_stakeholder_evidence (P (f), varga, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  e = g_ptr_array_index (list, 0);
  g_assert_cmpint (dossier_highlight_get_id (e->highlight), ==, h_tagged);
  g_assert_cmpstr (e->note, ==, "Her promise");
  g_assert_cmpint (e->role, ==, DOSSIER_EVIDENCE_STANCE);
  g_assert_cmpint (e->stance_position, ==, 2);
  e = g_ptr_array_index (list, 1);
  g_assert_cmpint (dossier_highlight_get_id (e->highlight), ==, h_bare);
  g_assert_cmpstr (e->note, ==, "Said twice");
  g_assert_cmpint (e->role, ==, DOSSIER_EVIDENCE_QUOTE);
  g_assert_cmpint (e->stance_position, ==, DOSSIER_STANCE_UNKNOWN);
  e = g_ptr_array_index (list, 2);
  g_assert_cmpint (dossier_highlight_get_document_id (e->highlight), ==, f->doc_b);

  /* Stance per source: document A shows "strongly for" only (the other
   * stance evidence became a quote). */
  g_assert_true (dossier_project_add_stakeholder_evidence (P (f), varga, h_bare, NULL,
                                                           DOSSIER_EVIDENCE_STANCE, 1, &error));
  stances = dossier_project_list_stakeholder_stances (P (f), varga, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stances->len, ==, 1);
  g_assert_cmpint (g_array_index (stances, DossierSourceStance, 0).document_id, ==, f->doc_a);
  g_assert_cmpint (g_array_index (stances, DossierSourceStance, 0).position, ==, 2);  /* 1.5 → 2 */
  g_assert_cmpuint (g_array_index (stances, DossierSourceStance, 0).n_evidence, ==, 2);

  /* Removing a tagged highlight's last tag keeps it: it is evidence. */
  g_assert_true (dossier_project_remove_highlight_tag (P (f), h_tagged, f->tag, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DossierHighlight) kept = dossier_project_get_highlight (P (f), h_tagged, &error);

    g_assert_nonnull (kept);
  }
  assert_project_sound (P (f));

  /* Removing the last link of a highlight without a tag removes it too,
   * in the same step; undo brings both back. */
  g_assert_true (dossier_project_remove_stakeholder_evidence (P (f), varga, h_b, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_project_get_highlight (P (f), h_b, NULL));
  g_assert_true (dossier_project_undo (P (f), &error));
  {
    g_autoptr(DossierHighlight) back = dossier_project_get_highlight (P (f), h_b, &error);

    g_assert_nonnull (back);
  }
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (s), ==, 3);
}

static guint
n_highlights (DossierProject *project,
              gint64          document_id)
{
  g_autoptr(GPtrArray) highlights = dossier_project_list_highlights (project, document_id, 0, NULL);

  return highlights->len;
}

/* A new stakeholder citing a passage ("New Stakeholder" in the evidence
 * picker): one undo step takes the stakeholder, the link and the
 * highlight made for it; a highlight that was there stays. A name taken,
 * a range outside the text or a highlight gone leaves the project as it
 * was. */
static void
test_create_citing (Fixture       *f,
                    gconstpointer  data)
{
  DossierStakeholderFields fields = DOSSIER_STAKEHOLDER_FIELDS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(DossierHighlight) bare = NULL;
  gint64 start, end, union_id, authority_id, tagged, cited = 0;
  guint n_tags = 1, n_stakeholders;

  add_stakeholder (P (f), "Inès Varga", "Varga");
  text_range (text_b, "The union wants the quay closed until the survey is done.", &start, &end);
  fields.name = "  Dockers’ Union ";
  fields.kind = DOSSIER_STAKEHOLDER_CIVIL_SOCIETY;
  union_id = dossier_project_create_stakeholder_citing (P (f), &fields, 0, f->doc_b, start, end,
                                                        &cited, &error);
  g_assert_no_error (error);
  g_assert_cmpint (union_id, >, 0);
  g_assert_cmpstr (dossier_stakeholder_get_name (dossier_project_get_stakeholder (P (f), union_id)), ==,
                   "Dockers’ Union");
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (dossier_project_get_stakeholder (P (f), union_id)), ==, 1);
  g_assert_cmpstr (dossier_project_get_undo_label (P (f)), ==, "Add Stakeholder “Dockers’ Union”");
  bare = dossier_project_get_highlight (P (f), cited, &error);
  g_assert_no_error (error);
  dossier_highlight_get_tag_ids (bare, &n_tags);
  g_assert_cmpuint (n_tags, ==, 0);
  g_assert_cmpint (dossier_highlight_get_start (bare), ==, start);
  list = dossier_project_list_stakeholder_evidence (P (f), union_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((DossierEvidence *) g_ptr_array_index (list, 0))->role, ==, DOSSIER_EVIDENCE_NONE);
  assert_project_sound (P (f));

  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_null (dossier_project_get_stakeholder (P (f), union_id));
  g_assert_cmpuint (n_highlights (P (f), f->doc_b), ==, 0);
  g_assert_true (dossier_project_redo (P (f), &error));
  g_assert_nonnull (dossier_project_get_stakeholder (P (f), union_id));
  g_assert_cmpuint (n_highlights (P (f), f->doc_b), ==, 1);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (dossier_project_get_stakeholder (P (f), union_id)), ==, 1);

  /* A tagged highlight: cited, and kept by undo. */
  text_range (text_a, "The Harbour Authority of Port Calder wants a new survey first.", &start, &end);
  tagged = dossier_project_tag_range (P (f), f->doc_a, start, end, f->tag, &error);
  g_assert_no_error (error);
  fields.name = "Harbour Authority";
  fields.kind = DOSSIER_STAKEHOLDER_GOVERNMENT;
  cited = 0;
  authority_id = dossier_project_create_stakeholder_citing (P (f), &fields, tagged, 0, 0, 0, &cited,
                                                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (cited, ==, tagged);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (dossier_project_get_stakeholder (P (f), authority_id)), ==, 1);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_null (dossier_project_get_stakeholder (P (f), authority_id));
  g_assert_cmpuint (n_highlights (P (f), f->doc_a), ==, 1);

  /* Failures write nothing. */
  n_stakeholders = g_list_model_get_n_items (dossier_project_get_stakeholders (P (f)));
  fields.name = "INES VARGA";
  g_assert_cmpint (dossier_project_create_stakeholder_citing (P (f), &fields, 0, f->doc_a, 0, 4, NULL,
                                                              &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);
  fields.name = "Port Calder Pilots";
  g_assert_cmpint (dossier_project_create_stakeholder_citing (P (f), &fields, 0, f->doc_a, 5, 100000,
                                                              NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_create_stakeholder_citing (P (f), &fields, 4242, 0, 0, 0, NULL,
                                                              &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_stakeholders (P (f))), ==, n_stakeholders);
  g_assert_null (dossier_project_find_stakeholder (P (f), "Port Calder Pilots"));
  g_assert_cmpuint (n_highlights (P (f), f->doc_a), ==, 1);
  g_assert_cmpstr (dossier_project_get_redo_label (P (f)), ==, "Add Stakeholder “Harbour Authority”");
  assert_project_sound (P (f));
}

/* A stakeholder made from a passage with no kind chosen is of the kind
 * the document's words give its name ("the harbour master, Tomas Rudd"),
 * or the title the passage opens with, whether the passage is a range or
 * a highlight; a kind chosen is kept, "Other" too (it was taken for "no
 * kind chosen", and guessed). */
static void
test_create_citing_kind (Fixture       *f,
                         gconstpointer  data)
{
  static const char text[] =
    "The quay vote was put off. The harbour master, Tomas Rudd, wanted a survey first. "
    "Rudd said so twice. Mr Ivo Brandt agreed.";
  DossierStakeholderFields fields = DOSSIER_STAKEHOLDER_FIELDS_INIT;
  g_autoptr(GError) error = NULL;
  gint64 doc, start, end, tagged, id;

  doc = add_doc (P (f), "Survey first", text);
  text_range (text, "Rudd said so twice.", &start, &end);
  fields.name = "Tomas Rudd";
  fields.guess_kind = TRUE;
  id = dossier_project_create_stakeholder_citing (P (f), &fields, 0, doc, start, end, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_stakeholder_get_kind (dossier_project_get_stakeholder (P (f), id)), ==,
                   DOSSIER_STAKEHOLDER_OFFICIAL);

  /* From a highlight; an honorific makes a person of him. */
  text_range (text, "Mr Ivo Brandt agreed.", &start, &end);
  tagged = dossier_project_tag_range (P (f), doc, start, end, f->tag, &error);
  g_assert_no_error (error);
  fields.name = "Ivo Brandt";
  id = dossier_project_create_stakeholder_citing (P (f), &fields, tagged, 0, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_stakeholder_get_kind (dossier_project_get_stakeholder (P (f), id)), ==,
                   DOSSIER_STAKEHOLDER_PERSON);
  g_assert_true (dossier_project_undo (P (f), &error));
  fields.name = "Harbour Master’s Office";
  id = dossier_project_create_stakeholder_citing (P (f), &fields, tagged, 0, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_stakeholder_get_kind (dossier_project_get_stakeholder (P (f), id)), ==,
                   DOSSIER_STAKEHOLDER_GOVERNMENT);

  /* A name the text does not hold: the passage opens with the title. */
  text_range (text, "The harbour master, Tomas Rudd, wanted", &start, &end);
  fields.name = "T. Rudd";
  id = dossier_project_create_stakeholder_citing (P (f), &fields, 0, doc, start, end, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_stakeholder_get_kind (dossier_project_get_stakeholder (P (f), id)), ==,
                   DOSSIER_STAKEHOLDER_OFFICIAL);

  /* Guessing, the kind given is what the words give none. */
  fields.name = "Quay Users";
  fields.kind = DOSSIER_STAKEHOLDER_PUBLIC;
  id = dossier_project_create_stakeholder_citing (P (f), &fields, tagged, 0, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_stakeholder_get_kind (dossier_project_get_stakeholder (P (f), id)), ==,
                   DOSSIER_STAKEHOLDER_PUBLIC);

  /* A kind chosen is the user's, whatever the words say. */
  fields.guess_kind = FALSE;
  fields.name = "Rudd";
  id = dossier_project_create_stakeholder_citing (P (f), &fields, tagged, 0, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_stakeholder_get_kind (dossier_project_get_stakeholder (P (f), id)), ==,
                   DOSSIER_STAKEHOLDER_PUBLIC);
  g_assert_true (dossier_project_undo (P (f), &error));
  fields.kind = DOSSIER_STAKEHOLDER_OTHER;
  id = dossier_project_create_stakeholder_citing (P (f), &fields, tagged, 0, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_stakeholder_get_kind (dossier_project_get_stakeholder (P (f), id)), ==,
                   DOSSIER_STAKEHOLDER_OTHER);
  g_assert_true (dossier_project_undo (P (f), &error));
  text_range (text, "Rudd said so twice.", &start, &end);
  fields.name = "Harbour Master Rudd";
  id = dossier_project_create_stakeholder_citing (P (f), &fields, 0, doc, start, end, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_stakeholder_get_kind (dossier_project_get_stakeholder (P (f), id)), ==,
                   DOSSIER_STAKEHOLDER_OTHER);
  assert_project_sound (P (f));
}

static gboolean
finds_stakeholder (DossierProject *project,
                   gpointer        item)
{
  return dossier_project_get_stakeholder (project, dossier_stakeholder_get_id (item)) != NULL;
}

/* When the list says a stakeholder is gone, the project no longer
 * returns it: the panel showing it looks it up in its handler of
 * items-changed (it found it still there after an add was undone, and
 * stayed on it). Each way the list lets go of one: an add citing a
 * passage undone, a delete, and the list read whole (a read-only view
 * of a project another connection changed). */
static void
test_removed_not_found (Fixture       *f,
                        gconstpointer  data)
{
  DossierStakeholderFields fields = DOSSIER_STAKEHOLDER_FIELDS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(TestRemovalWatch) watch = NULL;
  g_autoptr(TestRemovalWatch) viewer_watch = NULL;
  g_autoptr(DossierProject) viewer = NULL;
  gint64 start, end, union_id, varga_id;

  varga_id = add_stakeholder (P (f), "Inès Varga", "Varga");
  watch = test_removal_watch_new (P (f), dossier_project_get_stakeholders (P (f)), finds_stakeholder);

  text_range (text_b, "The union wants the quay closed", &start, &end);
  fields.name = "Dockers’ Union";
  union_id = dossier_project_create_stakeholder_citing (P (f), &fields, 0, f->doc_b, start, end, NULL,
                                                        &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_null (dossier_project_get_stakeholder (P (f), union_id));
  g_assert_cmpuint (test_removal_watch_get_n_removed (watch), ==, 1);

  g_assert_true (dossier_project_redo (P (f), &error));
  g_assert_true (dossier_project_delete_stakeholder (P (f), union_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_removal_watch_get_n_removed (watch), ==, 2);

  viewer = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dossier_project_get_stakeholder (viewer, varga_id));
  viewer_watch = test_removal_watch_new (viewer, dossier_project_get_stakeholders (viewer),
                                         finds_stakeholder);
  g_assert_true (dossier_project_delete_stakeholder (P (f), varga_id, &error));
  g_assert_true (dossier_project_refresh (viewer));
  g_assert_null (dossier_project_get_stakeholder (viewer, varga_id));
  g_assert_cmpuint (test_removal_watch_get_n_removed (viewer_watch), ==, 1);
  g_clear_pointer (&viewer_watch, test_removal_watch_free);
  dossier_project_close (viewer);
}

static void
test_delete_highlight_drops_evidence (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) stakeholders = NULL;
  g_autoptr(GArray) arguments = NULL;
  gint64 varga = add_stakeholder (P (f), "Inès Varga", NULL);
  gint64 union_ = add_stakeholder (P (f), "Dockers’ union", NULL);
  gint64 question = dossier_project_add_question (P (f), "Reopen the quay in May?", &error);
  gint64 pro = dossier_project_add_argument (P (f), question, DOSSIER_POLARITY_PRO, "It is safe",
                                             varga, 3, &error);
  gint64 h = dossier_project_tag_range (P (f), f->doc_b, 0, 10, f->tag, &error);
  DossierStakeholder *s = dossier_project_get_stakeholder (P (f), varga);

  g_assert_no_error (error);
  dossier_project_add_stakeholder_evidence (P (f), varga, h, NULL, DOSSIER_EVIDENCE_NONE,
                                            DOSSIER_STANCE_UNKNOWN, &error);
  dossier_project_add_stakeholder_evidence (P (f), union_, h, NULL, DOSSIER_EVIDENCE_NONE,
                                            DOSSIER_STANCE_UNKNOWN, &error);
  dossier_project_add_argument_evidence (P (f), pro, h, "Quoted", &error);
  g_assert_no_error (error);

  /* What a window asks before it deletes: whose evidence it is. */
  g_assert_true (dossier_project_get_highlight_evidence (P (f), h, &stakeholders, &arguments,
                                                         &error));
  g_assert_cmpuint (stakeholders->len, ==, 2);
  g_assert_cmpint (g_array_index (stakeholders, gint64, 0), ==, varga);
  g_assert_cmpint (g_array_index (stakeholders, gint64, 1), ==, union_);
  g_assert_cmpuint (arguments->len, ==, 1);
  g_assert_cmpint (g_array_index (arguments, gint64, 0), ==, pro);

  /* One step removes the highlight and every link to it. */
  g_assert_true (dossier_project_delete_highlight (P (f), h, &error));
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (s), ==, 0);
  g_assert_cmpuint (dossier_argument_get_n_evidence (dossier_project_get_argument (P (f), pro)), ==, 0);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (s), ==, 1);
  g_assert_cmpuint (dossier_argument_get_n_evidence (dossier_project_get_argument (P (f), pro)), ==, 1);

  /* Deleting the tag keeps the highlight: it is evidence. */
  g_assert_true (dossier_project_delete_tag (P (f), f->tag, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DossierHighlight) kept = dossier_project_get_highlight (P (f), h, &error);

    g_assert_nonnull (kept);
  }
}

static void
test_delete_and_merge (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 varga = add_stakeholder (P (f), "Inès Varga", NULL);
  gint64 mayor = add_stakeholder (P (f), "Mayor Inès Varga", NULL);
  gint64 question = dossier_project_add_question (P (f), "Reopen the quay in May?", &error);
  gint64 arg = dossier_project_add_argument (P (f), question, DOSSIER_POLARITY_PRO, "Trade",
                                             mayor, 3, &error);
  gint64 start, end, h;

  text_range (text_a, "a promise kept", &start, &end);
  h = dossier_project_add_stakeholder_evidence_range (P (f), mayor, f->doc_a, start, end, "x",
                                                      DOSSIER_EVIDENCE_NONE,
                                                      DOSSIER_STANCE_UNKNOWN, &error);
  g_assert_no_error (error);
  /* "Mayor Inès Varga" is the mayor's: the longer name wins. */
  g_assert_cmpuint (mentions_in (P (f), varga, f->doc_a), ==, 1);

  /* Merging: the name becomes an alias, evidence and arguments move. */
  g_assert_true (dossier_project_merge_stakeholders (P (f), mayor, varga, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_project_get_stakeholder (P (f), mayor));
  g_assert_cmpstrv (dossier_stakeholder_get_aliases (dossier_project_get_stakeholder (P (f), varga)),
                    ((const char *[]) { "Mayor Inès Varga", NULL }));
  g_assert_cmpint (dossier_argument_get_stakeholder_id (dossier_project_get_argument (P (f), arg)),
                   ==, varga);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (dossier_project_get_stakeholder (P (f), varga)),
                    ==, 1);
  g_assert_cmpstr (dossier_project_get_undo_label (P (f)), ==, "Merge “Mayor Inès Varga” into “Inès Varga”");
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_nonnull (dossier_project_get_stakeholder (P (f), mayor));
  g_assert_cmpint (dossier_argument_get_stakeholder_id (dossier_project_get_argument (P (f), arg)),
                   ==, mayor);

  /* Deleting: its evidence highlight (no tag) goes, its argument becomes
   * nobody's, and the shorter names it hid are counted again. */
  g_assert_true (dossier_project_delete_stakeholder (P (f), mayor, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_project_get_highlight (P (f), h, NULL));
  g_assert_cmpint (dossier_argument_get_stakeholder_id (dossier_project_get_argument (P (f), arg)),
                   ==, 0);
  g_assert_cmpuint (mentions_in (P (f), varga, f->doc_a), ==, 2);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_cmpuint (mentions_in (P (f), varga, f->doc_a), ==, 1);
  {
    g_autoptr(DossierHighlight) back = dossier_project_get_highlight (P (f), h, &error);

    g_assert_nonnull (back);
  }
}

/* ---- Mentions ------------------------------------------------------------------------- */

static void
test_mentions_follow_documents (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) in_a = NULL;
  g_autoptr(GPtrArray) unreviewed = NULL;
  g_autoptr(DossierParsedDocument) replacement = NULL;
  gint64 varga = add_stakeholder (P (f), "Inès Varga", "Varga");
  gint64 authority = add_stakeholder (P (f), "Harbour Authority", NULL);
  DossierStakeholder *s = dossier_project_get_stakeholder (P (f), varga);
  gint64 doc_c, start, end;

  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (s), ==, 5);

  /* Listed in a document, for one stakeholder or all. */
  in_a = dossier_project_list_mentions (P (f), f->doc_a, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (in_a->len, ==, 5);  /* three of Varga, two of the authority */
  g_clear_pointer (&in_a, g_array_unref);
  in_a = dossier_project_list_mentions (P (f), f->doc_a, authority, &error);
  g_assert_cmpuint (in_a->len, ==, 2);
  {
    g_autofree char *first = dossier_text_slice (text_a, g_array_index (in_a, DossierMention, 0).start,
                                                 g_array_index (in_a, DossierMention, 0).end);

    g_assert_cmpstr (first, ==, "harbour authority");
  }

  /* An import counts the new document in its own step. */
  doc_c = add_doc (P (f), "Third", "Nobody asked Mrs VARGA. Varga! Várga?");
  g_assert_cmpuint (mentions_in (P (f), varga, doc_c), ==, 3);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (s), ==, 8);
  g_assert_cmpuint (dossier_stakeholder_get_n_documents (s), ==, 3);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (s), ==, 5);
  g_assert_true (dossier_project_redo (P (f), &error));
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (s), ==, 8);

  /* Replacing a text counts it again. */
  replacement = make_doc ("Third", "Varga stayed silent.");
  g_assert_true (dossier_project_replace_document_text (P (f), doc_c, replacement, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mentions_in (P (f), varga, doc_c), ==, 1);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_cmpuint (mentions_in (P (f), varga, doc_c), ==, 3);

  /* Deleting a document takes its counts along. */
  g_assert_true (dossier_project_delete_document (P (f), doc_c, &error));
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (s), ==, 5);

  /* Unreviewed: mentions no highlight covers yet. */
  unreviewed = dossier_project_list_unreviewed_mentions (P (f), varga, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unreviewed->len, ==, 5);
  g_assert_true (g_str_has_prefix (((DossierMentionHit *) g_ptr_array_index (unreviewed, 0))->snippet,
                                   "Mayor «Inès Varga» said the quay"));
  /* Its parts, for a window to quote the mention as its language does. */
  {
    DossierMentionHit *hit = g_ptr_array_index (unreviewed, 0);
    g_autofree char *joined = g_strdup_printf ("%s«%s»%s", hit->before, hit->mention, hit->after);

    g_assert_cmpstr (hit->mention, ==, "Inès Varga");
    g_assert_true (g_str_has_suffix (hit->before, "Mayor "));
    g_assert_true (g_str_has_prefix (hit->after, " said the quay"));
    g_assert_cmpstr (joined, ==, hit->snippet);
  }
  g_clear_pointer (&unreviewed, g_ptr_array_unref);

  text_range (text_a, "said the quay would reopen in May. Varga’s office", &start, &end);
  dossier_project_tag_range (P (f), f->doc_a, start, end, f->tag, &error);
  text_range (text_a, "INÈS", &start, &end);
  dossier_project_tag_range (P (f), f->doc_a, start, end, f->tag, &error);  /* overlaps: reviewed */
  g_assert_no_error (error);
  unreviewed = dossier_project_list_unreviewed_mentions (P (f), varga, &error);
  g_assert_cmpuint (unreviewed->len, ==, 3);
  g_assert_cmpint (((DossierMentionHit *) g_ptr_array_index (unreviewed, 0))->document_id, ==, f->doc_a);
  g_assert_cmpint (((DossierMentionHit *) g_ptr_array_index (unreviewed, 1))->document_id, ==, f->doc_b);
  g_clear_pointer (&unreviewed, g_ptr_array_unref);
  unreviewed = dossier_project_list_unreviewed_mentions (P (f), 0, &error);
  g_assert_cmpuint (unreviewed->len, ==, 5);  /* the authority's two too */
}

/* Deleting a document takes its mentions and evidence from the counts,
 * and undoing it gives them back, whichever highlights its document
 * holds (a highlight whose id is the document's is not one the
 * stakeholder cites). */
static void
test_delete_document_undo (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 varga = add_stakeholder (P (f), "Inès Varga", "Varga");
  DossierStakeholder *s = dossier_project_get_stakeholder (P (f), varga);
  gint64 start, end, other, cited;

  /* A highlight nobody cites, then one Varga does. */
  text_range (text_a, "The harbour authority disagreed.", &start, &end);
  other = dossier_project_tag_range (P (f), f->doc_a, start, end, f->tag, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other, ==, f->doc_a);
  text_range (text_a, "Mayor Inès Varga said the quay would reopen in May.", &start, &end);
  cited = dossier_project_add_stakeholder_evidence_range (P (f), varga, f->doc_a, start, end, NULL,
                                                          DOSSIER_EVIDENCE_STANCE, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cited, >, 0);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (s), ==, 5);
  g_assert_cmpuint (dossier_stakeholder_get_n_documents (s), ==, 2);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (s), ==, 1);

  g_assert_true (dossier_project_delete_document (P (f), f->doc_a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (s), ==, 2);
  g_assert_cmpuint (dossier_stakeholder_get_n_documents (s), ==, 1);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (s), ==, 0);

  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (s), ==, 5);
  g_assert_cmpuint (dossier_stakeholder_get_n_documents (s), ==, 2);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (s), ==, 1);

  g_assert_true (dossier_project_redo (P (f), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (s), ==, 2);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (s), ==, 0);
}

static void
test_mentions_follow_names (Fixture       *f,
                            gconstpointer  data)
{
  const char *longer[] = { "Mayor Inès Varga", NULL };
  g_autoptr(GError) error = NULL;
  gint64 varga = add_stakeholder (P (f), "Varga", NULL);
  gint64 mayor;

  g_assert_cmpuint (mentions_in (P (f), varga, f->doc_a), ==, 3);

  /* A longer alias of another stakeholder takes the mention it covers. */
  mayor = add_stakeholder (P (f), "The mayor", NULL);
  g_assert_true (dossier_project_set_stakeholder_aliases (P (f), mayor, longer, &error));
  g_assert_cmpuint (mentions_in (P (f), mayor, f->doc_a), ==, 1);
  g_assert_cmpuint (mentions_in (P (f), varga, f->doc_a), ==, 2);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_cmpuint (mentions_in (P (f), varga, f->doc_a), ==, 3);
  g_assert_cmpuint (mentions_in (P (f), mayor, f->doc_a), ==, 0);

  g_assert_true (dossier_project_set_stakeholder_name (P (f), varga, "Harbour", &error));
  g_assert_cmpuint (mentions_in (P (f), varga, f->doc_a), ==, 2);
  g_assert_cmpuint (mentions_in (P (f), varga, f->doc_b), ==, 0);
}

static void
count_signal (guint *count)
{
  (*count)++;
}

/* "stakeholder-names-changed" tells the reader to underline other words:
 * once per action that changes a name, an alias or who exists (undo and
 * redo included), never for an edit that leaves the names as they were. */
static void
test_names_changed_signal (Fixture       *f,
                           gconstpointer  data)
{
  const char *aliases[] = { "Mayor Inès Varga", NULL };
  g_autoptr(GError) error = NULL;
  guint n = 0;
  gint64 varga;

  g_signal_connect_swapped (P (f), "stakeholder-names-changed", G_CALLBACK (count_signal), &n);

  varga = add_stakeholder (P (f), "Varga", NULL);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (dossier_project_set_stakeholder_aliases (P (f), varga, aliases, &error));
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (dossier_project_set_stakeholder_name (P (f), varga, "Inès Varga", &error));
  g_assert_cmpuint (n, ==, 3);

  /* Neither ratings, nor a description, nor evidence change what is found. */
  g_assert_true (dossier_project_set_stakeholder_ratings (P (f), varga, 5, 4, &error));
  g_assert_true (dossier_project_set_stakeholder_description (P (f), varga, "The mayor", &error));
  g_assert_true (dossier_project_set_stakeholder_aliases (P (f), varga, aliases, &error));
  g_assert_cmpuint (n, ==, 3);

  g_assert_true (dossier_project_delete_stakeholder (P (f), varga, &error));
  g_assert_cmpuint (n, ==, 4);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_cmpuint (n, ==, 5);
  g_assert_true (dossier_project_undo (P (f), &error));  /* the description */
  g_assert_true (dossier_project_undo (P (f), &error));  /* the ratings */
  g_assert_cmpuint (n, ==, 5);
  g_assert_true (dossier_project_undo (P (f), &error));  /* the name */
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (dossier_stakeholder_get_name (dossier_project_get_stakeholder (P (f), varga)), ==, "Varga");
  g_assert_true (dossier_project_redo (P (f), &error));
  g_assert_cmpuint (n, ==, 7);
  g_assert_no_error (error);

  g_signal_handlers_disconnect_by_func (P (f), count_signal, &n);
}

/* ---- a stakeholder added, renamed or deleted among thousands --------------------------- */

/* Each stakeholder of @project's model, as "id:name:aliases:place:mentions/documents", one a
 * line. */
static char *
stakeholders_listed (DossierProject *project)
{
  GListModel *model = dossier_project_get_stakeholders (project);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (model, i);
      g_autofree char *aliases = g_strjoinv ("|", (char **) dossier_stakeholder_get_aliases (s));

      g_string_append_printf (out, "%" G_GINT64_FORMAT ":%s:%s:%d:%u/%u\n", dossier_stakeholder_get_id (s),
                              dossier_stakeholder_get_name (s), aliases, dossier_stakeholder_get_position (s),
                              dossier_stakeholder_get_n_mentions (s), dossier_stakeholder_get_n_documents (s));
    }
  return g_string_free (out, FALSE);
}

/* The live model is what a fresh reading of the file lists, and the
 * mentions stored are those every text counted again gives. */
static void
assert_stakeholders_as_read (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) fresh = NULL;
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3 *db = dossier_project_get_db (P (f));
  g_autofree char *live = NULL;
  g_autofree char *read = NULL;

  fresh = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  live = stakeholders_listed (P (f));
  read = stakeholders_listed (fresh);
  g_assert_cmpstr (live, ==, read);
  dossier_project_close (fresh);

  g_assert_cmpint (sqlite3_exec (db, "SAVEPOINT recount", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (dossier_mentions_rebuild (db, f->base.path, changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (changed), ==, 0);
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK TO recount; RELEASE recount", NULL, NULL, NULL), ==, SQLITE_OK);
}

/* @action reads a stakeholder's own rows and the texts' few, not the
 * 2,000 others again. */
#define ASSERT_FEW_STEPS(f, action) TEST_ASSERT_FEW_STEPS (P (f), 3000, action)

/* At 2,000 stakeholders, one added, renamed or deleted (each undone and
 * redone) changes the list by its own item and reads its own rows, not
 * every stakeholder again (it read them all, and counted mentions in
 * every text with a finder of every name); mentions are counted again
 * only where its old or new names are found, and those counts (a longer
 * name hiding a shorter one of another's) are what counting every text
 * gives. */
static void
test_stakeholders_patched (Fixture       *f,
                           gconstpointer  data)
{
  const char *pilots[] = { "Harbour pilots", NULL };
  g_autoptr(GError) error = NULL;
  GListModel *model;
  Mirror m;
  gint64 pilot = 0, varga, ines;
  guint n;

  test_sql_exec (f->base.path,
                 "WITH RECURSIVE c (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 2000) "
                 "INSERT INTO stakeholders (uuid, name, kind, color, position) "
                 "SELECT printf ('s-%d', i), printf ('Someone %d', i), 'official', '#3584e4', i FROM c");
  dossier_project_close (P (f));
  g_object_unref (P (f));
  P (f) = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  model = dossier_project_get_stakeholders (P (f));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, 2000);
  mirror_init (&m, model);

  /* Names the texts do not hold: no text is counted again. */
  ASSERT_FEW_STEPS (f, pilot = add_stakeholder (P (f), "Harbour pilot", NULL));
  g_assert_cmpuint (m.n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n + 1);
  assert_stakeholders_as_read (f);
  ASSERT_FEW_STEPS (f, g_assert_true (dossier_project_set_stakeholder_name (P (f), pilot, "Pilot", &error)));
  ASSERT_FEW_STEPS (f, g_assert_true (dossier_project_set_stakeholder_aliases (P (f), pilot, pilots, &error)));
  g_assert_cmpuint (m.n_signals, ==, 1);
  assert_stakeholders_as_read (f);
  ASSERT_FEW_STEPS (f, g_assert_true (dossier_project_undo (P (f), &error)));
  ASSERT_FEW_STEPS (f, g_assert_true (dossier_project_undo (P (f), &error)));
  ASSERT_FEW_STEPS (f, g_assert_true (dossier_project_undo (P (f), &error)));
  g_assert_cmpuint (m.n_signals, ==, 2);
  g_assert_null (dossier_project_get_stakeholder (P (f), pilot));
  assert_stakeholders_as_read (f);
  ASSERT_FEW_STEPS (f, g_assert_true (dossier_project_redo (P (f), &error)));
  ASSERT_FEW_STEPS (f, g_assert_true (dossier_project_redo (P (f), &error)));
  g_assert_cmpuint (m.n_signals, ==, 3);
  assert_stakeholders_as_read (f);
  ASSERT_FEW_STEPS (f, g_assert_true (dossier_project_delete_stakeholder (P (f), pilot, &error)));
  g_assert_cmpuint (m.n_signals, ==, 4);
  assert_stakeholders_as_read (f);

  /* Names the texts hold: their counts, and those of names they hide. */
  varga = add_stakeholder (P (f), "Varga", NULL);
  g_assert_cmpuint (m.n_signals, ==, 5);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (dossier_project_get_stakeholder (P (f), varga)), ==, 5);
  assert_stakeholders_as_read (f);
  ines = add_stakeholder (P (f), "Inès Varga", NULL);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (dossier_project_get_stakeholder (P (f), ines)), ==, 3);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (dossier_project_get_stakeholder (P (f), varga)), ==, 2);
  assert_stakeholders_as_read (f);
  g_assert_true (dossier_project_set_stakeholder_name (P (f), ines, "Mayor Inès Varga", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (dossier_project_get_stakeholder (P (f), ines)), ==, 1);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (dossier_project_get_stakeholder (P (f), varga)), ==, 4);
  assert_stakeholders_as_read (f);
  g_assert_true (dossier_project_undo (P (f), &error));
  assert_stakeholders_as_read (f);
  g_assert_true (dossier_project_redo (P (f), &error));
  g_assert_true (dossier_project_delete_stakeholder (P (f), ines, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (dossier_project_get_stakeholder (P (f), varga)), ==, 5);
  assert_stakeholders_as_read (f);
  g_assert_true (dossier_project_undo (P (f), &error));
  assert_stakeholders_as_read (f);

  /* One of the first deleted: the others close ranks in the same order. */
  {
    g_autoptr(DossierStakeholder) first = g_list_model_get_item (model, 3);

    g_assert_true (dossier_project_delete_stakeholder (P (f), dossier_stakeholder_get_id (first), &error));
    g_assert_no_error (error);
    assert_stakeholders_as_read (f);
    g_assert_true (dossier_project_undo (P (f), &error));
    g_assert_no_error (error);
    assert_stakeholders_as_read (f);
  }

  mirror_clear (&m);
}

/* ---- Suggestions ---------------------------------------------------------------------------- */

static DossierParsedDocument *
import_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("DOSSIER_FIXTURES_DIR"), "suggest", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *doc = dossier_import_file (file, DOSSIER_FORMAT_AUTO, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static DossierStakeholderSuggestion *
find_suggestion (GPtrArray  *list,
                 const char *name)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((DossierStakeholderSuggestion *) g_ptr_array_index (list, i))->name, name))
      return g_ptr_array_index (list, i);
  return NULL;
}

static void
test_suggestions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) third = NULL;
  DossierStakeholderSuggestion *pm, *party, *union_;
  gint64 doc = add_parsed_doc (P (f), import_fixture ("ferry-levy.md"));
  gint64 pm_id, coalition;
  guint dismissals = 0;

  first = dossier_project_suggest_stakeholders (P (f), doc, &error);
  g_assert_no_error (error);
  pm = find_suggestion (first, "Halvard Østberg");
  party = find_suggestion (first, "Coastal Party");
  union_ = find_suggestion (first, "Northern Ferry Workers’ Union");
  g_assert_nonnull (pm);
  g_assert_nonnull (party);
  g_assert_nonnull (union_);

  /* Accepted with its aliases and kind; its mentions counted at once. */
  pm_id = dossier_project_accept_stakeholder_suggestion (P (f), pm, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_stakeholder_get_kind (dossier_project_get_stakeholder (P (f), pm_id)),
                   ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (dossier_project_get_stakeholder (P (f), pm_id)),
                    ==, pm->n_mentions);

  /* Merged into an existing stakeholder: its names become aliases. */
  coalition = add_stakeholder (P (f), "The coalition partner", NULL);
  g_assert_cmpint (dossier_project_accept_stakeholder_suggestion (P (f), party, coalition, &error),
                   ==, coalition);
  g_assert_cmpstrv (dossier_stakeholder_get_aliases (dossier_project_get_stakeholder (P (f), coalition)),
                    ((const char *[]) { "Coastal Party", NULL }));

  /* Dismissed, with its acronym: one step, undoable; the panels hear of
   * it, and of its undo. */
  g_signal_connect_swapped (P (f), "dismissed-suggestions-changed", G_CALLBACK (count_signal), &dismissals);
  g_assert_true (dossier_project_dismiss_stakeholder_suggestions (P (f), &union_, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_project_get_undo_label (P (f)), ==, "Dismiss Suggestion");
  g_assert_cmpuint (dismissals, ==, 1);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_cmpuint (dismissals, ==, 2);
  {
    g_autoptr(GPtrArray) undone = dossier_project_suggest_stakeholders (P (f), doc, &error);

    g_assert_nonnull (find_suggestion (undone, "Northern Ferry Workers’ Union"));
  }
  g_assert_true (dossier_project_redo (P (f), &error));
  g_assert_cmpuint (dismissals, ==, 3);
  g_signal_handlers_disconnect_by_func (P (f), count_signal, &dismissals);

  second = dossier_project_suggest_stakeholders (P (f), doc, &error);
  g_assert_null (find_suggestion (second, "Halvard Østberg"));
  g_assert_null (find_suggestion (second, "Coastal Party"));
  g_assert_null (find_suggestion (second, "Northern Ferry Workers’ Union"));
  g_assert_cmpuint (second->len, ==, first->len - 3);

  /* Dismissed stays dismissed, in another document and after reopening. */
  {
    g_autoptr(DossierProject) reopened = NULL;
    g_autoptr(GPtrArray) again = NULL;
    gint64 other = add_doc (P (f), "Strike", "The NFWU said the NFWU would strike. The NFWU "
                                              "is the Northern Ferry Workers’ Union.");

    dossier_project_close (P (f));
    g_clear_object (&f->base.project);
    reopened = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_WRITE, &error);
    g_assert_no_error (error);
    again = dossier_project_suggest_stakeholders (reopened, other, &error);
    g_assert_no_error (error);
    g_assert_null (find_suggestion (again, "Northern Ferry Workers’ Union"));
    g_assert_null (find_suggestion (again, "NFWU"));
    f->base.project = g_steal_pointer (&reopened);
  }

  third = dossier_project_suggest_stakeholders (P (f), 4242, &error);
  g_assert_null (third);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
}

/* A suggestion counts its mentions as the stakeholder it becomes will: a
 * town's council by its town, where the town acts ("The town of Harrowby
 * has agreed") and not where something is ("in the town of Harrowby").
 * "The council" of an article makes its town's council worth proposing,
 * but is no alias of it: it would count another town's council too. */
static void
test_suggested_mentions_agree (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggested = NULL;
  DossierStakeholderSuggestion *council;
  gint64 doc = add_doc (P (f), "Harrowby bus",
                        "The town of Harrowby has agreed to pay for a bus. Patients in the town "
                        "of Harrowby were not asked, and nobody at the town of Harrowby hall "
                        "answered.");
  gint64 id;

  suggested = dossier_project_suggest_stakeholders (P (f), doc, &error);
  g_assert_no_error (error);
  council = find_suggestion (suggested, "Harrowby council");
  g_assert_nonnull (council);
  g_assert_cmpuint (council->n_mentions, ==, 1);

  id = dossier_project_accept_stakeholder_suggestion (P (f), council, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (dossier_project_get_stakeholder (P (f), id)),
                    ==, council->n_mentions);

  {
    g_autoptr(GPtrArray) ferry_suggested = NULL;
    gint64 ferry = add_doc (P (f), "Selby ferry",
                            "Selby's council will buy a second ferry. The council said the old "
                            "boat was worn out, and the council will vote on the loan in May.");
    gint64 library = add_doc (P (f), "Dunmere library",
                              "Dunmere's council closed the library on Friday. The council "
                              "said it could not pay for heating, and the council will sell "
                              "the building.");

    ferry_suggested = dossier_project_suggest_stakeholders (P (f), ferry, &error);
    g_assert_no_error (error);
    council = find_suggestion (ferry_suggested, "Selby council");
    g_assert_nonnull (council);
    g_assert_cmpuint (council->n_mentions, ==, 1);
    for (guint i = 0; council->aliases[i] != NULL; i++)
      g_assert_cmpstr (council->aliases[i], !=, "council");

    id = dossier_project_accept_stakeholder_suggestion (P (f), council, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (mentions_in (P (f), id, ferry), ==, council->n_mentions);
    g_assert_cmpuint (mentions_in (P (f), id, library), ==, 0);
  }
}

/* A suggestion that names a stakeholder by another name ("Kelby council"
 * for "Kelby City Council", "Harbour Trust" for "Kelby Harbour Trust") is
 * offered as its alias: accepted so, its mentions become that one's. One
 * that shares only a generic word ("Fenn Valley Council") is another. */
static void
test_suggested_as_alias (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggested = NULL;
  g_autoptr(GPtrArray) again = NULL;
  gint64 doc = add_doc (P (f), "Quay levy",
                        "Kelby council will vote on the levy in May. Kelby council said the quay "
                        "needed repair. The Harbour Trust says the Harbour Trust owns the quay. "
                        "Fenn Valley Council will not pay, and Fenn Valley Council said so twice.");
  gint64 council = add_stakeholder (P (f), "Kelby City Council", NULL);
  gint64 trust = add_stakeholder (P (f), "Kelby Harbour Trust", NULL);
  DossierStakeholderSuggestion *kelby, *harbour, *fenn;

  g_assert_true (dossier_suggest_same_names ("Port Calder council", "Port Calder City Council"));
  g_assert_true (dossier_suggest_same_names ("Port Calder’s council", "Port Calder City Council"));
  g_assert_true (dossier_suggest_same_names ("PORT CALDER COUNCIL", "Port Calder Borough Council"));
  g_assert_false (dossier_suggest_same_names ("City Council", "Port Calder City Council"));
  g_assert_false (dossier_suggest_same_names ("Ruiz", "Ana Ruiz"));
  g_assert_false (dossier_suggest_same_names ("Harbour Trust", "Harbour Trust Workers’ Union"));
  g_assert_false (dossier_suggest_same_names ("Kelby Harbour Trust", "Harbour Trust"));

  suggested = dossier_project_suggest_stakeholders (P (f), doc, &error);
  g_assert_no_error (error);
  kelby = find_suggestion (suggested, "Kelby council");
  harbour = find_suggestion (suggested, "Harbour Trust");
  fenn = find_suggestion (suggested, "Fenn Valley Council");
  g_assert_nonnull (kelby);
  g_assert_nonnull (harbour);
  g_assert_nonnull (fenn);
  g_assert_cmpint (kelby->same_as, ==, council);
  g_assert_cmpint (harbour->same_as, ==, trust);
  g_assert_cmpint (fenn->same_as, ==, 0);

  g_assert_cmpuint (mentions_in (P (f), council, doc), ==, 0);
  g_assert_cmpint (dossier_project_accept_stakeholder_suggestion (P (f), kelby, kelby->same_as, &error),
                   ==, council);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions_in (P (f), council, doc), ==, kelby->n_mentions);
  again = dossier_project_suggest_stakeholders (P (f), doc, &error);
  g_assert_null (find_suggestion (again, "Kelby council"));

  /* Another name the text never uses (it says "the council") adds
   * nothing to the stakeholder: not offered. */
  {
    g_autoptr(GPtrArray) tram_suggested = NULL;
    gint64 tram = add_doc (P (f), "Tram plan",
                           "PORT KESSEL, 4 May — The city council voted for the tram plan on "
                           "Tuesday. Traders in Port Kessel objected, and the council will meet "
                           "them.");

    tram_suggested = dossier_project_suggest_stakeholders (P (f), tram, &error);
    g_assert_no_error (error);
    g_assert_nonnull (find_suggestion (tram_suggested, "Port Kessel council"));
    g_clear_pointer (&tram_suggested, g_ptr_array_unref);
    add_stakeholder (P (f), "Port Kessel City Council", NULL);
    tram_suggested = dossier_project_suggest_stakeholders (P (f), tram, &error);
    g_assert_no_error (error);
    g_assert_null (find_suggestion (tram_suggested, "Port Kessel council"));
  }
}

/* ---- The name check ---------------------------------------------------------------- */

/* Adding @name fails with EXISTS, quoting @owner as the stakeholder that
 * has it. */
static void
assert_name_taken (DossierProject *project,
                   const char     *name,
                   const char     *owner)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted = g_strdup_printf ("(“%s”)", owner);

  g_assert_cmpint (dossier_project_add_stakeholder (project, name, NULL, DOSSIER_STAKEHOLDER_OTHER,
                                                    &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, quoted));
}

/* Adding @name succeeds; the add is undone again. */
static void
assert_name_free (DossierProject *project,
                  const char     *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_project_add_stakeholder (project, name, NULL, DOSSIER_STAKEHOLDER_OTHER,
                                               &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_project_get_stakeholder (project, id));
}

/* dossier_project_find_stakeholder () finds the stakeholder called
 * @owner for @text (or none for NULL), and the one the list walked gives:
 * the first in the list whose name folds as @text does, else the first
 * with such an alias. */
static void
assert_found (DossierProject *project,
              const char     *text,
              const char     *owner)
{
  GListModel *model = dossier_project_get_stakeholders (project);
  g_autofree char *folded = dossier_text_fold (text);
  DossierStakeholder *found = dossier_project_find_stakeholder (project, text);
  DossierStakeholder *walked = NULL;

  for (guint pass = 0; pass < 2 && walked == NULL; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (model) && walked == NULL; i++)
      {
        g_autoptr(DossierStakeholder) s = g_list_model_get_item (model, i);
        const char * const *aliases = dossier_stakeholder_get_aliases (s);
        g_autofree char *name = dossier_text_fold (dossier_stakeholder_get_name (s));

        if (g_str_equal (name, folded))
          walked = s;
        for (guint j = 0; pass == 1 && walked == NULL && aliases[j] != NULL; j++)
          {
            g_autofree char *alias = dossier_text_fold (aliases[j]);

            if (g_str_equal (alias, folded))
              walked = s;
          }
      }

  g_assert_true (found == walked);
  if (owner == NULL)
    g_assert_null (found);
  else
    g_assert_cmpstr (found != NULL ? dossier_stakeholder_get_name (found) : NULL, ==, owner);
}

/* A name is taken when it folds (case, accents, spaces, apostrophes) as
 * another's name or alias does; full-width letters are not folded. */
static void
test_name_check_folds (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 varga = add_stakeholder (P (f), "Inès Varga", "Varga");
  gint64 brien = add_stakeholder (P (f), "O’Brien Haulage", NULL);

  assert_name_taken (P (f), "INES VARGA", "Inès Varga");
  assert_name_taken (P (f), "ine\xcc\x80s varga", "Inès Varga");   /* a combining grave */
  assert_name_taken (P (f), "Inès\xc2\xa0 Varga", "Inès Varga");   /* no-break space, two */
  assert_name_taken (P (f), "VÁRGA", "Inès Varga");                /* its alias */
  assert_name_taken (P (f), "o'brien haulage", "O’Brien Haulage");
  assert_name_taken (P (f), "O\xca\xbc" "BRIEN\tHAULAGE", "O’Brien Haulage");
  assert_found (P (f), "ine\xcc\x80s\xc2\xa0 VARGA", "Inès Varga");
  assert_found (P (f), "VÁRGA", "Inès Varga");
  assert_found (P (f), "o'brien haulage", "O’Brien Haulage");
  assert_found (P (f), "\xef\xbd\x96\xef\xbd\x81\xef\xbd\x92\xef\xbd\x87\xef\xbd\x81", NULL);
  assert_found (P (f), "Vargas", NULL);
  assert_name_free (P (f), "\xef\xbd\x96\xef\xbd\x81\xef\xbd\x92\xef\xbd\x87\xef\xbd\x81");  /* ｖａｒｇａ */
  assert_name_free (P (f), "Varga Inès");
  assert_name_free (P (f), "Vargas");

  /* Its own name, spelt otherwise, is no one else's. */
  g_assert_true (dossier_project_set_stakeholder_name (P (f), varga, "INÈS VARGA", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_stakeholder_get_name (dossier_project_get_stakeholder (P (f), varga)), ==,
                   "INÈS VARGA");
  g_assert_false (dossier_project_set_stakeholder_name (P (f), brien, "varga", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "(“INÈS VARGA”)"));
}

/* The check follows every way names change: a rename, aliases, a delete,
 * undo and redo, a merge, the list read again whole; and quotes the first
 * in the list of those that share an alias. */
static void
test_name_check_follows_edits (Fixture       *f,
                               gconstpointer  data)
{
  const char *costa[] = { "Costa", NULL };
  const char *harbour[] = { "The Harbour", NULL };
  g_autoptr(GError) error = NULL;
  gint64 a = add_stakeholder (P (f), "Inès Varga", "Varga");
  gint64 b, port, union_id;

  /* Renamed: the old name is free, the new one taken. */
  g_assert_true (dossier_project_set_stakeholder_name (P (f), a, "Ana Costa", &error));
  g_assert_no_error (error);
  assert_name_taken (P (f), "ANA COSTA", "Ana Costa");
  assert_name_taken (P (f), "varga", "Ana Costa");
  assert_found (P (f), "varga", "Ana Costa");
  assert_found (P (f), "inès varga", NULL);
  b = add_stakeholder (P (f), "Ines Varga", NULL);
  assert_name_taken (P (f), "inès varga", "Ines Varga");

  /* Aliases replaced: the old alias is free. */
  g_assert_true (dossier_project_set_stakeholder_aliases (P (f), a, costa, &error));
  g_assert_no_error (error);
  assert_name_free (P (f), "Varga");
  assert_name_taken (P (f), "COSTA", "Ana Costa");
  assert_found (P (f), "Varga", NULL);
  assert_found (P (f), "COSTA", "Ana Costa");

  /* Deleted, and the delete undone and redone. */
  g_assert_true (dossier_project_delete_stakeholder (P (f), b, &error));
  g_assert_no_error (error);
  assert_name_free (P (f), "Ines Varga");
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_no_error (error);
  assert_name_taken (P (f), "Ines Varga", "Ines Varga");
  g_assert_true (dossier_project_redo (P (f), &error));
  g_assert_no_error (error);
  assert_name_free (P (f), "Ines Varga");
  assert_found (P (f), "Ines Varga", NULL);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_no_error (error);

  /* The rename undone: the old name is taken again, the new one free. */
  g_assert_true (dossier_project_set_stakeholder_name (P (f), b, "Mayor Varga", &error));
  g_assert_no_error (error);
  assert_name_free (P (f), "Ines Varga");
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_no_error (error);
  assert_name_taken (P (f), "Ines Varga", "Ines Varga");
  assert_name_free (P (f), "Mayor Varga");
  assert_found (P (f), "inès varga", "Ines Varga");
  assert_found (P (f), "Mayor Varga", NULL);

  /* Merged: the source's name is the target's alias. */
  g_assert_true (dossier_project_merge_stakeholders (P (f), b, a, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_project_get_stakeholder (P (f), b));
  assert_name_taken (P (f), "Ines Varga", "Ana Costa");
  assert_found (P (f), "Ines Varga", "Ana Costa");

  /* Two share an alias (aliases are not checked against other
   * stakeholders): the first in the list is quoted, and moving the other
   * first quotes it. */
  port = add_stakeholder (P (f), "Port Authority", NULL);
  union_id = add_stakeholder (P (f), "Dockers’ Union", NULL);
  g_assert_true (dossier_project_set_stakeholder_aliases (P (f), union_id, harbour, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_project_set_stakeholder_aliases (P (f), port, harbour, &error));
  g_assert_no_error (error);
  assert_name_taken (P (f), "the harbour", "Port Authority");
  assert_found (P (f), "the harbour", "Port Authority");
  g_assert_true (dossier_project_move_stakeholder (P (f), union_id, 0, &error));
  g_assert_no_error (error);
  assert_name_taken (P (f), "the harbour", "Dockers’ Union");
  assert_found (P (f), "the harbour", "Dockers’ Union");
  /* A name wins over an alias, even one earlier in the list. */
  {
    const char *also_costa[] = { "The Harbour", "ANA COSTA", NULL };

    g_assert_true (dossier_project_set_stakeholder_aliases (P (f), union_id, also_costa, &error));
    g_assert_no_error (error);
    assert_found (P (f), "ana costa", "Ana Costa");
    assert_found (P (f), "costa", "Ana Costa");
    g_assert_true (dossier_project_set_stakeholder_aliases (P (f), union_id, harbour, &error));
    g_assert_no_error (error);
  }
  /* Renaming one of them to the alias they share: the other has it. */
  g_assert_false (dossier_project_set_stakeholder_name (P (f), union_id, "The Harbour", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "(“Port Authority”)"));
  g_clear_error (&error);

  /* The list read again whole (a document deleted) changes nothing. */
  g_assert_true (dossier_project_delete_document (P (f), f->doc_a, &error));
  g_assert_no_error (error);
  assert_name_taken (P (f), "ana costa", "Ana Costa");
  assert_name_taken (P (f), "the harbour", "Dockers’ Union");
  assert_name_free (P (f), "Varga");
  assert_found (P (f), "ana costa", "Ana Costa");
  assert_found (P (f), "the harbour", "Dockers’ Union");
}

/* A file edited by hand: two stakeholders called the same, an alias
 * given twice. The check reads the names as the list shows them, and
 * quotes the first in the list. */
static void
test_name_check_hand_edited (TestDir       *d,
                             gconstpointer  data)
{
  g_autofree char *path = test_dir_path (d, "edited.dossier");
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;

  test_make_project (path, "Mayor Varga spoke.");
  test_sql_exec (path,
                 "INSERT INTO stakeholders (id, uuid, name, aliases, kind, position) VALUES "
                 "  (10, '5e1f0c1e-0000-4000-8000-0000000000a0', 'Mayor', 'Varga\nVARGA\nvárga', "
                 "   'official', 1), "
                 "  (11, '5e1f0c1e-0000-4000-8000-0000000000a1', 'varga', '', 'person', 0), "
                 "  (12, '5e1f0c1e-0000-4000-8000-0000000000a2', 'Varga', '', 'person', 2)");
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  assert_name_taken (project, "VARGA", "varga");
  assert_found (project, "VÁRGA", "varga");
  g_assert_cmpint (dossier_stakeholder_get_id (dossier_project_find_stakeholder (project, "Varga")), ==, 11);
  g_assert_false (dossier_project_set_stakeholder_name (project, 11, "Várga", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "(“Mayor”)"));
  g_clear_error (&error);

  /* Its aliases gone, 12 is the other one left called so. */
  g_assert_true (dossier_project_set_stakeholder_aliases (project, 10, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (dossier_project_set_stakeholder_name (project, 11, "Várga", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "(“Varga”)"));
  g_clear_error (&error);
  g_assert_true (dossier_project_set_stakeholder_name (project, 12, "Ana Costa", &error));
  g_assert_no_error (error);
  g_assert_true (dossier_project_set_stakeholder_name (project, 11, "Várga", &error));
  g_assert_no_error (error);
  assert_name_taken (project, "varga", "Várga");
  assert_found (project, "varga", "Várga");
  assert_found (project, "ana costa", "Ana Costa");
  assert_name_free (project, "Mayor Varga");
  assert_project_sound (project);
}

/* The kinds as the file spells them: "person" is a person's (it was
 * once read as an official's); a kind from a newer version reads as
 * "other", and the file keeps its word while the user edits the rest. */
static void
test_kinds_in_file (TestDir       *d,
                    gconstpointer  data)
{
  g_autofree char *path = test_dir_path (d, "kinds.dossier");
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  DossierStakeholderKind k;

  for (k = 0; k < DOSSIER_STAKEHOLDER_N_KINDS; k++)
    {
      DossierStakeholderKind back = DOSSIER_STAKEHOLDER_N_KINDS;

      g_assert_true (dossier_stakeholder_kind_from_string (dossier_stakeholder_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
    }
  g_assert_cmpstr (dossier_stakeholder_kind_to_string (DOSSIER_STAKEHOLDER_PERSON), ==, "person");
  g_assert_true (dossier_stakeholder_kind_from_string ("Individual", &k));
  g_assert_cmpint (k, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpstr (dossier_stakeholder_kind_get_label (DOSSIER_STAKEHOLDER_PERSON), ==, "Person");

  test_make_project (path, "Ana Ruiz and Unit 7 spoke.");
  test_sql_exec (path,
                 "INSERT INTO stakeholders (id, uuid, name, aliases, kind, position) VALUES "
                 "  (10, '5e1f0c1e-0000-4000-8000-0000000000b0', 'Ana Ruiz', '', 'person', 0), "
                 "  (11, '5e1f0c1e-0000-4000-8000-0000000000b1', 'Unit 7', '', 'robot', 1)");
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  g_assert_cmpint (dossier_stakeholder_get_kind (dossier_project_get_stakeholder (project, 10)), ==,
                   DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpint (dossier_stakeholder_get_kind (dossier_project_get_stakeholder (project, 11)), ==,
                   DOSSIER_STAKEHOLDER_OTHER);
  g_assert_true (dossier_project_set_stakeholder_description (project, 11, "A machine.", &error));
  g_assert_no_error (error);
  g_assert_true (dossier_project_set_stakeholder_name (project, 11, "Unit Seven", &error));
  g_assert_no_error (error);
  kind = test_sql_text (path, "SELECT kind FROM stakeholders WHERE id = 11");
  g_assert_cmpstr (kind, ==, "robot");
  g_clear_pointer (&kind, g_free);

  /* Picking a kind writes it. */
  g_assert_true (dossier_project_set_stakeholder_kind (project, 11, DOSSIER_STAKEHOLDER_PERSON, &error));
  g_assert_no_error (error);
  kind = test_sql_text (path, "SELECT kind FROM stakeholders WHERE id = 11");
  g_assert_cmpstr (kind, ==, "person");
  assert_project_sound (project);
}

/* ---- A version 2 project -------------------------------------------------------------------- */

static void
test_migrate_v2 (TestDir       *d,
                 gconstpointer  data)
{
  static const char text[] = "The Quay Trust met Mayor Varga. VARGA left.";
  g_autofree char *path = test_dir_path (d, "old.dossier");
  g_autofree char *backup = g_strconcat (path, ".v2.bak", NULL);
  g_autofree char *hash = dossier_text_hash (text);
  g_autofree char *insert = NULL;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  DossierStakeholder *s;
  sqlite3 *db = NULL;

  /* A project as Dossier wrote it at version 2, with a stakeholder put
   * there by another tool (version 2 had the table; no Dossier wrote it). */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (dossier_schema_build (db, path, 2, &error));
  g_assert_no_error (error);
  insert = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 2;"
                            "INSERT INTO project VALUES (1, '5e1f0c1e-0000-4000-8000-00000000000a', "
                            "  'Old', '2025-01-01T00:00:00Z');"
                            "INSERT INTO documents (uuid, title, imported, format, text, hash, length) "
                            "  VALUES ('5e1f0c1e-0000-4000-8000-00000000000b', 'Quay', "
                            "  '2025-01-01T00:00:00Z', 'text', '%s', '%s', %ld);"
                            "INSERT INTO stakeholders (uuid, name, aliases, kind) "
                            "  VALUES ('5e1f0c1e-0000-4000-8000-00000000000c', 'Varga', "
                            "  'Mayor Varga', 'official');",
                            DOSSIER_APPLICATION_ID, text, hash, g_utf8_strlen (text, -1));
  g_assert_cmpint (sqlite3_exec (db, insert, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (test_sql_int (backup, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, DOSSIER_SCHEMA_VERSION);

  /* Its mentions were counted in the migration: "Mayor Varga", "VARGA". */
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_stakeholders (project)), ==, 1);
  s = dossier_project_find_stakeholder (project, "Varga");
  g_assert_nonnull (s);
  g_assert_cmpint (dossier_stakeholder_get_stance_position (s), ==, DOSSIER_STANCE_UNKNOWN);
  g_assert_cmpint (dossier_stakeholder_get_kind (s), ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (s), ==, 2);
  g_assert_cmpuint (dossier_stakeholder_get_n_documents (s), ==, 1);
  assert_project_sound (project);
}

/* How often the project ran its statements whose SQL holds @fragment. */
static gint64
runs_of (DossierProject *project,
         const char     *fragment)
{
  GHashTableIter iter;
  gpointer sql, stmt;
  gint64 runs = 0;

  g_hash_table_iter_init (&iter, project->statements);
  while (g_hash_table_iter_next (&iter, &sql, &stmt))
    if (strstr (sql, fragment) != NULL)
      runs += sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_RUN, FALSE);
  return runs;
}

/* A document imported is read in alone: the stakeholders it mentions are
 * read again, not the list of every stakeholder, nor that of every
 * argument (a large project has hundreds and thousands), after the
 * import, its undo and its redo; deleting one still updates who it
 * mentioned and what cited it. */
static void
test_import_reads_what_changed (Fixture       *f,
                                gconstpointer  data)
{
  static const char stakeholders_list[] = "v ON v.stakeholder = s.id ORDER BY";
  static const char arguments_list[] = "FROM arguments a JOIN questions q";
  g_autoptr(GError) error = NULL;
  gint64 varga = add_stakeholder (P (f), "Inès Varga", "Varga");
  gint64 authority = add_stakeholder (P (f), "Harbour Authority", NULL);
  DossierStakeholder *s = dossier_project_get_stakeholder (P (f), varga);
  gint64 question, argument, start, end, doc_c;
  gint64 stakeholder_reads, argument_reads;
  DossierArgument *a;

  question = dossier_project_add_question (P (f), "Reopen the quay?", &error);
  g_assert_no_error (error);
  argument = dossier_project_add_argument (P (f), question, DOSSIER_POLARITY_PRO, "May", 0, 3, &error);
  g_assert_no_error (error);
  text_range (text_a, "Mayor Inès Varga said the quay would reopen in May.", &start, &end);
  g_assert_cmpint (dossier_project_add_argument_evidence_range (P (f), argument, f->doc_a, start, end,
                                                                NULL, &error), >, 0);
  g_assert_no_error (error);
  a = dossier_project_get_argument (P (f), argument);
  g_assert_cmpuint (dossier_argument_get_n_evidence (a), ==, 1);
  stakeholder_reads = runs_of (P (f), stakeholders_list);
  argument_reads = runs_of (P (f), arguments_list);
  g_assert_cmpint (stakeholder_reads, >, 0);
  g_assert_cmpint (argument_reads, >, 0);

  /* (mentions-follow-documents checks the counts through undo and redo.) */
  doc_c = add_doc (P (f), "Third", "Nobody asked Mrs VARGA. Varga! Várga?");
  g_assert_true (dossier_project_undo (P (f), &error) && dossier_project_redo (P (f), &error));
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (s), ==, 8);
  g_assert_cmpint (runs_of (P (f), stakeholders_list), ==, stakeholder_reads);
  g_assert_cmpint (runs_of (P (f), arguments_list), ==, argument_reads);

  /* Deleted: its mentions go, and with the document an argument cites,
   * the evidence the argument counted (back with undo). */
  g_assert_true (dossier_project_delete_document (P (f), doc_c, &error));
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (s), ==, 5);
  g_assert_cmpuint (dossier_stakeholder_get_n_documents (s), ==, 2);
  g_assert_true (dossier_project_delete_document (P (f), f->doc_a, &error));
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (dossier_project_get_stakeholder (P (f), authority)),
                    ==, 0);
  g_assert_cmpuint (dossier_argument_get_n_evidence (a) + dossier_argument_get_n_sources (a), ==, 0);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_argument_get_n_evidence (a) + dossier_argument_get_n_sources (a), ==, 2);
  assert_project_sound (P (f));
}

/* Cites [@needle] of @text (document @doc) for @stakeholder_id in @role. */
static void
cite (DossierProject      *project,
      gint64               stakeholder_id,
      gint64               doc,
      const char          *text,
      const char          *needle,
      DossierEvidenceRole  role)
{
  g_autoptr(GError) error = NULL;
  gint64 start, end;

  text_range (text, needle, &start, &end);
  g_assert_cmpint (dossier_project_add_stakeholder_evidence_range (project, stakeholder_id, doc, start, end,
                                                                   NULL, role, DOSSIER_STANCE_UNKNOWN, &error),
                   >, 0);
  g_assert_no_error (error);
}

/* @sql run straight on the file at @path, with stakeholder @id for "ID". */
static gint64
direct_count (const char *path,
              const char *sql,
              gint64      id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_auto(GStrv) parts = g_strsplit (sql, "ID", -1);
  g_autofree char *query = g_strjoinv (number, parts);

  return test_sql_int (path, query);
}

static void
assert_counts_direct (DossierProject     *project,
                      const char         *path,
                      DossierStakeholder *s)
{
  gint64 id = dossier_stakeholder_get_id (s);

  g_assert_cmpint (dossier_stakeholder_get_n_mentions (s), ==,
                   direct_count (path, "SELECT coalesce (sum (m.count), 0) FROM stakeholder_mentions m "
                                       "WHERE m.stakeholder = ID AND m.document IN "
                                       "(SELECT id FROM documents)", id));
  g_assert_cmpint (dossier_stakeholder_get_n_documents (s), ==,
                   direct_count (path, "SELECT count(*) FROM stakeholder_mentions m "
                                       "WHERE m.stakeholder = ID AND m.document IN "
                                       "(SELECT id FROM documents)", id));
  g_assert_cmpint (dossier_stakeholder_get_n_evidence (s), ==,
                   direct_count (path, "SELECT count(*) FROM stakeholder_evidence e, highlights h "
                                       "WHERE e.stakeholder = ID AND h.id = e.highlight "
                                       "AND h.document IN (SELECT id FROM documents)", id));
  g_assert_cmpint (dossier_stakeholder_get_power_backed (s), ==,
                   direct_count (path, "SELECT count(*) > 0 FROM stakeholder_evidence e, highlights h "
                                       "WHERE e.stakeholder = ID AND h.id = e.highlight "
                                       "AND e.role = 'power' AND h.document IN (SELECT id FROM documents)", id));
  g_assert_cmpint (dossier_stakeholder_get_interest_backed (s), ==,
                   direct_count (path, "SELECT count(*) > 0 FROM stakeholder_evidence e, highlights h "
                                       "WHERE e.stakeholder = ID AND h.id = e.highlight "
                                       "AND e.role = 'interest' AND h.document IN (SELECT id FROM documents)",
                                 id));
}

/* The list read whole at open (one grouped pass over the mentions and
 * the evidence) gives each stakeholder the counts SQL finds straight in
 * the file, and those each one had when read alone after its last edit:
 * with mentions in several documents, evidence of every role, none at
 * all, and a document deleted by hand (foreign keys off) whose mentions
 * and evidence stay in the file and count for nothing. */
static void
test_loaded_counts (TestDir       *d,
                    gconstpointer  data)
{
  static const char text_c[] = "Varga met the union again. The union said Varga was late.";
  g_autofree char *path = test_dir_path (d, "counts.dossier");
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) read_alone = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *deletion = NULL;
  gint64 doc_a, doc_b, doc_c, varga, authority, union_id, quiet;
  GListModel *list;

  project = dossier_project_create (path, "Counts", &error);
  g_assert_no_error (error);
  doc_a = add_doc (project, "Quay to reopen", text_a);
  doc_b = add_doc (project, "Union doubts", text_b);
  doc_c = add_doc (project, "Late again", text_c);
  varga = add_stakeholder (project, "Inès Varga", "Varga");
  authority = add_stakeholder (project, "Harbour Authority of Port Calder", "harbour authority");
  union_id = add_stakeholder (project, "Dockers’ Union", "union");
  quiet = add_stakeholder (project, "Nobody Named", NULL);
  cite (project, varga, doc_a, text_a, "Mayor Inès Varga said the quay would reopen in May.",
        DOSSIER_EVIDENCE_POWER);
  cite (project, varga, doc_b, text_b, "Varga did not answer.", DOSSIER_EVIDENCE_QUOTE);
  cite (project, authority, doc_a, text_a, "The harbour authority disagreed.", DOSSIER_EVIDENCE_INTEREST);
  cite (project, union_id, doc_b, text_b, "The union wants the quay closed", DOSSIER_EVIDENCE_NONE);
  cite (project, union_id, doc_c, text_c, "The union said Varga was late.", DOSSIER_EVIDENCE_POWER);
  cite (project, authority, doc_c, text_c, "Varga met the union again.", DOSSIER_EVIDENCE_INTEREST);
  g_assert_cmpuint (dossier_stakeholder_get_n_documents (dossier_project_get_stakeholder (project, varga)), ==, 3);

  /* What each had, read alone after its last edit (document C gone). */
  g_assert_true (dossier_project_delete_document (project, doc_c, &error));
  g_assert_no_error (error);
  list = dossier_project_get_stakeholders (project);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (list, i);

      g_ptr_array_add (read_alone, g_strdup_printf ("%" G_GINT64_FORMAT ": %u %u %u %d %d",
                                                    dossier_stakeholder_get_id (s),
                                                    dossier_stakeholder_get_n_mentions (s),
                                                    dossier_stakeholder_get_n_documents (s),
                                                    dossier_stakeholder_get_n_evidence (s),
                                                    dossier_stakeholder_get_power_backed (s),
                                                    dossier_stakeholder_get_interest_backed (s)));
    }
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  dossier_project_close (project);
  g_clear_object (&project);

  /* Document C deleted behind the core's back: its mentions and evidence
   * stay in the file. */
  deletion = g_strdup_printf ("PRAGMA foreign_keys = OFF; DELETE FROM documents WHERE id = %" G_GINT64_FORMAT,
                              doc_c);
  test_sql_exec (path, deletion);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM stakeholder_mentions WHERE document NOT IN "
                                       "(SELECT id FROM documents)"), >, 0);

  project = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  list = dossier_project_get_stakeholders (project);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (list, i);
      g_autofree char *loaded = g_strdup_printf ("%" G_GINT64_FORMAT ": %u %u %u %d %d",
                                                 dossier_stakeholder_get_id (s),
                                                 dossier_stakeholder_get_n_mentions (s),
                                                 dossier_stakeholder_get_n_documents (s),
                                                 dossier_stakeholder_get_n_evidence (s),
                                                 dossier_stakeholder_get_power_backed (s),
                                                 dossier_stakeholder_get_interest_backed (s));

      assert_counts_direct (project, path, s);
      g_assert_cmpstr (loaded, ==, g_ptr_array_index (read_alone, i));
    }
  /* Not all nothing: each kind of count is there to compare. */
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (dossier_project_get_stakeholder (project, varga)), >, 3);
  g_assert_cmpuint (dossier_stakeholder_get_n_documents (dossier_project_get_stakeholder (project, varga)), ==, 2);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (dossier_project_get_stakeholder (project, varga)), ==, 2);
  g_assert_true (dossier_stakeholder_get_power_backed (dossier_project_get_stakeholder (project, varga)));
  g_assert_false (dossier_stakeholder_get_power_backed (dossier_project_get_stakeholder (project, union_id)));
  g_assert_true (dossier_stakeholder_get_interest_backed (dossier_project_get_stakeholder (project, authority)));
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (dossier_project_get_stakeholder (project, authority)), ==, 1);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (dossier_project_get_stakeholder (project, quiet)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/dossier/stakeholders/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("add", test_add);
  ADD ("bad-input", test_bad_input);
  ADD ("edit", test_edit);
  ADD ("move", test_move);
  ADD ("evidence", test_evidence);
  ADD ("create-citing", test_create_citing);
  ADD ("create-citing-kind", test_create_citing_kind);
  ADD ("removed-not-found", test_removed_not_found);
  ADD ("delete-highlight-drops-evidence", test_delete_highlight_drops_evidence);
  ADD ("delete-and-merge", test_delete_and_merge);
  ADD ("mentions-follow-documents", test_mentions_follow_documents);
  ADD ("mentions-follow-names", test_mentions_follow_names);
  ADD ("delete-document-undo", test_delete_document_undo);
  ADD ("import-reads-what-changed", test_import_reads_what_changed);
  ADD ("names-changed-signal", test_names_changed_signal);
  ADD ("stakeholders-patched", test_stakeholders_patched);
  ADD ("suggestions", test_suggestions);
  ADD ("suggested-mentions-agree", test_suggested_mentions_agree);
  ADD ("suggested-as-alias", test_suggested_as_alias);
  ADD ("name-check-folds", test_name_check_folds);
  ADD ("name-check-follows-edits", test_name_check_follows_edits);
#undef ADD
  g_test_add ("/dossier/stakeholders/migrate-v2", TestDir, NULL, test_dir_set_up,
              test_migrate_v2, test_dir_tear_down);
  g_test_add ("/dossier/stakeholders/name-check-hand-edited", TestDir, NULL, test_dir_set_up,
              test_name_check_hand_edited, test_dir_tear_down);
  g_test_add ("/dossier/stakeholders/kinds-in-file", TestDir, NULL, test_dir_set_up,
              test_kinds_in_file, test_dir_tear_down);
  g_test_add ("/dossier/stakeholders/loaded-counts", TestDir, NULL, test_dir_set_up,
              test_loaded_counts, test_dir_tear_down);

  return g_test_run ();
}
