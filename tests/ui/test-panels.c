/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-panels.c — the side panels and pickers against a real project.
 *
 * Each test builds a temporary project through the core (two invented
 * articles, a small codebook, a few highlights), shows the widget in a
 * window where rows need to exist, drives it the way a user would (select,
 * type, activate) and checks what the user relies on: the listed rows, the
 * ids the signals carry, and the project after an edit.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "dossier-codebook-panel.h"
#include "dossier-document-row.h"
#include "dossier-documents-panel.h"
#include "dossier-highlights-panel.h"
#include "dossier-search-hit-item.h"
#include "dossier-search-panel.h"
#include "dossier-tag-chip.h"
#include "dossier-tag-picker.h"
#include "dossier-text-dialog.h"
#include "ui-test-util.h"

static const char article_one[] =
  "Riverside council weighs a new library\n"
  "\n"
  "The council of Riverside votes on Tuesday on a plan to build a new library by the river. "
  "Supporters say the building would give students a quiet place to study. "
  "Critics warn that the cost could rise above the budget, as it did for the old café.\n"
  "\n"
  "The mayor called it “the most important decision of the year”.\n";

static const char article_two[] =
  "Library plan divides Riverside\n"
  "\n"
  "Shop owners fear the construction would close the main road for months. "
  "Students and teachers mostly back the library, and a few want it open at night.\n";

typedef struct
{
  char           *dir;
  DossierProject *project;
  gint64          doc_one;
  gint64          doc_two;
  gint64          stakeholders, students, council, pros, cons, risks, costs, timeline, quotes, budget;
  gint64          hl_study;    /* doc one, Students + Pros */
  gint64          hl_cost;     /* doc one, Cons */
  gint64          hl_back;     /* doc two, Students */
} Fixture;

/* ---- helpers ----------------------------------------------------------------- */

/* ---- conditions to wait for (never a fixed time: the machine may be slow) ---- */

typedef struct
{
  GListModel *model;
  guint       n_items;
} ModelHas;

static gboolean
model_has (gpointer data)
{
  ModelHas *has = data;

  return g_list_model_get_n_items (has->model) == has->n_items;
}

/* The @index-th of the rows with @row_class under @widget has a label of
 * @label_class showing @text (any text if "*"; NULL: that label is
 * hidden). With @row_class NULL: the @index-th label of @label_class. */
typedef struct
{
  GtkWidget  *widget;
  const char *row_class;
  guint       index;
  const char *label_class;
  const char *text;
} RowShows;

static gboolean
row_shows (gpointer data)
{
  RowShows *shows = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *label;

  collect_with_class (shows->widget, shows->row_class ? shows->row_class : shows->label_class, rows);
  if (shows->index >= rows->len)
    return FALSE;
  label = g_ptr_array_index (rows, shows->index);
  if (shows->row_class != NULL)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      /* A card makes its memo and orphaned mark only when needed. */
      collect_with_class (label, shows->label_class, labels);
      if (labels->len == 0)
        return shows->text == NULL;
      label = g_ptr_array_index (labels, 0);
    }
  if (shows->text == NULL)
    return !gtk_widget_get_visible (label);
  return gtk_widget_get_visible (label) &&
         (g_str_equal (shows->text, "*") ||
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), shows->text) == 0);
}

/* The first tag chip under @widget is named @text. */
static gboolean
chip_named (gpointer data)
{
  LabelShown *shown = data;
  GtkWidget *chip = find_descendant (shown->widget, DOSSIER_TYPE_TAG_CHIP);

  return chip != NULL &&
         g_strcmp0 (dossier_tag_chip_get_tag_name (DOSSIER_TAG_CHIP (chip)), shown->text) == 0;
}

typedef struct
{
  GtkWidget  *widget;
  const char *css_class;
  guint       n;
} WithClass;

static gboolean
n_with_class (gpointer data)
{
  WithClass *with = data;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_with_class (with->widget, with->css_class, found);
  return found->len == with->n;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
widget_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = test_create_project ("panels", "Riverside library", &f->dir, NULL);

  f->doc_one = add_document (f->project, DOSSIER_FORMAT_TEXT, article_one, "council.txt");
  f->doc_two = add_document (f->project, DOSSIER_FORMAT_TEXT, article_two, "divides.txt");

  /* Added out of tree order on purpose: the codebook must show tree order. */
  f->stakeholders = add_tag (f->project, "Stakeholders", 0);
  f->pros = add_tag (f->project, "Pros", 0);
  f->cons = add_tag (f->project, "Cons", 0);
  f->risks = add_tag (f->project, "Risks", 0);
  f->timeline = add_tag (f->project, "Timeline", 0);
  f->quotes = add_tag (f->project, "Quotes", 0);
  f->budget = add_tag (f->project, "Budget", 0);
  f->students = add_tag (f->project, "Students", f->stakeholders);
  f->council = add_tag (f->project, "Council", f->stakeholders);
  f->costs = add_tag (f->project, "Costs", f->risks);

  f->hl_study = add_highlight (f->project, f->doc_one, "students a quiet place to study",
                               (gint64[]) { f->students, f->pros }, 2, "The main argument for it");
  f->hl_cost = add_highlight (f->project, f->doc_one, "the cost could rise above the budget",
                              (gint64[]) { f->cons }, 1, NULL);
  f->hl_back = add_highlight (f->project, f->doc_two, "Students and teachers mostly back the library",
                              (gint64[]) { f->students }, 1, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_finish_project (&f->project, &f->dir, NULL);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* ---- tag chip ---------------------------------------------------------------- */

static void
test_tag_chip (void)
{
  GtkWidget *chip = g_object_ref_sink (dossier_tag_chip_new ("Risks", "#f5c211"));
  GdkRGBA rgba;

  g_assert_cmpstr (dossier_tag_chip_get_tag_name (DOSSIER_TAG_CHIP (chip)), ==, "Risks");
  g_assert_cmpstr (dossier_tag_chip_get_color (DOSSIER_TAG_CHIP (chip)), ==, "#f5c211");
  g_assert_true (dossier_tag_chip_get_show_name (DOSSIER_TAG_CHIP (chip)));

  /* Black on yellow and white, white on dark blue and black. */
  gdk_rgba_parse (&rgba, "#f5c211");
  g_assert_true (dossier_tag_chip_prefers_dark_text (&rgba));
  gdk_rgba_parse (&rgba, "#ffffff");
  g_assert_true (dossier_tag_chip_prefers_dark_text (&rgba));
  gdk_rgba_parse (&rgba, "#1a237e");
  g_assert_false (dossier_tag_chip_prefers_dark_text (&rgba));
  gdk_rgba_parse (&rgba, "#000000");
  g_assert_false (dossier_tag_chip_prefers_dark_text (&rgba));

  /* A longer name makes a wider chip, up to a limit past which it ellipsizes. */
  {
    int short_width, long_width, longest_width, swatch_width;

    gtk_widget_measure (chip, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &short_width, NULL, NULL);
    dossier_tag_chip_set_tag_name (DOSSIER_TAG_CHIP (chip), "Transport operators");
    gtk_widget_measure (chip, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &long_width, NULL, NULL);
    dossier_tag_chip_set_tag_name (DOSSIER_TAG_CHIP (chip),
                                   "Transport operators, unions and the port authority of the city");
    gtk_widget_measure (chip, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &longest_width, NULL, NULL);
    g_assert_cmpint (short_width, <, long_width);
    g_assert_cmpint (long_width, <, longest_width);
    g_assert_cmpint (longest_width, <, 2 * long_width);

    dossier_tag_chip_set_show_name (DOSSIER_TAG_CHIP (chip), FALSE);
    gtk_widget_measure (chip, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &swatch_width, NULL, NULL);
    g_assert_cmpint (swatch_width, <, short_width);
    g_assert_cmpstr (dossier_tag_chip_get_tag_name (DOSSIER_TAG_CHIP (chip)), ==,
                     "Transport operators, unions and the port authority of the city");
  }
  /* A bad colour is not fatal. */
  dossier_tag_chip_set_color (DOSSIER_TAG_CHIP (chip), "not a colour");

  g_assert_finalize_object (chip);
}

/* ---- codebook ------------------------------------------------------------------ */

/* Activates @action (with @parameter, floating, or NULL) on @panel, in a
 * window of its own with a toast overlay (it shows one toast at a time),
 * and checks the toast. */
static void
assert_action_toast (GtkWidget  *panel,
                     const char *action,
                     GVariant   *parameter,
                     const char *expected)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *window;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), panel);
  window = show_in_window (overlay, 360, 700);
  g_assert_true (gtk_widget_activate_action_variant (panel, action, parameter));
  wait_until (label_shown, &(LabelShown) { overlay, expected }, expected);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), NULL);
  close_window (window);
}

/* Deletes @tag_id from the codebook panel and checks the toast. */
static void
assert_delete_toast (GtkWidget  *panel,
                     gint64      tag_id,
                     const char *expected)
{
  g_object_set (panel, "selected-tag-id", tag_id, NULL);
  assert_action_toast (panel, "codebook.delete", NULL, expected);
}

/* Deleting a tag says how many highlights went with it (those that had no
 * other tag), and Undo brings them back. */
static void
test_codebook_delete_toast (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *panel = g_object_ref_sink (dossier_codebook_panel_new ());
  g_autoptr(GError) error = NULL;
  gint64 library;

  g_object_set (panel, "project", f->project, NULL);

  /* Cons: its one highlight had no other tag. */
  assert_delete_toast (panel, f->cons, "Deleted tag “Cons” and its 1 highlight");
  g_assert_null (dossier_project_get_highlight (f->project, f->hl_cost, &error));
  g_clear_error (&error);
  g_assert_true (dossier_project_undo (f->project, NULL));
  g_assert_nonnull (dossier_project_get_tag (f->project, f->cons));

  /* Stakeholders and its subtags: the highlight tagged Students alone
   * goes, the one also tagged Pros stays. */
  assert_delete_toast (panel, f->stakeholders, "Deleted tag “Stakeholders” and its 1 highlight");
  g_assert_true (dossier_project_undo (f->project, NULL));

  /* Two highlights: the plural. */
  library = add_tag (f->project, "Library", 0);
  add_highlight (f->project, f->doc_one, "a new library", &library, 1, NULL);
  add_highlight (f->project, f->doc_two, "back the library", &library, 1, NULL);
  assert_delete_toast (panel, library, "Deleted tag “Library” and its 2 highlights");

  /* A tag whose highlights all keep another tag: no highlight went. */
  assert_delete_toast (panel, f->pros, "Deleted tag “Pros”");

  g_object_unref (panel);
}

static char *
cite (DossierProject *project,
      gint64          highlight)
{
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (project, highlight, NULL);

  return g_strdup_printf ("[@%s]", dossier_highlight_get_uuid (h));
}

/* Deleting a tag or a document whose highlights a briefing note cites
 * says how many notes cited what went (those notes now cite what cannot
 * be verified); a highlight that keeps another tag still stands, and is
 * not counted. */
static void
test_delete_cited_toast (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *codebook = g_object_ref_sink (dossier_codebook_panel_new ());
  GtkWidget *documents = g_object_ref_sink (dossier_documents_panel_new ());
  g_autoptr(GError) error = NULL;
  g_autofree char *cost = cite (f->project, f->hl_cost);
  g_autofree char *study = cite (f->project, f->hl_study);
  g_autofree char *back = cite (f->project, f->hl_back);
  g_autofree char *one = g_strconcat ("Costs ", cost, " and study ", study, ".", NULL);
  g_autofree char *two = g_strconcat ("Study ", study, "; back ", back, ".", NULL);
  g_autofree char *code = g_strconcat ("Not a citation: `", cost, "`.", NULL);

  dossier_project_add_briefing (f->project, "One", NULL, 0, one, &error);
  g_assert_no_error (error);
  dossier_project_add_briefing (f->project, "Two", NULL, 0, two, &error);
  g_assert_no_error (error);
  dossier_project_add_briefing (f->project, "Code", NULL, 0, code, &error);
  g_assert_no_error (error);
  g_object_set (codebook, "project", f->project, NULL);
  g_object_set (documents, "project", f->project, NULL);

  /* Cons: its one highlight, cited by one note (the UUID in code is not
   * a citation). */
  assert_delete_toast (codebook, f->cons, "Deleted tag “Cons” and its 1 highlight; 1 briefing note cited it");
  g_assert_true (dossier_project_undo (f->project, NULL));

  /* Stakeholders: hl_back goes (cited by Two); hl_study, also tagged Pros,
   * stays and its citations still verify. */
  assert_delete_toast (codebook, f->stakeholders,
                       "Deleted tag “Stakeholders” and its 1 highlight; 1 briefing note cited it");
  g_assert_true (dossier_project_undo (f->project, NULL));

  /* Pros: hl_study keeps Students; nothing went, nothing to say. */
  assert_delete_toast (codebook, f->pros, "Deleted tag “Pros”");
  g_assert_true (dossier_project_undo (f->project, NULL));

  /* Two highlights cited by both notes. */
  {
    gint64 temp = add_tag (f->project, "Temp", 0);

    g_assert_true (dossier_project_add_highlight_tag (f->project, f->hl_cost, temp, &error));
    g_assert_true (dossier_project_add_highlight_tag (f->project, f->hl_back, temp, &error));
    g_assert_true (dossier_project_remove_highlight_tag (f->project, f->hl_cost, f->cons, &error));
    g_assert_true (dossier_project_remove_highlight_tag (f->project, f->hl_back, f->students, &error));
    g_assert_no_error (error);
    assert_delete_toast (codebook, temp, "Deleted tag “Temp” and its 2 highlights; 2 briefing notes cited them");
    g_assert_true (dossier_project_undo (f->project, NULL));
  }

  /* Documents: the first's highlights are cited by both notes, the
   * second's by Two alone. */
  assert_action_toast (documents, "documents.delete", g_variant_new_int64 (f->doc_one),
                       "Deleted “Riverside council weighs a new library”; 2 briefing notes cited its highlights");
  g_assert_true (dossier_project_undo (f->project, NULL));
  assert_action_toast (documents, "documents.delete", g_variant_new_int64 (f->doc_two),
                       "Deleted “Library plan divides Riverside”; 1 briefing note cited its highlights");
  g_assert_true (dossier_project_undo (f->project, NULL));

  g_object_set (codebook, "project", NULL, NULL);
  g_object_set (documents, "project", NULL, NULL);
  g_object_unref (codebook);
  g_object_unref (documents);
}

typedef struct
{
  GtkWidget  *row;
  const char *key;
} SlotShows;

static gboolean
slot_shows (gpointer data)
{
  SlotShows *shows = data;

  return g_strcmp0 (label_with_class (shows->row, "tag-slot"), shows->key) == 0;
}

static void
test_codebook (Fixture       *f,
               gconstpointer  data)
{
  static const char * const tree_order[] = {
    "Stakeholders", "Students", "Council", "Pros", "Cons",
    "Risks", "Costs", "Timeline", "Quotes", "Budget",
  };
  /* Stakeholders and Risks only group their sub-tags: no key. */
  static const char * const keys[] = { "", "1", "2", "3", "4", "", "5", "6", "7", "8" };
  GtkWidget *panel = g_object_ref_sink (dossier_codebook_panel_new ());
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkListView *list_view;
  GtkSelectionModel *selection;
  GListModel *tags;
  GtkWidget *window;
  guint notified = 0;

  g_object_set (panel, "project", f->project, NULL);
  window = show_in_window (panel, 360, 700);

  /* Rows in tree order, with counts and slots 1–9. */
  collect_with_class (panel, "dossier-tag-row", rows);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (tree_order));
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (label_with_class (row, "tag-name"), ==, tree_order[i]);
      g_assert_cmpstr (label_with_class (row, "tag-slot"), ==, keys[i]);
    }
  g_assert_cmpstr (label_with_class (g_ptr_array_index (rows, 1), "tag-count"), ==, "2");  /* Students */
  g_assert_cmpstr (label_with_class (g_ptr_array_index (rows, 4), "tag-count"), ==, "1");  /* Cons */
  g_assert_cmpstr (label_with_class (g_ptr_array_index (rows, 7), "tag-count"), ==, "0");  /* Timeline */
  /* Children are indented. */
  {
    double parent_x, child_x, y;

    g_assert_true (gtk_widget_translate_coordinates (g_ptr_array_index (rows, 0), panel, 0, 0, &parent_x, &y));
    g_assert_true (gtk_widget_translate_coordinates (g_ptr_array_index (rows, 1), panel, 0, 0, &child_x, &y));
    g_assert_cmpfloat (child_x, >, parent_x + 8);
  }

  /* Keys: the tags that are not groups, in the project's tree order. */
  tags = dossier_project_get_tags (f->project);
  for (guint i = 0, key = 1; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);

      if (*keys[i] == '\0')
        continue;
      g_assert_cmpint (dossier_codebook_panel_get_slot_tag (DOSSIER_CODEBOOK_PANEL (panel), key),
                       ==, dossier_tag_get_id (tag));
      key++;
    }
  g_assert_cmpint (dossier_codebook_panel_get_slot_tag (DOSSIER_CODEBOOK_PANEL (panel), 1), ==,
                   f->students);
  g_assert_cmpint (dossier_codebook_panel_get_slot_tag (DOSSIER_CODEBOOK_PANEL (panel), 9), ==, 0);
  g_assert_cmpint (dossier_codebook_panel_get_slot_tag (DOSSIER_CODEBOOK_PANEL (panel), 0), ==, 0);
  g_assert_cmpint (dossier_codebook_panel_get_slot_tag (DOSSIER_CODEBOOK_PANEL (panel), 10), ==, 0);

  /* Selecting a row sets selected-tag-id, with one notification. */
  list_view = GTK_LIST_VIEW (find_descendant (panel, GTK_TYPE_LIST_VIEW));
  selection = gtk_list_view_get_model (list_view);
  g_signal_connect (panel, "notify::selected-tag-id", G_CALLBACK (count_notify), &notified);
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (DOSSIER_CODEBOOK_PANEL (panel)), ==, 0);
  gtk_selection_model_select_item (selection, 4, TRUE);
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (DOSSIER_CODEBOOK_PANEL (panel)), ==,
                   f->cons);
  g_assert_cmpuint (notified, ==, 1);

  /* And the other way round. */
  g_object_set (panel, "selected-tag-id", f->costs, NULL);
  g_assert_true (gtk_selection_model_is_selected (selection, 6));
  g_assert_cmpuint (notified, ==, 2);

  /* Number Key ▸ 3 pins Budget there: the row shows it pinned, Pros
   * moves on; the menu's radio state follows the selection; undo. */
  g_object_set (panel, "selected-tag-id", (gint64) 0, NULL);
  gtk_widget_activate_action (panel, "codebook.key", "i", 3);
  g_assert_cmpint (dossier_project_get_key_tag (f->project, 3), ==, f->pros);
  g_object_set (panel, "selected-tag-id", f->budget, NULL);
  g_assert_true (gtk_widget_activate_action (panel, "codebook.key", "i", 3));
  g_assert_cmpint (dossier_tag_get_key (dossier_project_get_tag (f->project, f->budget)), ==, 3);
  wait_until (slot_shows, &(SlotShows) { g_ptr_array_index (rows, 9), "3" }, "Budget's row to show key 3");
  g_assert_cmpstr (label_with_class (g_ptr_array_index (rows, 9), "tag-slot"), ==, "3");
  g_assert_true (gtk_widget_has_css_class (find_with_class (g_ptr_array_index (rows, 9), "tag-slot"), "pinned"));
  g_assert_cmpstr (label_with_class (g_ptr_array_index (rows, 3), "tag-slot"), ==, "4");  /* Pros */
  g_assert_false (gtk_widget_has_css_class (find_with_class (g_ptr_array_index (rows, 3), "tag-slot"), "pinned"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_with_class (g_ptr_array_index (rows, 9), "tag-slot")),
                   ==, "Press 3 to tag the selection with this tag. The tag keeps this key when the "
                       "codebook changes.");
  {
    int key = 0;

    g_object_get (panel, "selected-tag-key", &key, NULL);
    g_assert_cmpint (key, ==, 3);
    g_object_set (panel, "selected-tag-id", f->pros, NULL);
    g_object_get (panel, "selected-tag-key", &key, NULL);
    g_assert_cmpint (key, ==, DOSSIER_TAG_KEY_AUTO);
  }
  /* No Key for Pros: Cons takes 4. */
  g_assert_true (gtk_widget_activate_action (panel, "codebook.key", "i", DOSSIER_TAG_KEY_NONE));
  wait_until (slot_shows, &(SlotShows) { g_ptr_array_index (rows, 4), "4" }, "Cons's row to show key 4");
  g_assert_cmpstr (label_with_class (g_ptr_array_index (rows, 3), "tag-slot"), ==, "");
  g_assert_cmpstr (label_with_class (g_ptr_array_index (rows, 4), "tag-slot"), ==, "4");
  g_assert_true (dossier_project_undo (f->project, NULL));
  g_assert_true (dossier_project_undo (f->project, NULL));
  wait_until (slot_shows, &(SlotShows) { g_ptr_array_index (rows, 9), "8" }, "Budget's row to show key 8");
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_cmpstr (label_with_class (g_ptr_array_index (rows, i), "tag-slot"), ==, keys[i]);
      g_assert_false (gtk_widget_has_css_class (find_with_class (g_ptr_array_index (rows, i), "tag-slot"), "pinned"));
    }

  /* Collapsing hides the children; selecting a hidden tag shows it. */
  g_object_set (panel, "selected-tag-id", f->stakeholders, NULL);
  g_assert_true (gtk_widget_activate_action (panel, "codebook.collapse", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 8);
  g_object_set (panel, "selected-tag-id", f->council, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 10);
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (DOSSIER_CODEBOOK_PANEL (panel)), ==,
                   f->council);

  /* Move Up puts Council before Students, and it stays selected. */
  g_assert_true (gtk_widget_activate_action (panel, "codebook.move-up", NULL));
  {
    g_autoptr(DossierTag) second = g_list_model_get_item (tags, 1);

    g_assert_cmpint (dossier_tag_get_id (second), ==, f->council);
  }
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (DOSSIER_CODEBOOK_PANEL (panel)), ==,
                   f->council);
  wait_until (row_shows, &(RowShows) { panel, "dossier-tag-row", 1, "tag-name", "Council" },
              "Council's row to move up");
  g_ptr_array_set_size (rows, 0);
  collect_with_class (panel, "dossier-tag-row", rows);
  g_assert_cmpstr (label_with_class (g_ptr_array_index (rows, 1), "tag-name"), ==, "Council");
  g_assert_cmpstr (label_with_class (g_ptr_array_index (rows, 1), "tag-slot"), ==, "1");

  /* Renaming in the core shows in the row. */
  g_assert_true (dossier_project_rename_tag (f->project, f->council, "Town council", NULL));
  wait_until (row_shows, &(RowShows) { panel, "dossier-tag-row", 1, "tag-name", "Town council" },
              "the renamed tag's row");
  g_assert_cmpstr (label_with_class (g_ptr_array_index (rows, 1), "tag-name"), ==, "Town council");

  /* Delete removes the tag and clears the selection; the core can undo it. */
  g_assert_true (gtk_widget_activate_action (panel, "codebook.delete", NULL));
  g_assert_null (dossier_project_get_tag (f->project, f->council));
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (DOSSIER_CODEBOOK_PANEL (panel)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 9);
  g_assert_true (dossier_project_undo (f->project, NULL));
  g_assert_nonnull (dossier_project_get_tag (f->project, f->council));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 10);

  /* Escape (codebook.unselect) goes back to no tag. */
  g_assert_true (gtk_widget_activate_action (panel, "codebook.unselect", NULL));
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (DOSSIER_CODEBOOK_PANEL (panel)), ==, 0);

  /* New Tag: a name taken among the siblings (in any case) cannot be
   * confirmed; a free one is added, at top level, and selected. */
  g_assert_true (gtk_widget_activate_action (panel, "codebook.add", NULL));
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
    GtkWidget *entry;
    DossierTag *added;

    g_assert_nonnull (dialog);
    entry = find_descendant (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_ENTRY);
    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "pros");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
    /* A name over the limit: said as it is typed, not confirmed. */
    {
      g_autofree char *long_name = g_strnfill (DOSSIER_TAG_MAX_NAME + 1, 'x');
      g_autofree char *message = g_strdup_printf ("A tag name can be at most %d characters long.",
                                                  DOSSIER_TAG_MAX_NAME);

      gtk_editable_set_text (GTK_EDITABLE (entry), long_name);
      g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
      g_assert_nonnull (find_label (GTK_WIDGET (dialog), message));
      long_name[DOSSIER_TAG_MAX_NAME] = '\0';
      gtk_editable_set_text (GTK_EDITABLE (entry), long_name);
      g_assert_true (adw_message_dialog_get_response_enabled (dialog, "ok"));
    }
    gtk_editable_set_text (GTK_EDITABLE (entry), "  Opening hours ");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "ok"));
    adw_message_dialog_response (dialog, "ok");
    gtk_window_destroy (GTK_WINDOW (dialog));

    added = dossier_project_find_tag (f->project, "Opening hours");
    g_assert_nonnull (added);
    g_assert_cmpint (dossier_tag_get_parent_id (added), ==, 0);
    g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (DOSSIER_CODEBOOK_PANEL (panel)), ==,
                     dossier_tag_get_id (added));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 11);
  }

  /* Without a project: empty, nothing selected. */
  g_object_set (panel, "project", NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (DOSSIER_CODEBOOK_PANEL (panel)), ==, 0);

  g_signal_handlers_disconnect_by_func (panel, count_notify, &notified);
  close_window (window);
  g_assert_finalize_object (panel);
}

/* ---- codebook: the tree ------------------------------------------------------- */

/* The names of the codebook's rows as they show, depth marked by "  ". */
static char *
tree_outline (GtkWidget *panel)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find_descendant (panel, GTK_TYPE_LIST_VIEW))));
  GString *outline = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(DossierTag) tag = gtk_tree_list_row_get_item (row);

      for (guint d = 0; d < gtk_tree_list_row_get_depth (row); d++)
        g_string_append (outline, "  ");
      g_string_append (outline, dossier_tag_get_name (tag));
      if (gtk_tree_list_row_is_expandable (row))
        g_string_append (outline, gtk_tree_list_row_get_expanded (row) ? " -" : " +");
      g_string_append_c (outline, '\n');
    }
  return g_string_free (outline, FALSE);
}

typedef struct
{
  GtkWidget  *panel;
  const char *outline;
} OutlineIs;

static gboolean
outline_is (gpointer data)
{
  OutlineIs *is = data;
  g_autofree char *outline = tree_outline (is->panel);

  return g_str_equal (outline, is->outline);
}

#define assert_outline(panel, expected) G_STMT_START {                    \
    g_autofree char *outline_ = tree_outline (panel);                      \
    g_assert_cmpstr (outline_, ==, expected);                              \
  } G_STMT_END

/* The row of @tag_id as it shows (transfer none), or NULL. */
static DossierRow *
tag_row (GtkWidget      *panel,
         DossierProject *project,
         gint64          tag_id)
{
  return dossier_panel_find_row (DOSSIER_PANEL (panel), dossier_project_get_tag (project, tag_id));
}

typedef struct
{
  GtkWidget      *panel;
  DossierProject *project;
  gint64          tag_id;
  const char     *count;
} CountShows;

static gboolean
count_shows (gpointer data)
{
  CountShows *shows = data;
  DossierRow *row = tag_row (shows->panel, shows->project, shows->tag_id);

  return row != NULL && g_strcmp0 (label_with_class (GTK_WIDGET (row), "tag-count"), shows->count) == 0;
}

/* A tag moved in the codebook takes its row out and puts it back where it
 * goes; the other rows stay as they were: the one selected stays selected
 * all along (no moment without it, which the window would follow), and
 * the list's rows between are not made again. Before, the whole run of
 * rows the tag crossed was replaced, the selection in it lost. */
static void
test_codebook_move_keeps_rows (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *panel = g_object_ref_sink (dossier_codebook_panel_new ());
  DossierCodebookPanel *codebook = DOSSIER_CODEBOOK_PANEL (panel);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  guint n_selected = 0;

  g_object_set (panel, "project", f->project, NULL);
  window = show_in_window (panel, 360, 700);
  dossier_codebook_panel_set_selected_tag_id (codebook, f->timeline);
  flush_events ();
  g_signal_connect (panel, "notify::selected-tag-id", G_CALLBACK (count_notify), &n_selected);

  /* Stakeholders (and its two sub-tags) from the top to the end, and
   * Budget from the end to the top. */
  g_assert_true (dossier_project_move_tag (f->project, f->stakeholders, 0, -1, &error));
  g_assert_no_error (error);
  flush_events ();
  assert_outline (panel, "Pros\nCons\nRisks -\n  Costs\nTimeline\nQuotes\nBudget\n"
                         "Stakeholders -\n  Students\n  Council\n");
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (codebook), ==, f->timeline);
  g_assert_true (dossier_project_move_tag (f->project, f->budget, 0, 0, &error));
  g_assert_no_error (error);
  flush_events ();
  assert_outline (panel, "Budget\nPros\nCons\nRisks -\n  Costs\nTimeline\nQuotes\n"
                         "Stakeholders -\n  Students\n  Council\n");
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (codebook), ==, f->timeline);
  g_assert_cmpuint (n_selected, ==, 0);

  g_signal_handlers_disconnect_by_func (panel, count_notify, &n_selected);
  close_window (window);
  g_object_unref (panel);
}

#define FULL_TREE \
  "Stakeholders -\n  Students\n  Council\nPros\nCons\nRisks -\n  Costs\nTimeline\nQuotes\nBudget\n"

/* The codebook is a tree (GtkTreeListModel, GtkTreeExpander rows): tags
 * nest, expand and collapse by keyboard and click, keep their count, name
 * and place through edits, and their expanded state through tagging,
 * moves and undo (issue 7, item 16d). */
static void
test_codebook_tree (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *panel = g_object_ref_sink (dossier_codebook_panel_new ());
  DossierCodebookPanel *codebook = DOSSIER_CODEBOOK_PANEL (panel);
  GtkWidget *list_view;
  GtkWidget *window;
  gint64 start, end;

  g_object_set (panel, "project", f->project, NULL);
  window = show_in_window (panel, 360, 700);
  list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);
  assert_outline (panel, FULL_TREE);

  /* Each row in an expander: the tree's own arrow and indent. */
  {
    DossierRow *students = tag_row (panel, f->project, f->students);

    g_assert_nonnull (students);
    g_assert_true (GTK_IS_TREE_EXPANDER (gtk_widget_get_parent (GTK_WIDGET (students))));
    gtk_test_accessible_assert_state (GTK_ACCESSIBLE (tag_row (panel, f->project, f->stakeholders)),
                                      GTK_ACCESSIBLE_STATE_EXPANDED, TRUE);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (students), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2);
  }

  /* Keyboard: Left closes an open tag, Right opens it, Right again goes
   * to its first child; Left on a child goes to its parent, Shift+Left
   * from any child too; minus and plus (the panel's keys) as well. */
  gtk_widget_grab_focus (list_view);
  dossier_codebook_panel_set_selected_tag_id (codebook, f->stakeholders);
  g_assert_true (press_key_on (list_view, GDK_KEY_Left, 0));
  assert_outline (panel, "Stakeholders +\nPros\nCons\nRisks -\n  Costs\nTimeline\nQuotes\nBudget\n");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (tag_row (panel, f->project, f->stakeholders)),
                                    GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);
  g_assert_true (press_key_on (list_view, GDK_KEY_Right, 0));
  assert_outline (panel, FULL_TREE);
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (codebook), ==, f->stakeholders);
  g_assert_true (press_key_on (list_view, GDK_KEY_Right, 0));
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (codebook), ==, f->students);
  g_assert_true (press_key_on (list_view, GDK_KEY_KP_Left, 0));
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (codebook), ==, f->stakeholders);
  dossier_codebook_panel_set_selected_tag_id (codebook, f->council);
  g_assert_true (press_key_on (list_view, GDK_KEY_Left, GDK_SHIFT_MASK));
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (codebook), ==, f->stakeholders);
  assert_outline (panel, FULL_TREE);
  /* Up and Down stay the list's; Left on a top-level leaf goes nowhere. */
  g_assert_false (press_key_on (list_view, GDK_KEY_Down, 0));
  dossier_codebook_panel_set_selected_tag_id (codebook, f->pros);
  g_assert_true (press_key_on (list_view, GDK_KEY_Left, 0));
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (codebook), ==, f->pros);
  dossier_codebook_panel_set_selected_tag_id (codebook, f->risks);
  g_assert_true (gtk_widget_activate_action (panel, "codebook.collapse", NULL));
  assert_outline (panel, "Stakeholders -\n  Students\n  Council\nPros\nCons\nRisks +\nTimeline\nQuotes\nBudget\n");
  g_assert_true (gtk_widget_activate_action (panel, "codebook.expand", NULL));
  assert_outline (panel, FULL_TREE);

  /* A click on the arrow (what its gesture does: the expander's action). */
  {
    GtkWidget *expander = gtk_widget_get_parent (GTK_WIDGET (tag_row (panel, f->project, f->risks)));

    g_assert_true (gtk_widget_activate_action (expander, "listitem.toggle-expand", NULL));
    assert_outline (panel, "Stakeholders -\n  Students\n  Council\nPros\nCons\nRisks +\nTimeline\nQuotes\nBudget\n");
    g_assert_true (gtk_widget_activate_action (expander, "listitem.toggle-expand", NULL));
    assert_outline (panel, FULL_TREE);
  }

  /* A child tag's count follows tagging and its undo. */
  g_assert_cmpstr (label_with_class (GTK_WIDGET (tag_row (panel, f->project, f->council)), "tag-count"), ==, "0");
  find_text_range (f->project, f->doc_one, "The council", &start, &end);
  g_assert_cmpint (dossier_project_tag_range (f->project, f->doc_one, start, end, f->council, NULL), >, 0);
  wait_until (count_shows, &(CountShows) { panel, f->project, f->council, "1" }, "Council's count to be 1");
  g_assert_true (dossier_project_undo (f->project, NULL));
  wait_until (count_shows, &(CountShows) { panel, f->project, f->council, "0" }, "Council's count back to 0");

  /* Collapsed stays collapsed through tagging (a child's count changing,
   * a passage tagged in a hidden child), and through the tree changing. */
  dossier_codebook_panel_set_selected_tag_id (codebook, f->stakeholders);
  g_assert_true (press_key_on (list_view, GDK_KEY_Left, 0));
  g_assert_cmpint (dossier_project_tag_range (f->project, f->doc_one, start, end, f->students, NULL), >, 0);
  g_assert_cmpuint (dossier_tag_get_n_highlights (dossier_project_get_tag (f->project, f->students)), ==, 3);
  add_tag (f->project, "Opening hours", 0);
  flush_events ();
  assert_outline (panel, "Stakeholders +\nPros\nCons\nRisks -\n  Costs\nTimeline\nQuotes\nBudget\nOpening hours\n");
  g_assert_true (dossier_project_undo (f->project, NULL));
  g_assert_true (dossier_project_undo (f->project, NULL));
  flush_events ();
  assert_outline (panel, "Stakeholders +\nPros\nCons\nRisks -\n  Costs\nTimeline\nQuotes\nBudget\n");
  g_assert_true (press_key_on (list_view, GDK_KEY_Right, 0));
  assert_outline (panel, FULL_TREE);
  g_assert_cmpstr (label_with_class (GTK_WIDGET (tag_row (panel, f->project, f->students)), "tag-count"), ==, "2");

  /* Renaming a nested tag keeps its place. */
  g_assert_true (dossier_project_rename_tag (f->project, f->students, "Pupils", NULL));
  flush_events ();
  assert_outline (panel, "Stakeholders -\n  Pupils\n  Council\nPros\nCons\nRisks -\n  Costs\nTimeline\nQuotes\nBudget\n");
  g_assert_true (dossier_project_undo (f->project, NULL));
  flush_events ();
  assert_outline (panel, FULL_TREE);

  /* Undo of a delete brings the tag back at its place in the tree, and
   * a tag that was collapsed comes back collapsed. */
  dossier_codebook_panel_set_selected_tag_id (codebook, f->students);
  g_assert_true (gtk_widget_activate_action (panel, "codebook.delete", NULL));
  assert_outline (panel, "Stakeholders -\n  Council\nPros\nCons\nRisks -\n  Costs\nTimeline\nQuotes\nBudget\n");
  g_assert_true (dossier_project_undo (f->project, NULL));
  assert_outline (panel, FULL_TREE);
  dossier_codebook_panel_set_selected_tag_id (codebook, f->risks);
  g_assert_true (gtk_widget_activate_action (panel, "codebook.collapse", NULL));
  g_assert_true (gtk_widget_activate_action (panel, "codebook.delete", NULL));
  assert_outline (panel, "Stakeholders -\n  Students\n  Council\nPros\nCons\nTimeline\nQuotes\nBudget\n");
  g_assert_true (dossier_project_undo (f->project, NULL));
  assert_outline (panel, "Stakeholders -\n  Students\n  Council\nPros\nCons\nRisks +\nTimeline\nQuotes\nBudget\n");

  /* A tag moved under the tag before it changes family without the
   * project's list changing order: into collapsed Risks it goes out of
   * sight; undone (its row not shown), it comes back. */
  g_assert_true (dossier_project_move_tag (f->project, f->timeline, f->risks, -1, NULL));
  wait_until (outline_is, &(OutlineIs) { panel, "Stakeholders -\n  Students\n  Council\nPros\nCons\nRisks +\nQuotes\nBudget\n" },
              "Timeline to go into collapsed Risks");
  g_assert_true (dossier_project_undo (f->project, NULL));
  wait_until (outline_is, &(OutlineIs) { panel, "Stakeholders -\n  Students\n  Council\nPros\nCons\nRisks +\nTimeline\nQuotes\nBudget\n" },
              "Timeline to come back to the top level");
  /* A leaf that gains a child gets an arrow (expanded), and loses it
   * with its last child. */
  g_assert_true (dossier_project_move_tag (f->project, f->budget, f->quotes, -1, NULL));
  wait_until (outline_is, &(OutlineIs) { panel, "Stakeholders -\n  Students\n  Council\nPros\nCons\nRisks +\nTimeline\nQuotes -\n  Budget\n" },
              "Budget to go under Quotes");
  g_assert_true (dossier_project_undo (f->project, NULL));
  wait_until (outline_is, &(OutlineIs) { panel, "Stakeholders -\n  Students\n  Council\nPros\nCons\nRisks +\nTimeline\nQuotes\nBudget\n" },
              "Budget to come back");

  /* Selecting a tag inside a collapsed one shows it. */
  dossier_codebook_panel_set_selected_tag_id (codebook, f->costs);
  assert_outline (panel, FULL_TREE);
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (codebook), ==, f->costs);

  /* A tag's menu is not covered by its row's tooltip (its description). */
  g_assert_true (dossier_project_set_tag_description (f->project, f->council, "Elected members", NULL));
  dossier_codebook_panel_set_selected_tag_id (codebook, f->council);
  {
    GtkWidget *row = GTK_WIDGET (tag_row (panel, f->project, f->council));
    GtkWidget *menu = find_descendant (panel, GTK_TYPE_POPOVER_MENU);

    g_assert_true (gtk_widget_get_has_tooltip (row));
    g_assert_true (gtk_widget_activate_action (panel, "codebook.context-menu", NULL));
    flush_events ();
    g_assert_true (gtk_widget_get_visible (menu));
    g_assert_false (gtk_widget_get_has_tooltip (row));
    gtk_popover_popdown (GTK_POPOVER (menu));
    flush_events ();
    g_assert_true (gtk_widget_get_has_tooltip (row));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "Elected members");
  }

  close_window (window);
  g_assert_finalize_object (panel);
}

/* ---- tag picker ---------------------------------------------------------------- */

static void
tag_chosen_cb (DossierTagPicker *picker,
               gint64            tag_id,
               gint64           *chosen)
{
  *chosen = tag_id;
}

static void
test_tag_picker (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *picker = dossier_tag_picker_new ();
  GtkEditable *entry;
  GtkWidget *window;
  DossierTag *created;
  gint64 chosen = 0;
  guint n_tags;

  g_object_ref (picker);
  dossier_tag_picker_set_project (DOSSIER_TAG_PICKER (picker), f->project);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), picker);
  window = show_in_window (button, 360, 700);
  g_signal_connect (picker, "tag-chosen", G_CALLBACK (tag_chosen_cb), &chosen);
  gtk_popover_popup (GTK_POPOVER (picker));
  wait_until (widget_mapped, picker, "the picker to open");

  entry = dossier_tag_picker_get_entry (DOSSIER_TAG_PICKER (picker));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    g_assert_true (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));
  }

  /* Empty text lists everything, nothing highlighted until the user
   * moves: Down highlights the first tag, Up from there nothing above. */
  n_tags = g_list_model_get_n_items (dossier_project_get_tags (f->project));
  g_assert_cmpuint (dossier_tag_picker_get_n_matches (DOSSIER_TAG_PICKER (picker)), ==, n_tags);
  g_assert_cmpint (dossier_tag_picker_get_highlighted_tag (DOSSIER_TAG_PICKER (picker)), ==, 0);
  g_assert_true (press_key_on (GTK_WIDGET (entry), GDK_KEY_Down, 0));
  g_assert_cmpint (dossier_tag_picker_get_highlighted_tag (DOSSIER_TAG_PICKER (picker)), ==,
                   f->stakeholders);
  g_assert_true (press_key_on (GTK_WIDGET (entry), GDK_KEY_Up, 0));
  g_assert_cmpint (dossier_tag_picker_get_highlighted_tag (DOSSIER_TAG_PICKER (picker)), ==,
                   f->stakeholders);

  /* Case-insensitive substring of the path: "STAKE" finds the parent and
   * both children (by their path). */
  gtk_editable_set_text (entry, "STAKE");
  g_assert_cmpuint (dossier_tag_picker_get_n_matches (DOSSIER_TAG_PICKER (picker)), ==, 3);
  /* Part of a name: listed, but what is highlighted (and what Enter
   * does) is creating "cos" until the user moves to the tag. */
  gtk_editable_set_text (entry, "cos");
  g_assert_cmpuint (dossier_tag_picker_get_n_matches (DOSSIER_TAG_PICKER (picker)), ==, 1);
  g_assert_cmpint (dossier_tag_picker_get_highlighted_tag (DOSSIER_TAG_PICKER (picker)), ==, 0);
  g_assert_true (press_key_on (GTK_WIDGET (entry), GDK_KEY_Down, 0));
  g_assert_cmpint (dossier_tag_picker_get_highlighted_tag (DOSSIER_TAG_PICKER (picker)), ==, f->costs);

  /* Enter chooses the highlighted tag and closes. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (chosen, ==, f->costs);
  wait_until (widget_hidden, picker, "the picker to close");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (f->project)), ==, n_tags);

  /* Nothing matches: Enter creates the tag at top level and chooses it. */
  chosen = 0;
  gtk_popover_popup (GTK_POPOVER (picker));
  wait_until (widget_mapped, picker, "the picker to open");
  gtk_editable_set_text (entry, "Opening hours");
  g_assert_cmpuint (dossier_tag_picker_get_n_matches (DOSSIER_TAG_PICKER (picker)), ==, 0);
  g_assert_cmpint (dossier_tag_picker_get_highlighted_tag (DOSSIER_TAG_PICKER (picker)), ==, 0);
  g_signal_emit_by_name (entry, "activate");
  created = dossier_project_find_tag (f->project, "Opening hours");
  g_assert_nonnull (created);
  g_assert_cmpint (chosen, ==, dossier_tag_get_id (created));
  g_assert_cmpint (dossier_tag_get_parent_id (created), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (f->project)), ==, n_tags + 1);

  /* An exact name (in any case) chooses, never creates a duplicate. */
  chosen = 0;
  gtk_popover_popup (GTK_POPOVER (picker));
  wait_until (widget_mapped, picker, "the picker to open");
  gtk_editable_set_text (entry, "opening HOURS");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (chosen, ==, dossier_tag_get_id (created));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (f->project)), ==, n_tags + 1);
  wait_until (widget_hidden, picker, "the picker to close");

  g_signal_handlers_disconnect_by_func (picker, tag_chosen_cb, &chosen);
  /* The test's reference and the button's. */
  wait_for_refs (picker, 2);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), NULL);
  close_window (window);
  g_assert_finalize_object (picker);
}

/* ---- highlights panel ------------------------------------------------------------ */

typedef struct
{
  gint64 document_id;
  gint64 highlight_id;
  guint  count;
} Activated;

static void
highlight_activated_cb (DossierHighlightsPanel *panel,
                        gint64                  document_id,
                        gint64                  highlight_id,
                        Activated              *activated)
{
  activated->document_id = document_id;
  activated->highlight_id = highlight_id;
  activated->count++;
}

static gint64
listed_id (GListModel *model,
           guint       position)
{
  g_autoptr(DossierHighlight) highlight = g_list_model_get_item (model, position);

  return dossier_highlight_get_id (highlight);
}

static void
test_highlights_panel (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *panel = g_object_ref_sink (dossier_highlights_panel_new ());
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(GPtrArray) chips = g_ptr_array_new ();
  Activated activated = { 0 };
  GListModel *model;
  GtkWidget *window, *list_view;
  gint64 added;

  model = dossier_highlights_panel_get_model (DOSSIER_HIGHLIGHTS_PANEL (panel));
  g_object_set (panel, "project", f->project, "document-id", f->doc_one, NULL);
  window = show_in_window (panel, 360, 700);

  /* The document's highlights, in text order. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (listed_id (model, 0), ==, f->hl_study);
  g_assert_cmpint (listed_id (model, 1), ==, f->hl_cost);

  /* Cards: quote, chips in tag colours, the memo. */
  collect_with_class (panel, "dossier-highlight-card", cards);
  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (label_with_class (g_ptr_array_index (cards, 0), "highlight-quote"), ==,
                   "students a quiet place to study");
  g_assert_cmpstr (label_with_class (g_ptr_array_index (cards, 0), "highlight-memo"), ==,
                   "The main argument for it");
  {
    GtkWidget *card = g_ptr_array_index (cards, 0);
    GtkWidget *chip;

    chip = find_descendant (card, DOSSIER_TYPE_TAG_CHIP);
    g_assert_nonnull (chip);
    g_assert_cmpstr (dossier_tag_chip_get_tag_name (DOSSIER_TAG_CHIP (chip)), ==, "Students");
    g_assert_cmpstr (dossier_tag_chip_get_color (DOSSIER_TAG_CHIP (chip)), ==,
                     dossier_tag_get_color (dossier_project_get_tag (f->project, f->students)));

    /* A rename shows up on the chip without relisting. */
    g_assert_true (dossier_project_rename_tag (f->project, f->students, "Pupils", NULL));
    wait_until (chip_named, &(LabelShown) { g_ptr_array_index (cards, 0), "Pupils" }, "the renamed chip");
    chip = find_descendant (g_ptr_array_index (cards, 0), DOSSIER_TYPE_TAG_CHIP);
    g_assert_cmpstr (dossier_tag_chip_get_tag_name (DOSSIER_TAG_CHIP (chip)), ==, "Pupils");
  }

  /* A memo edited elsewhere (the memo dialog, an undo) shows on its card. */
  g_assert_true (dossier_project_set_highlight_memo (f->project, f->hl_cost, "Overruns are likely", NULL));
  wait_until (row_shows,
              &(RowShows) { panel, "dossier-highlight-card", 1, "highlight-memo", "Overruns are likely" },
              "the memo on its card");
  g_ptr_array_set_size (cards, 0);
  collect_with_class (panel, "dossier-highlight-card", cards);
  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (label_with_class (g_ptr_array_index (cards, 1), "highlight-memo"), ==, "Overruns are likely");
  g_assert_true (dossier_project_undo (f->project, NULL));
  wait_until (row_shows, &(RowShows) { panel, "dossier-highlight-card", 1, "highlight-memo", NULL },
              "the memo to go from its card");
  g_ptr_array_set_size (cards, 0);
  collect_with_class (panel, "dossier-highlight-card", cards);
  g_assert_true (row_shows (&(RowShows) { panel, "dossier-highlight-card", 1, "highlight-memo", NULL }));

  /* Activating a card says which highlight of which document. */
  list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);
  g_signal_connect (panel, "highlight-activated", G_CALLBACK (highlight_activated_cb), &activated);
  g_signal_emit_by_name (list_view, "activate", 1);
  g_assert_cmpuint (activated.count, ==, 1);
  g_assert_cmpint (activated.document_id, ==, f->doc_one);
  g_assert_cmpint (activated.highlight_id, ==, f->hl_cost);

  /* A new highlight in the project: one more card, no reload by hand. */
  added = add_highlight (f->project, f->doc_one, "The mayor called it",
                         (gint64[]) { f->quotes }, 1, NULL);
  wait_until (model_has, &(ModelHas) { model, 3 }, "a third card");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpint (listed_id (model, 2), ==, added);

  /* A change in another document leaves this list alone. */
  add_highlight (f->project, f->doc_two, "Shop owners fear", (gint64[]) { f->cons }, 1, NULL);
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* With a tag: that tag's highlights across documents. */
  g_object_set (panel, "tag-id", f->students, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (listed_id (model, 0), ==, f->hl_study);
  g_assert_cmpint (listed_id (model, 1), ==, f->hl_back);
  wait_until (row_shows, &(RowShows) { panel, "dossier-highlight-card", 1, "highlight-document",
                                       dossier_document_get_title (dossier_project_get_document (f->project, f->doc_two)) },
              "cards naming their documents");
  g_ptr_array_set_size (cards, 0);
  collect_with_class (panel, "highlight-document", cards);
  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (cards, 1)));
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (cards, 1)), ==,
                   dossier_document_get_title (dossier_project_get_document (f->project, f->doc_two)));

  g_signal_emit_by_name (list_view, "activate", 1);
  g_assert_cmpint (activated.document_id, ==, f->doc_two);
  g_assert_cmpint (activated.highlight_id, ==, f->hl_back);

  /* Removing the tag from a highlight drops it from the tag's list. */
  g_assert_true (dossier_project_remove_highlight_tag (f->project, f->hl_study, f->students, NULL));
  wait_until (model_has, &(ModelHas) { model, 1 }, "the untagged card to go");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* Back to the document; then no document at all. */
  g_object_set (panel, "tag-id", (gint64) 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_object_set (panel, "document-id", (gint64) 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  g_signal_handlers_disconnect_by_func (panel, highlight_activated_cb, &activated);
  close_window (window);
  g_assert_finalize_object (panel);
}

/* What items-changed said, in order: (position, removed, added) each. */
static void
record_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GArray     *changes)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (changes, change, 3);
}

static gboolean
changed (gpointer changes)
{
  return ((GArray *) changes)->len > 0;
}

/* One items-changed and no other: at @position, @removed and @added. On
 * screen the panel follows the frame after the change: waits for it. */
static void
assert_one_change (GArray *changes,
                   guint   position,
                   guint   removed,
                   guint   added)
{
  wait_until (changed, changes, "the list to change");
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, position);
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, removed);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, added);
  g_array_set_size (changes, 0);
}

/* The card showing the @position-th item of the panel's list. */
static GtkWidget *
card_at (GtkWidget *panel,
         guint      position)
{
  GListModel *model = dossier_highlights_panel_get_model (DOSSIER_HIGHLIGHTS_PANEL (panel));
  g_autoptr(DossierHighlight) highlight = g_list_model_get_item (model, position);

  return GTK_WIDGET (dossier_panel_find_row (DOSSIER_PANEL (panel), highlight));
}

typedef struct
{
  GtkWidget *panel;
  guint      position;
} CardAt;

static gboolean
card_made (gpointer data)
{
  CardAt *at = data;

  return card_at (at->panel, at->position) != NULL;
}

/* The panel lists the project's live model: tagging a passage, undoing
 * it and editing a memo change one card each (one items-changed, the
 * other cards the same widgets), in a document's list and a tag's. */
static void
test_highlights_panel_live (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *panel = g_object_ref_sink (dossier_highlights_panel_new ());
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  GtkWidget *study_card, *cost_card, *window;
  GListModel *model;
  gint64 start, end, tagged;

  model = dossier_highlights_panel_get_model (DOSSIER_HIGHLIGHTS_PANEL (panel));
  g_object_set (panel, "project", f->project, "document-id", f->doc_one, NULL);
  window = show_in_window (panel, 360, 700);
  wait_until (card_made, &(CardAt) { panel, 1 }, "the document's cards");
  study_card = card_at (panel, 0);
  cost_card = card_at (panel, 1);
  g_signal_connect (model, "items-changed", G_CALLBACK (record_items_changed), changes);

  /* Tagging a passage (as 1–9 or the picker do) adds its card, after the
   * others in text order; the others stay. */
  find_text_range (f->project, f->doc_one, "The mayor called it", &start, &end);
  tagged = dossier_project_tag_range (f->project, f->doc_one, start, end, f->quotes, &error);
  g_assert_no_error (error);
  assert_one_change (changes, 2, 0, 1);
  g_assert_cmpint (listed_id (model, 2), ==, tagged);
  wait_until (card_made, &(CardAt) { panel, 2 }, "the new card");
  g_assert_cmpstr (label_with_class (card_at (panel, 2), "highlight-quote"), ==, "The mayor called it");
  g_assert_true (card_at (panel, 0) == study_card);
  g_assert_true (card_at (panel, 1) == cost_card);

  /* Undo takes that card away, and only it. */
  g_assert_true (dossier_project_undo (f->project, NULL));
  assert_one_change (changes, 2, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (card_at (panel, 0) == study_card);

  /* A memo edit replaces the one card's item, which shows the new memo. */
  g_assert_true (dossier_project_set_highlight_memo (f->project, f->hl_cost, "Overruns are likely", NULL));
  assert_one_change (changes, 1, 1, 1);
  wait_until (row_shows,
              &(RowShows) { panel, "dossier-highlight-card", 1, "highlight-memo", "Overruns are likely" },
              "the memo on its card");
  g_assert_true (card_at (panel, 0) == study_card);
  g_assert_cmpstr (label_with_class (card_at (panel, 0), "highlight-memo"), ==, "The main argument for it");

  /* A tag added to a highlight: its card again, nothing else. */
  g_assert_true (dossier_project_add_highlight_tag (f->project, f->hl_study, f->quotes, NULL));
  assert_one_change (changes, 0, 1, 1);

  /* A change in the other document says nothing here (the next change,
   * exactly one, shows nothing came before it). */
  add_highlight (f->project, f->doc_two, "Shop owners fear", (gint64[]) { f->cons }, 1, NULL);
  flush_events ();
  g_assert_cmpuint (changes->len, ==, 0);

  /* A tag's list across documents: Students has hl_study (document one)
   * and hl_back (document two); tagging hl_cost puts it between them. */
  g_object_set (panel, "tag-id", f->students, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_array_set_size (changes, 0);
  g_assert_true (dossier_project_add_highlight_tag (f->project, f->hl_cost, f->students, NULL));
  assert_one_change (changes, 1, 0, 1);
  g_assert_cmpint (listed_id (model, 1), ==, f->hl_cost);
  g_assert_true (dossier_project_undo (f->project, NULL));
  assert_one_change (changes, 1, 1, 0);
  /* A sub-tag's highlight belongs to its parent's list. */
  g_object_set (panel, "tag-id", f->stakeholders, NULL);
  g_array_set_size (changes, 0);
  g_assert_true (dossier_project_add_highlight_tag (f->project, f->hl_cost, f->council, NULL));
  assert_one_change (changes, 1, 0, 1);

  /* A deleted tag empties its list, Undo brings it back. */
  g_assert_true (dossier_project_delete_tag (f->project, f->stakeholders, NULL));
  wait_until (model_has, &(ModelHas) { model, 0 }, "the deleted tag's list to empty");
  g_assert_true (dossier_project_undo (f->project, NULL));
  wait_until (model_has, &(ModelHas) { model, 3 }, "the tag's list back");

  g_signal_handlers_disconnect_by_func (model, record_items_changed, changes);
  close_window (window);
  g_assert_finalize_object (panel);
}

static void
test_highlights_orphaned (Fixture       *f,
                          gconstpointer  data)
{
  static const char rewritten[] =
    "Library plan divides Riverside\n"
    "\n"
    "Shop owners fear the construction would close the main road for months. "
    "Teachers are split on the plan.\n";
  GtkWidget *panel = g_object_ref_sink (dossier_highlights_panel_new ());
  g_autoptr(GBytes) bytes = g_bytes_new_static (rewritten, strlen (rewritten));
  g_autoptr(DossierParsedDocument) parsed = NULL;
  g_autoptr(GPtrArray) marks = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  g_object_set (panel, "project", f->project, "document-id", f->doc_two, NULL);
  window = show_in_window (panel, 360, 700);
  /* No orphan yet: no card has made the mark. */
  collect_with_class (panel, "highlight-orphaned", marks);
  g_assert_cmpuint (marks->len, ==, 0);

  /* A newer version of the article no longer has the passage: the card
   * stays, marked as such. */
  parsed = dossier_import_bytes (bytes, DOSSIER_FORMAT_TEXT, "divides.txt", &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_replace_document_text (f->project, f->doc_two, parsed, NULL, &error));
  g_assert_no_error (error);
  wait_until (row_shows, &(RowShows) { panel, "dossier-highlight-card", 0, "highlight-orphaned", "*" },
              "the card marked as orphaned");

  g_assert_cmpuint (g_list_model_get_n_items (dossier_highlights_panel_get_model (DOSSIER_HIGHLIGHTS_PANEL (panel))), ==, 1);
  g_ptr_array_set_size (marks, 0);
  collect_with_class (panel, "highlight-orphaned", marks);
  g_assert_cmpuint (marks->len, ==, 1);
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (marks, 0)));

  /* Tagging the new text adds its card before the orphan, which stays
   * listed, last; deleting the orphan takes only its card. */
  {
    GListModel *model = dossier_highlights_panel_get_model (DOSSIER_HIGHLIGHTS_PANEL (panel));
    g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
    gint64 start, end, tagged;

    g_signal_connect (model, "items-changed", G_CALLBACK (record_items_changed), changes);
    find_text_range (f->project, f->doc_two, "Teachers are split", &start, &end);
    tagged = dossier_project_tag_range (f->project, f->doc_two, start, end, f->pros, &error);
    g_assert_no_error (error);
    assert_one_change (changes, 0, 0, 1);
    g_assert_cmpint (listed_id (model, 0), ==, tagged);
    g_assert_cmpint (listed_id (model, 1), ==, f->hl_back);

    g_assert_true (dossier_project_delete_highlight (f->project, f->hl_back, NULL));
    assert_one_change (changes, 1, 1, 0);
    g_assert_true (dossier_project_undo (f->project, NULL));
    assert_one_change (changes, 1, 0, 1);
    g_assert_cmpint (listed_id (model, 1), ==, f->hl_back);
    wait_until (row_shows, &(RowShows) { panel, "dossier-highlight-card", 1, "highlight-orphaned", "*" },
                "the orphan's card back, marked");
    g_signal_handlers_disconnect_by_func (model, record_items_changed, changes);
  }

  close_window (window);
  g_assert_finalize_object (panel);
}

/* ---- search panel ---------------------------------------------------------------- */

typedef struct
{
  gint64 document_id;
  gint64 start;
  gint64 end;
  guint  count;
} Hit;

static void
hit_activated_cb (DossierSearchPanel *panel,
                  gint64              document_id,
                  gint64              start,
                  gint64              end,
                  Hit                *hit)
{
  hit->document_id = document_id;
  hit->start = start;
  hit->end = end;
  hit->count++;
}

static void
test_search_markup (void)
{
  g_autofree char *plain = dossier_search_snippet_to_markup ("no match here");
  g_autofree char *bold = dossier_search_snippet_to_markup ("the «cost» & <b>ig «risk»");
  g_autofree char *guillemets = dossier_search_snippet_to_markup ("» stray «café» and «");

  g_assert_cmpstr (plain, ==, "no match here");
  g_assert_cmpstr (bold, ==, "the <b>cost</b> &amp; &lt;b&gt;ig <b>risk</b>");
  /* A » outside a match is text; an unclosed « is closed. */
  g_assert_cmpstr (guillemets, ==, "» stray <b>café</b> and <b></b>");
  g_assert_true (pango_parse_markup (bold, -1, 0, NULL, NULL, NULL, NULL));
  g_assert_true (pango_parse_markup (guillemets, -1, 0, NULL, NULL, NULL, NULL));
}

static void
test_search_panel (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *panel = g_object_ref_sink (dossier_search_panel_new ());
  Hit hit = { 0 };
  GtkWidget *window, *list_view, *entry;
  g_autofree char *text = NULL;
  g_autofree char *found = NULL;

  g_object_set (panel, "project", f->project, NULL);
  window = show_in_window (panel, 360, 700);
  g_signal_connect (panel, "hit-activated", G_CALLBACK (hit_activated_cb), &hit);

  /* "Library" is in both articles. */
  g_assert_cmpuint (dossier_search_panel_search (DOSSIER_SEARCH_PANEL (panel), "library"), >=, 2);
  g_assert_cmpuint (dossier_search_panel_get_n_hits (DOSSIER_SEARCH_PANEL (panel)), >=, 2);

  /* A word in one article only; activating the hit gives its range. */
  g_assert_cmpuint (dossier_search_panel_search (DOSSIER_SEARCH_PANEL (panel), "construction"), ==, 1);
  wait_until (n_with_class, &(WithClass) { panel, "hit-snippet", 1 }, "one hit listed");
  list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_cmpuint (hit.count, ==, 1);
  g_assert_cmpint (hit.document_id, ==, f->doc_two);
  text = dossier_project_get_document_text (f->project, f->doc_two, NULL);
  found = g_utf8_substring (text, hit.start, hit.end);
  g_assert_cmpstr (found, ==, "construction");

  /* Memos are searched too, and marked. */
  g_assert_cmpuint (dossier_search_panel_search (DOSSIER_SEARCH_PANEL (panel), "argument"), ==, 1);
  wait_until (row_shows, &(RowShows) { panel, NULL, 0, "hit-memo", "*" },
              "the memo hit, marked");
  {
    g_autoptr(GPtrArray) memo = g_ptr_array_new ();

    collect_with_class (panel, "hit-memo", memo);
    g_assert_cmpuint (memo->len, ==, 1);
    g_assert_true (gtk_widget_get_visible (g_ptr_array_index (memo, 0)));
  }

  /* Enter in the entry activates the first hit. */
  entry = find_descendant (panel, GTK_TYPE_SEARCH_ENTRY);
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (hit.count, ==, 2);
  g_assert_cmpint (hit.document_id, ==, f->doc_one);

  /* Nothing found: zero hits, and a user query never fails. */
  g_assert_cmpuint (dossier_search_panel_search (DOSSIER_SEARCH_PANEL (panel), "zeppelin"), ==, 0);
  g_assert_cmpuint (dossier_search_panel_search (DOSSIER_SEARCH_PANEL (panel), "\"unbalanced AND ("), ==, 0);

  dossier_search_panel_focus_entry (DOSSIER_SEARCH_PANEL (panel));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));

  g_signal_handlers_disconnect_by_func (panel, hit_activated_cb, &hit);
  close_window (window);
  g_assert_finalize_object (panel);
}

/* ---- memo dialog ----------------------------------------------------------------- */

static GtkTextBuffer *
memo_buffer (GtkWidget *dialog)
{
  GtkWidget *extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  GtkWidget *view = find_descendant (extra, GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (view);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

static const char *
memo_of (Fixture *f,
         gint64   highlight_id)
{
  static char memo[256];
  g_autoptr(DossierHighlight) highlight = dossier_project_get_highlight (f->project, highlight_id, NULL);

  g_assert_nonnull (highlight);
  g_strlcpy (memo, dossier_highlight_get_memo (highlight), sizeof memo);
  return memo;
}

static void
test_memo_dialog (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *dialog;

  /* The dialog shows the memo; Save stores the edited text. */
  dialog = dossier_text_dialog_new_memo (NULL, f->project, f->hl_study);
  g_assert_nonnull (dialog);
  g_object_ref_sink (dialog);
  {
    GtkTextBuffer *buffer = memo_buffer (dialog);
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "The main argument for it");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                              "students a quiet place to study"));
    gtk_text_buffer_set_text (buffer, "Students need the space — “quiet” is the key word", -1);
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_cmpstr (memo_of (f, f->hl_study), ==, "Students need the space — “quiet” is the key word");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* The memo edit is one undoable step. */
  g_assert_true (dossier_project_undo (f->project, NULL));
  g_assert_cmpstr (memo_of (f, f->hl_study), ==, "The main argument for it");

  /* Cancel leaves the memo alone. */
  dialog = g_object_ref_sink (dossier_text_dialog_new_memo (NULL, f->project, f->hl_cost));
  gtk_text_buffer_set_text (memo_buffer (dialog), "never saved", -1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_cmpstr (memo_of (f, f->hl_cost), ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* A highlight that does not exist: no dialog, and a warning saying so. */
  g_test_expect_message ("Dossier", G_LOG_LEVEL_WARNING, "*memo of highlight 987654*");
  dialog = dossier_text_dialog_new_memo (NULL, f->project, 987654);
  g_test_assert_expected_messages ();
  g_assert_null (dialog);
}

/* ---- Documents panel: rows out of view ------------------------------------------------ */

typedef struct
{
  GtkWidget *panel;
  GtkWidget *list_view;
  gint64     document_id;   /* 0, or a document whose row must show among them */
} InView;

/* Every document row the list shows on screen says its document's title
 * and outlet, and there is one; with @document_id, its row among them. */
static gboolean
rows_in_view_show_texts (gpointer data)
{
  InView *v = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint shown = 0;
  gboolean found = v->document_id == 0;

  collect_descendants (v->panel, DOSSIER_TYPE_DOCUMENT_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      DossierDocument *doc = dossier_row_get_item (DOSSIER_ROW (row));
      graphene_rect_t bounds;

      if (doc == NULL || !gtk_widget_get_mapped (row) || !gtk_widget_compute_bounds (row, v->list_view, &bounds))
        continue;
      if (bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= gtk_widget_get_height (v->list_view))
        continue;
      if (g_strcmp0 (label_with_class (row, "document-title"), dossier_document_get_title (doc)) != 0 ||
          g_strcmp0 (label_with_class (row, "caption"), "") == 0)
        return FALSE;
      found = found || dossier_document_get_id (doc) == v->document_id;
      shown++;
    }
  return shown > 0 && found;
}

/* GTK 4.8 keeps 200 rows bound: those far below what the list shows wait
 * to lay out their texts (named for assistive technologies all the same),
 * and show them, current, once scrolled to or selected. */
static void
test_documents_panel_in_view (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *panel = g_object_ref_sink (dossier_documents_panel_new ());
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  InView v = { panel, NULL, 0 };
  GtkAdjustment *adjustment;
  GListModel *documents;
  GtkWidget *window;
  guint waiting = 0;
  gint64 last = 0;

  for (guint i = 0; i < 148; i++)
    {
      g_autofree char *text = g_strdup_printf ("Ferry report %u\n\nThe council met about fares, week %u.\n", i, i);
      g_autofree char *name = g_strdup_printf ("report-%03u.txt", i);

      last = add_document (f->project, DOSSIER_FORMAT_TEXT, text, name);
      g_assert_true (dossier_project_set_document_metadata (f->project, last, NULL, NULL, "Harbour Gazette",
                                                            NULL, NULL, &error));
      g_assert_no_error (error);
    }
  documents = dossier_project_get_documents (f->project);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 150);

  g_object_set (panel, "project", f->project, NULL);
  window = show_in_window (panel, 360, 500);
  v.list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);
  wait_until (rows_in_view_show_texts, &v, "the rows in view to show their texts");

  collect_descendants (panel, DOSSIER_TYPE_DOCUMENT_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 150);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      DossierDocument *doc = dossier_row_get_item (DOSSIER_ROW (row));

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           dossier_document_get_title (doc));
      if (g_strcmp0 (label_with_class (row, "document-title"), "") == 0)
        waiting++;
    }
  /* Fifty or so rows around the ten on screen have their texts. */
  g_assert_cmpuint (waiting, >, 50);

  /* A document far down renamed meanwhile: its row shows the new title
   * once it is scrolled to. */
  g_assert_true (dossier_project_set_document_metadata (f->project, last, "Fares frozen after all", NULL, NULL,
                                                        NULL, NULL, &error));
  g_assert_no_error (error);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (v.list_view));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  wait_until (rows_in_view_show_texts, &v, "the rows scrolled to to show their texts");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  v.document_id = last;
  wait_until (rows_in_view_show_texts, &v, "the last rows to show their texts");
  g_assert_nonnull (find_label (panel, "Fares frozen after all"));

  /* Back at the top, then the last document selected: the list scrolls to
   * it and its row shows its texts. */
  gtk_adjustment_set_value (adjustment, 0);
  v.document_id = 0;
  wait_until (rows_in_view_show_texts, &v, "the first rows to show their texts again");
  dossier_documents_panel_select_document (DOSSIER_DOCUMENTS_PANEL (panel), last);
  v.document_id = last;
  wait_until (rows_in_view_show_texts, &v, "the selected row to show its texts");

  close_window (window);
  g_assert_finalize_object (panel);
}

int
main (int   argc,
      char *argv[])
{
  /* The accessible states the codebook's tree gives its rows are read
   * back (gtk_test_accessible_assert_state). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/dossier/panels/tag-chip", test_tag_chip);
  g_test_add_func ("/dossier/panels/search-markup", test_search_markup);
  g_test_add ("/dossier/panels/codebook", Fixture, NULL, fixture_set_up, test_codebook, fixture_tear_down);
  g_test_add ("/dossier/panels/delete-cited-toast", Fixture, NULL, fixture_set_up, test_delete_cited_toast,
              fixture_tear_down);
  g_test_add ("/dossier/panels/codebook-delete-toast", Fixture, NULL, fixture_set_up,
              test_codebook_delete_toast, fixture_tear_down);
  g_test_add ("/dossier/panels/codebook-move-keeps-rows", Fixture, NULL, fixture_set_up,
              test_codebook_move_keeps_rows, fixture_tear_down);
  g_test_add ("/dossier/panels/codebook-tree", Fixture, NULL, fixture_set_up, test_codebook_tree,
              fixture_tear_down);
  g_test_add ("/dossier/panels/tag-picker", Fixture, NULL, fixture_set_up, test_tag_picker, fixture_tear_down);
  g_test_add ("/dossier/panels/highlights", Fixture, NULL, fixture_set_up, test_highlights_panel, fixture_tear_down);
  g_test_add ("/dossier/panels/highlights-live", Fixture, NULL, fixture_set_up, test_highlights_panel_live, fixture_tear_down);
  g_test_add ("/dossier/panels/highlights-orphaned", Fixture, NULL, fixture_set_up, test_highlights_orphaned, fixture_tear_down);
  g_test_add ("/dossier/panels/search", Fixture, NULL, fixture_set_up, test_search_panel, fixture_tear_down);
  g_test_add ("/dossier/panels/documents-in-view", Fixture, NULL, fixture_set_up, test_documents_panel_in_view,
              fixture_tear_down);
  g_test_add ("/dossier/panels/memo-dialog", Fixture, NULL, fixture_set_up, test_memo_dialog, fixture_tear_down);

  return g_test_run ();
}
