/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-stakeholder-panels.c — the Stakeholders and Pros & Cons panels
 * against a real project.
 *
 * The project is built through the core from an article written for
 * these tests (a harbour ferry dispute, with named people and bodies and
 * its own lists of advantages and risks). Each test shows a panel in a
 * window, drives it as a user would (activate, type and apply, pick, click)
 * and checks the project afterwards: every edit is in it, undo takes it
 * back, a refused edit leaves it as it was and the panel shows what the
 * project holds.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "dossier-argument-row.h"
#include "dossier-arguments-panel.h"
#include "dossier-power-grid.h"
#include "dossier-stakeholder-row.h"
#include "dossier-stakeholders-panel.h"
#include "dossier-suggestions-section.h"
#include "dossier-wrap-label.h"
#include "ui-test-util.h"

static const char article[] =
  "# Ferry fares divide Lindenport\n"
  "\n"
  "The Lindenport Ferry Board wants to raise fares by a fifth next spring. "
  "Mayor Odile Brant said the Ferry Board had not shown its accounts. "
  "Odile Brant asked the Ferry Board to wait a year.\n"
  "\n"
  "The Island Traders Guild says the Island Traders Guild cannot absorb the rise; "
  "the Island Traders Guild met on Monday.\n"
  "\n"
  "## Advantages\n"
  "\n"
  "- New boats would halve the crossing time.\n"
  "- The board could keep the night service.\n"
  "\n"
  "## Risks\n"
  "\n"
  "- Island shops would lose day visitors.\n";

typedef struct
{
  char           *dir;
  char           *path;
  DossierProject *project;
  gint64          doc;
  gint64          board;      /* stakeholder */
  gint64          brant;      /* stakeholder */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *board_aliases[] = { "Ferry Board", NULL };
  g_autoptr(GError) error = NULL;

  f->project = test_create_project ("panels", "Panels", &f->dir, &f->path);
  f->doc = add_document (f->project, DOSSIER_FORMAT_MARKDOWN, article, "ferry.md");
  f->board = dossier_project_add_stakeholder (f->project, "Lindenport Ferry Board", board_aliases,
                                              DOSSIER_STAKEHOLDER_BUSINESS, &error);
  g_assert_no_error (error);
  f->brant = dossier_project_add_stakeholder (f->project, "Odile Brant", NULL,
                                              DOSSIER_STAKEHOLDER_OFFICIAL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_toplevels (NULL);
  test_finish_project (&f->project, &f->dir, &f->path);
}

/* ---- helpers --------------------------------------------------------------------- */

/* The preferences row titled @title below @widget. */
static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_descendants (widget, type, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  g_error ("no row titled “%s”", title);
  return NULL;
}

/* The button whose tooltip is @tooltip below @widget (the n-th). */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *tooltip,
             guint       n)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_descendants (widget, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), tooltip) == 0 &&
        n-- == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static GtkWidget *
find_entry (GtkWidget  *widget,
            const char *placeholder)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  collect_descendants (widget, GTK_TYPE_ENTRY, entries);
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (gtk_entry_get_placeholder_text (g_ptr_array_index (entries, i)), placeholder) == 0)
      return g_ptr_array_index (entries, i);
  g_error ("no entry “%s”", placeholder);
  return NULL;
}

/* Whether a label below @widget starts with @prefix. */
static gboolean
has_label (GtkWidget  *widget,
           const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_descendants (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), prefix))
      return TRUE;
  return FALSE;
}

static GtkListBox *
find_list_box (GtkWidget  *widget,
               const char *css_class)
{
  return GTK_LIST_BOX (find_with_class (widget, css_class));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static void
apply_entry (GtkWidget  *entry_row,
             const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry_row), text);
  g_signal_emit_by_name (entry_row, "apply");
  flush_events ();
}

/* Types @text into the focused entry row and presses Enter, as a user
 * applies it. */
static void
type_and_enter (GtkWidget  *entry_row,
                const char *text)
{
  g_assert_true (gtk_widget_grab_focus (entry_row));
  gtk_editable_set_text (GTK_EDITABLE (entry_row), text);
  g_signal_emit_by_name (find_descendant (entry_row, GTK_TYPE_TEXT), "activate");
  flush_events ();
}

/* Whether the entry row shows its apply button. */
static gboolean
apply_shown (GtkWidget *entry_row)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_descendants (entry_row, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_visible (g_ptr_array_index (buttons, i)))
      return TRUE;
  return FALSE;
}

/* The row holds @text, marked as refused, its icon saying @reason. */
static void
assert_refused (GtkWidget  *entry_row,
                const char *text,
                const char *reason)
{
  g_autoptr(GPtrArray) icons = g_ptr_array_new ();

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row)), ==, text);
  g_assert_true (gtk_widget_has_css_class (entry_row, "error"));
  g_assert_false (apply_shown (entry_row));
  collect_with_class (entry_row, "error", icons);
  for (guint i = 0; i < icons->len; i++)
    if (GTK_IS_IMAGE (g_ptr_array_index (icons, i)))
      {
        g_assert_true (gtk_widget_get_visible (g_ptr_array_index (icons, i)));
        g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (g_ptr_array_index (icons, i)), reason));
        return;
      }
  g_error ("no error icon in the row");
}

/* The row holds @text, unmarked, with nothing to apply. */
static void
assert_not_refused (GtkWidget  *entry_row,
                    const char *text)
{
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row)), ==, text);
  g_assert_false (gtk_widget_has_css_class (entry_row, "error"));
  g_assert_false (apply_shown (entry_row));
}

static void
undo (DossierProject *project)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  flush_events ();
}

static void
on_highlight_activated (GtkWidget *panel,
                        gint64     document_id,
                        gint64     highlight_id,
                        gint64    *out)
{
  out[0] = document_id;
  out[1] = highlight_id;
}

/* ---- Stakeholders ----------------------------------------------------------------- */

/* The panel's buttons, in the list and in the editor, have their
 * tooltips, set in code (in the template GTK would ask X where the
 * pointer is for each). */
static void
test_stakeholders_tooltips (Fixture       *f,
                            gconstpointer  data)
{
  static const char *const tooltips[] = {
    "Underline Unreviewed Mentions in the Reader",
    "Power/Interest Grid",
    "Add a Stakeholder",
    "All Stakeholders",
    "Move Up in the List (Alt+Up)",
    "Move Down in the List (Alt+Down)",
    "Delete Stakeholder",
    "Cite the passage selected in the reader as evidence (Ctrl+E)",
  };
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  GtkWidget *window;

  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  window = show_in_window (panel, 420, 900);
  assert_tooltips (panel, tooltips, G_N_ELEMENTS (tooltips));
  close_window (window);
}

static void
test_stakeholders_edit (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  DossierStakeholder *board = dossier_project_get_stakeholder (f->project, f->board);
  GtkWidget *window, *list_view, *name_row, *power, *remove;
  GtkListBox *evidence;
  AdwPreferencesGroup *mentions;
  GtkStack *pages;
  GListModel *model;
  gint64 start, end, activated[2] = { 0, 0 };

  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  /* The reader shows the article, as in the window. */
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), f->doc);
  window = show_in_window (panel, 420, 900);
  g_signal_connect (panel, "highlight-activated", G_CALLBACK (on_highlight_activated), activated);

  /* The list: both stakeholders, in the user's order, with their counts. */
  list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  {
    g_autoptr(DossierStakeholder) first = g_list_model_get_item (model, 0);

    g_assert_true (first == board);
  }
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (board), ==, 3);
  {
    g_autofree char *counts = dossier_stakeholder_describe_counts (board);

    g_assert_cmpstr (counts, ==, "3 mentions in 1 document · no evidence");
  }

  /* Activating a row opens the editor with every field. */
  g_signal_emit_by_name (list_view, "activate", 0);
  flush_events ();
  g_assert_cmpint (dossier_stakeholders_panel_get_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel)), ==, f->board);
  pages = GTK_STACK (find_descendant (panel, GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "detail");
  name_row = find_row (panel, ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Lindenport Ferry Board");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (panel, ADW_TYPE_ENTRY_ROW,
                                                                   "Aliases, separated by semicolons"))),
                   ==, "Ferry Board");

  /* Its mentions not yet highlighted quote it as English does: “ ”, not « ». */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean quoted = FALSE;

    collect_descendants (panel, GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      {
        const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

        g_assert_null (strstr (text, "«"));
        quoted = quoted || strstr (text, "The “Lindenport Ferry Board” wants to raise fares") != NULL;
      }
    g_assert_true (quoted);
  }

  /* A rename is one step; undo shows the old name again. */
  apply_entry (name_row, "Lindenport Ferries");
  g_assert_cmpstr (dossier_stakeholder_get_name (board), ==, "Lindenport Ferries");
  undo (f->project);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Lindenport Ferry Board");

  /* Another stakeholder's name, or none, is refused: the project keeps
   * the name it has, the field what was typed, marked with why (no
   * apply button: nothing new to apply); Escape shows the name again,
   * and only then goes back to the list. */
  type_and_enter (name_row, "Odile Brant");
  g_assert_cmpstr (dossier_stakeholder_get_name (board), ==, "Lindenport Ferry Board");
  assert_refused (name_row, "Odile Brant", "“Odile Brant” is already a stakeholder’s name");
  g_assert_nonnull (press_key (window, GDK_KEY_Escape, 0));
  assert_not_refused (name_row, "Lindenport Ferry Board");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_descendant (panel, GTK_TYPE_STACK))), ==,
                   "detail");
  type_and_enter (name_row, "  ");
  assert_refused (name_row, "  ", "A stakeholder needs a name.");
  /* Typing takes the mark away; Escape still restores. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Lindenport Ferry");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_nonnull (press_key (window, GDK_KEY_Escape, 0));
  assert_not_refused (name_row, "Lindenport Ferry Board");
  g_assert_cmpstr (dossier_stakeholder_get_name (board), ==, "Lindenport Ferry Board");

  /* Aliases are separated by semicolons; a new alias counts its mentions. */
  apply_entry (find_row (panel, ADW_TYPE_ENTRY_ROW, "Aliases, separated by semicolons"),
               "Ferry Board;  the board ; ");
  g_assert_cmpstr (dossier_stakeholder_get_aliases (board)[0], ==, "Ferry Board");
  g_assert_cmpstr (dossier_stakeholder_get_aliases (board)[1], ==, "the board");
  g_assert_null (dossier_stakeholder_get_aliases (board)[2]);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (board), ==, 4);

  /* Kind, stance, ratings. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (panel, ADW_TYPE_COMBO_ROW, "Kind")),
                              DOSSIER_STAKEHOLDER_GOVERNMENT);
  g_assert_cmpint (dossier_stakeholder_get_kind (board), ==, DOSSIER_STAKEHOLDER_GOVERNMENT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (panel, ADW_TYPE_COMBO_ROW, "Stance")), 1);
  g_assert_cmpint (dossier_stakeholder_get_stance_position (board), ==, -2);
  power = find_descendant (find_row (panel, ADW_TYPE_ACTION_ROW, "Power"), GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (power), 5);
  g_assert_cmpint (dossier_stakeholder_get_power (board), ==, 5);
  undo (f->project);
  g_assert_cmpint (dossier_stakeholder_get_power (board), ==, 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (power)), ==, 3);

  /* Citing: nothing without a selection; the reader's selection becomes
   * evidence, listed under its document, and leads back to the passage. */
  evidence = find_list_box (panel, "evidence-list");
  mentions = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (find_list_box (panel, "mentions-list")),
                                                             ADW_TYPE_PREFERENCES_GROUP));
  g_assert_false (dossier_stakeholders_panel_cite_selection (DOSSIER_STAKEHOLDERS_PANEL (panel)));
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (board), ==, 0);
  find_text_range (f->project, f->doc, "wants to raise fares by a fifth", &start, &end);
  dossier_stakeholders_panel_set_selection (DOSSIER_STAKEHOLDERS_PANEL (panel), start, end);
  g_assert_true (gtk_widget_get_sensitive (find_button (panel, "Cite the passage selected in the reader as evidence (Ctrl+E)", 0)));
  g_assert_true (dossier_stakeholders_panel_cite_selection (DOSSIER_STAKEHOLDERS_PANEL (panel)));
  flush_events ();
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (board), ==, 1);
  g_assert_cmpuint (count_rows (evidence), ==, 1);
  /* The mentions' heading counts it at once, as the list's row does. */
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (mentions),
                                   "4 mentions in 1 document · 1 piece of evidence"));
  g_assert_nonnull (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (evidence, 0)));
  g_signal_emit_by_name (evidence, "row-activated", gtk_list_box_get_row_at_index (evidence, 0));
  g_assert_cmpint (activated[0], ==, f->doc);
  g_assert_cmpint (activated[1], >, 0);

  /* Removing it is one step too, and its highlight (no tag) goes with it. */
  remove = find_button (panel, "Remove This Evidence", 0);
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  flush_events ();
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (board), ==, 0);
  g_assert_cmpuint (count_rows (evidence), ==, 0);
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (mentions),
                                   "4 mentions in 1 document · no evidence"));
  {
    g_autoptr(DossierHighlight) gone = dossier_project_get_highlight (f->project, activated[1], NULL);

    g_assert_null (gone);
  }
  undo (f->project);
  g_assert_cmpuint (count_rows (evidence), ==, 1);

  /* Escape in the editor goes back to the list, the focus in it; in the
   * list it is left to others. */
  g_assert_true (press_shortcut (panel, GDK_KEY_Escape));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "list");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list_view) ||
                 gtk_widget_is_focus (list_view));
  g_assert_false (press_shortcut (panel, GDK_KEY_Escape));
  g_signal_emit_by_name (list_view, "activate", 0);
  flush_events ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "detail");

  /* Deleting returns to the list; undo brings it back. */
  g_signal_emit_by_name (find_button (panel, "Delete Stakeholder", 0), "clicked");
  flush_events ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  undo (f->project);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  close_window (window);
}

static gint64
id_at (GListModel *model,
       guint       position)
{
  g_autoptr(DossierStakeholder) s = g_list_model_get_item (model, position);

  return s != NULL ? dossier_stakeholder_get_id (s) : 0;
}

/* The order is the user's: Move Up and Move Down in the editor (and
 * Alt+Up, Alt+Down), and in the list on the focused row; one undo step
 * each, and no move past either end. */
static void
test_stakeholders_order (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  GListModel *model = dossier_project_get_stakeholders (f->project);
  GtkWidget *window, *up, *list_view;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  window = show_in_window (panel, 420, 900);
  g_assert_cmpint (id_at (model, 0), ==, f->board);

  dossier_stakeholders_panel_set_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel), f->brant);
  flush_events ();
  up = find_button (panel, "Move Up in the List (Alt+Up)", 0);
  g_assert_nonnull (up);
  g_signal_emit_by_name (up, "clicked");
  flush_events ();
  g_assert_cmpint (id_at (model, 0), ==, f->brant);
  g_assert_cmpint (id_at (model, 1), ==, f->board);
  /* At the top already: nothing moves. */
  g_signal_emit_by_name (up, "clicked");
  flush_events ();
  g_assert_cmpint (id_at (model, 0), ==, f->brant);
  g_assert_true (gtk_widget_activate_action (panel, "stakeholders.move-down", NULL));
  flush_events ();
  g_assert_cmpint (id_at (model, 1), ==, f->brant);
  undo (f->project);
  g_assert_cmpint (id_at (model, 0), ==, f->brant);
  undo (f->project);
  g_assert_cmpint (id_at (model, 0), ==, f->board);
  /* Still open in the editor: the order is no field that leaves it. */
  g_assert_cmpint (dossier_stakeholders_panel_get_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel)), ==, f->brant);

  /* In the list, the focused row moves. */
  dossier_stakeholders_panel_set_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel), 0);
  flush_events ();
  list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);
  collect_descendants (list_view, DOSSIER_TYPE_STAKEHOLDER_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      DossierStakeholder *s = dossier_row_get_item (g_ptr_array_index (rows, i));

      if (s != NULL && dossier_stakeholder_get_id (s) == f->board)
        g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (g_ptr_array_index (rows, i))));
    }
  g_assert_true (gtk_widget_activate_action (panel, "stakeholders.move-down", NULL));
  flush_events ();
  g_assert_cmpint (id_at (model, 0), ==, f->brant);
  g_assert_cmpint (id_at (model, 1), ==, f->board);

  close_window (window);
}

/* The row showing stakeholder @id in @list_view, or NULL. */
static DossierRow *
stakeholder_row (GtkWidget *list_view,
                 gint64     id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_descendants (list_view, DOSSIER_TYPE_STAKEHOLDER_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      DossierStakeholder *s = dossier_row_get_item (g_ptr_array_index (rows, i));

      if (s != NULL && dossier_stakeholder_get_id (s) == id)
        return g_ptr_array_index (rows, i);
    }
  return NULL;
}

/* Whether the list (a FocusOn's widget) has made the row of its id. */
static gboolean
row_made (gpointer focus_on)
{
  return stakeholder_row (((FocusOn *) focus_on)->widget, ((FocusOn *) focus_on)->id) != NULL;
}

/* The list item showing @id in @list_view, given the focus as a click or
 * the arrow keys give it. */
static void
focus_stakeholder_row (GtkWidget *list_view,
                       gint64     id)
{
  DossierRow *row = stakeholder_row (list_view, id);

  if (row == NULL)
    g_error ("no row for stakeholder %" G_GINT64_FORMAT, id);
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row))));
}

/* Delete on a focused row of the list deletes it as the editor's Delete
 * does (the same toast, with Undo); the focus stays in the list, on the
 * next one, and comes back to it with the undo. In the editor's fields,
 * Delete is the text's. */
static void
test_stakeholders_delete_key (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GListModel *model = dossier_project_get_stakeholders (f->project);
  GtkWidget *window, *list_view, *name_row;

  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), panel);
  window = show_in_window (overlay, 420, 900);
  list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);

  focus_stakeholder_row (list_view, f->board);
  g_assert_nonnull (press_key (window, GDK_KEY_Delete, 0));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_null (dossier_project_get_stakeholder (f->project, f->board));
  wait_for_text (overlay, "“Lindenport Ferry Board” deleted");
  wait_until (focus_on_stakeholder, &(FocusOn) { list_view, f->brant }, "the next one to take the focus");
  undo (f->project);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_nonnull (dossier_project_get_stakeholder (f->project, f->board));
  /* Undone, it takes the focus back (it stayed on the next one). */
  wait_until (focus_on_stakeholder, &(FocusOn) { list_view, f->board }, "the focus back on the one restored");

  /* The last one: the focus goes to the one before. (The first
   * deletion's toast sent away: the next need not wait for it.) */
  dismiss_toasts (overlay);
  focus_stakeholder_row (list_view, f->brant);
  g_assert_nonnull (press_key (window, GDK_KEY_Delete, 0));
  wait_for_text (overlay, "“Odile Brant” deleted");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  wait_until (focus_on_stakeholder, &(FocusOn) { list_view, f->board }, "the one before to take the focus");
  undo (f->project);
  wait_until (focus_on_stakeholder, &(FocusOn) { list_view, f->brant }, "the focus back on the last one");

  /* In the editor, Delete in the name deletes a character, never the
   * stakeholder. */
  dossier_stakeholders_panel_set_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel), f->brant);
  flush_events ();
  name_row = find_row (panel, ADW_TYPE_ENTRY_ROW, "Name");
  gtk_widget_grab_focus (name_row);
  press_key (window, GDK_KEY_Delete, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  close_window (window);
}

/* The editor's Delete button, pressed from the keyboard, goes with the
 * editor: the focus goes to the list, on the stakeholder that took the
 * deleted one's place, as Delete on a row leaves it, and back to the one
 * restored by the undo. (Before, GTK put it on the panel's first button,
 * Sort, away from the rows.) */
static void
test_stakeholders_delete_button_focus (Fixture       *f,
                                       gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *window, *list_view, *delete_button;

  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), panel);
  window = show_in_window (overlay, 420, 900);
  list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);

  dossier_stakeholders_panel_set_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel), f->board);
  flush_events ();
  delete_button = find_button (panel, "Delete Stakeholder", 0);
  g_assert_true (gtk_widget_grab_focus (delete_button));
  keys_through_x (window, "Return");
  g_assert_null (dossier_project_get_stakeholder (f->project, f->board));
  g_assert_cmpint (dossier_stakeholders_panel_get_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel)), ==, 0);
  wait_until (focus_on_stakeholder, &(FocusOn) { list_view, f->brant }, "the next one to take the focus");
  undo (f->project);
  wait_until (focus_on_stakeholder, &(FocusOn) { list_view, f->board }, "the focus back on the one restored");

  close_window (window);
}

/* The menu open on @row (a DossierRow), or NULL. */
static GtkWidget *
row_menu (GtkWidget *row)
{
  GtkWidget *menu = find_descendant (row, GTK_TYPE_POPOVER_MENU);

  return menu != NULL && gtk_widget_get_visible (menu) ? menu : NULL;
}

/* The item of @menu labelled @text, asserted to show @accel as its key. */
static GtkWidget *
menu_item_with_key (GtkWidget  *menu,
                    const char *text,
                    const char *accel)
{
  GtkWidget *item = find_menu_item (menu, text);
  g_autofree char *shown = NULL;

  g_assert_nonnull (item);
  g_object_get (item, "accel", &shown, NULL);
  g_assert_cmpstr (shown, ==, accel);
  return item;
}

/* A stakeholder's row has the menu the other rows have: Menu and
 * Shift+F10 on it (and a right click) show what the panel does to it,
 * each with its key, and the focus goes back to the row when it closes;
 * its items act on that stakeholder. Ctrl+E on the row cites the
 * reader's selection for it, as in its editor. Before, the row had no
 * menu at all. */
static void
test_stakeholders_row_menu (Fixture       *f,
                            gconstpointer  data)
{
  const guint keys[][2] = { { GDK_KEY_Menu, 0 }, { GDK_KEY_F10, GDK_SHIFT_MASK } };
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GListModel *model = dossier_project_get_stakeholders (f->project);
  GtkWidget *window, *list_view, *menu, *item;
  DossierRow *row;
  gint64 start, end;

  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), f->doc);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), panel);
  window = show_in_window (overlay, 420, 900);
  list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);
  row = stakeholder_row (list_view, f->board);
  g_assert_nonnull (row);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      focus_stakeholder_row (list_view, f->board);
      g_assert_nonnull (press_key (window, keys[i][0], keys[i][1]));
      menu = row_menu (GTK_WIDGET (row));
      g_assert_nonnull (menu);
      menu_item_with_key (menu, "Edit…", "Return");
      /* Nothing selected in the reader: nothing to cite. */
      item = menu_item_with_key (menu, "Cite Selection", "<Control>e");
      g_assert_false (gtk_widget_get_sensitive (item));
      menu_item_with_key (menu, "Move Up", "<Alt>Up");
      menu_item_with_key (menu, "Move Down", "<Alt>Down");
      g_assert_true (gtk_widget_get_sensitive (menu_item_with_key (menu, "Delete", "Delete")));
      gtk_popover_popdown (GTK_POPOVER (menu));
      flush_events ();
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == gtk_widget_get_parent (GTK_WIDGET (row)));
    }

  /* What the items do, to the row's stakeholder. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "stakeholders.move-row-down", "x", f->board));
  g_assert_cmpint (id_at (model, 1), ==, f->board);
  undo (f->project);
  g_assert_cmpint (id_at (model, 0), ==, f->board);
  /* Taken out and put back, its row may be made anew. */
  wait_until (row_made, &(FocusOn) { list_view, f->board }, "the moved row to be made");
  row = stakeholder_row (list_view, f->board);

  find_text_range (f->project, f->doc, "raise fares by a fifth", &start, &end);
  dossier_stakeholders_panel_set_selection (DOSSIER_STAKEHOLDERS_PANEL (panel), start, end);
  focus_stakeholder_row (list_view, f->brant);
  g_assert_nonnull (press_key (window, GDK_KEY_Menu, 0));
  menu = row_menu (GTK_WIDGET (stakeholder_row (list_view, f->brant)));
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_sensitive (find_menu_item (menu, "Cite Selection")));
  gtk_popover_popdown (GTK_POPOVER (menu));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "stakeholders.cite-for", "x", f->brant));
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (dossier_project_get_stakeholder (f->project, f->brant)),
                    ==, 1);
  wait_for_text (overlay, "Evidence cited for “Odile Brant”");
  /* Read: the toast at the end need not wait for it to time out. */
  dismiss_toasts (overlay);
  undo (f->project);

  /* Ctrl+E on a focused row: for that one. */
  focus_stakeholder_row (list_view, f->board);
  g_assert_nonnull (press_key (window, GDK_KEY_e, GDK_CONTROL_MASK));
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (dossier_project_get_stakeholder (f->project, f->board)),
                    ==, 1);
  undo (f->project);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "stakeholders.edit", "x", f->board));
  g_assert_cmpint (dossier_stakeholders_panel_get_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel)), ==, f->board);
  dossier_stakeholders_panel_set_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel), 0);
  flush_events ();

  /* The toast of the citation by Ctrl+E would hold back the deletion's. */
  dismiss_toasts (overlay);
  row = stakeholder_row (list_view, f->board);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "stakeholders.delete", "x", f->board));
  g_assert_null (dossier_project_get_stakeholder (f->project, f->board));
  wait_for_text (overlay, "“Lindenport Ferry Board” deleted");
  wait_until (focus_on_stakeholder, &(FocusOn) { list_view, f->brant }, "the next one to take the focus");

  close_window (window);
}

/* Whether the focus of @window shows its ring. */
static gboolean
ring_shown (gpointer window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_has_visible_focus (focus);
}

/* A stakeholder's keys on its row, pressed for real after GTK hid the
 * ring (as it does three seconds after a key), show the ring where the
 * focus is once they have acted: Alt+Down moves the row, the focus
 * following it; Ctrl+E cites the selection for it; Delete deletes it,
 * the focus on the next; Enter opens its editor. (Checked when the ring
 * logic of the Pros & Cons keys moved to DossierPanel: these needed none
 * of it, GTK shows the ring for them.) */
static void
test_stakeholders_ring (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GListModel *model = dossier_project_get_stakeholders (f->project);
  GtkWidget *window, *list_view;
  gint64 start, end;

  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), f->doc);
  find_text_range (f->project, f->doc, "raise fares by a fifth", &start, &end);
  dossier_stakeholders_panel_set_selection (DOSSIER_STAKEHOLDERS_PANEL (panel), start, end);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), panel);
  window = show_in_window (overlay, 420, 900);
  list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);
  focus_stakeholder_row (list_view, f->board);

  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  keys_through_x (window, "alt+Down");
  g_assert_cmpint (id_at (model, 1), ==, f->board);
  wait_until (focus_on_stakeholder, &(FocusOn) { list_view, f->board }, "the focus on the one moved");
  g_assert_true (ring_shown (window));

  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  keys_through_x (window, "ctrl+e");
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (dossier_project_get_stakeholder (f->project, f->board)),
                    ==, 1);
  g_assert_true (focus_on_stakeholder (&(FocusOn) { list_view, f->board }));
  g_assert_true (ring_shown (window));

  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  keys_through_x (window, "Delete");
  g_assert_null (dossier_project_get_stakeholder (f->project, f->board));
  wait_until (focus_on_stakeholder, &(FocusOn) { list_view, f->brant }, "the focus on the one left");
  g_assert_true (ring_shown (window));

  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  keys_through_x (window, "Return");
  g_assert_cmpint (dossier_stakeholders_panel_get_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel)), ==, f->brant);
  /* The focus on the editor's back button, whose ring shows. */
  g_assert_true (GTK_IS_BUTTON (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_true (ring_shown (window));

  close_window (window);
}

/* The bounds of stakeholder @id's row in @list_view's own coordinates
 * (its view: 0 to its height); FALSE if the list shows no row for it. */
static gboolean
row_in_list (GtkWidget       *list_view,
             gint64           id,
             graphene_rect_t *bounds)
{
  DossierRow *row = stakeholder_row (list_view, id);

  /* GTK 4.8's list keeps rows out of sight too, unmapped. */
  return row != NULL && gtk_widget_get_mapped (GTK_WIDGET (row)) &&
         gtk_widget_compute_bounds (gtk_widget_get_parent (GTK_WIDGET (row)), list_view, bounds);
}

/* Whether stakeholder @id's row shows whole in @list_view. */
static gboolean
row_whole_in_view (GtkWidget *list_view,
                   gint64     id)
{
  graphene_rect_t bounds;

  return row_in_list (list_view, id, &bounds) && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (list_view);
}

/* The first (@last FALSE) or last stakeholder whose row shows whole in
 * @list_view. */
static gint64
row_at_edge (GtkWidget  *list_view,
             GListModel *model,
             gboolean    last)
{
  gint64 found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (row_whole_in_view (list_view, id_at (model, i)))
      {
        found = id_at (model, i);
        if (!last)
          break;
      }
  g_assert_cmpint (found, !=, 0);
  return found;
}

static gboolean
count_frames (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
three_frames (gpointer data)
{
  return *(guint *) data >= 3;
}

/* Runs the main loop while @widget's window draws three frames: what was
 * changed before is laid out. */
static void
wait_for_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint tick = gtk_widget_add_tick_callback (widget, count_frames, &frames, NULL);

  wait_until (three_frames, &frames, "three frames");
  gtk_widget_remove_tick_callback (widget, tick);
}

/* Alt+Down on stakeholder @id (whose row has the focus), then the frames
 * that lay the list out again: it has moved down one, and has the focus. */
static void
move_down (GtkWidget  *window,
           GtkWidget  *list_view,
           GListModel *model,
           gint64      id)
{
  guint position = G_MAXUINT;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (id_at (model, i) == id)
      position = i;
  g_assert_nonnull (press_key (window, GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_cmpint (id_at (model, position + 1), ==, id);
  wait_for_frames (list_view);
  wait_until (focus_on_stakeholder, &(FocusOn) { list_view, id }, "the focus on the one moved");
}

/* 30 more stakeholders: more than a window shows. */
static void
add_traders (DossierProject *project)
{
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Harbour trader %d", i);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (dossier_project_add_stakeholder (project, name, NULL, DOSSIER_STAKEHOLDER_BUSINESS,
                                                        &error), >, 0);
      g_assert_no_error (error);
    }
}

static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GString    *changes)
{
  g_string_append_printf (changes, "%s%u-%u+%u", changes->len ? " " : "", position, removed, added);
}

/* A stakeholder moved (Alt+Down, an undo of it, the project's own move) is
 * taken out and put back: the list model says so, two changes of that
 * one row, and the rows between stay as they are (one splice of the run
 * made them all anew). Its new row has the focus, the list is not
 * scrolled, and on the grid its dot stays selected. */
static void
test_stakeholders_move_keeps_row (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  GListModel *model = dossier_project_get_stakeholders (f->project);
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *list_view, *grid;
  GtkAdjustment *adjustment;
  gulong handler;
  gint64 moved;
  double value;

  add_traders (f->project);
  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  window = show_in_window (panel, 420, 800);
  list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  moved = id_at (model, 3);
  focus_stakeholder_row (list_view, moved);
  value = gtk_adjustment_get_value (adjustment);
  handler = g_signal_connect (model, "items-changed", G_CALLBACK (record_change), changes);

  /* Alt+Down: out at 3, in at 4. */
  g_assert_nonnull (press_key (window, GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_cmpint (id_at (model, 4), ==, moved);
  g_assert_cmpstr (changes->str, ==, "3-1+0 4-0+1");
  wait_for_frames (list_view);
  wait_until (focus_on_stakeholder, &(FocusOn) { list_view, moved }, "the focus on the one moved");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);

  /* Undone: back at 3, the focus with it (two neighbours swapped: either
   * one may be the one taken out and put back). */
  g_string_truncate (changes, 0);
  undo (f->project);
  g_assert_cmpint (id_at (model, 3), ==, moved);
  g_assert_true (g_str_equal (changes->str, "4-1+0 3-0+1") || g_str_equal (changes->str, "3-1+0 4-0+1"));
  wait_for_frames (list_view);
  wait_until (focus_on_stakeholder, &(FocusOn) { list_view, moved }, "the focus on the one moved back");

  /* On the grid, its dot selected: moved to the top, still selected (the
   * grid keeps it selected while it is taken out and put back). */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_toggle (panel, "Power/Interest Grid")), TRUE);
  flush_events ();
  grid = find_descendant (panel, DOSSIER_TYPE_POWER_GRID);
  dossier_power_grid_set_selected_id (DOSSIER_POWER_GRID (grid), moved);
  g_string_truncate (changes, 0);
  g_assert_true (dossier_project_move_stakeholder (f->project, moved, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (changes->str, ==, "3-1+0 0-0+1");
  g_assert_cmpint (dossier_power_grid_get_selected_id (DOSSIER_POWER_GRID (grid)), ==, moved);

  g_signal_handler_disconnect (model, handler);
  close_window (window);
}

/* Alt+Down on a row of a list longer than its view (800 px high): the row
 * moved stays in sight, and the list scrolls only if it must: at the top
 * and part-way down, not at all (the row that took its place above it
 * still shows), at the bottom of the view just enough for it to show
 * whole. Before, the list scrolled the row moved to its top, the row
 * above it out of view. */
static void
test_stakeholders_order_in_view (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  GListModel *model = dossier_project_get_stakeholders (f->project);
  GtkWidget *window, *list_view;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  gint64 moved, above;
  double value;

  add_traders (f->project);
  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  window = show_in_window (panel, 420, 800);
  list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, 2 * gtk_adjustment_get_page_size (adjustment));

  /* The first row, the list at its top. */
  moved = id_at (model, 0);
  above = id_at (model, 1);
  focus_stakeholder_row (list_view, moved);
  move_down (window, list_view, model, moved);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_true (row_whole_in_view (list_view, above));
  g_assert_true (row_whole_in_view (list_view, moved));

  /* Part-way down: a row in the middle of the view. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 3);
  wait_for_frames (list_view);
  moved = 0;
  for (guint i = 0; i < g_list_model_get_n_items (model) && moved == 0; i++)
    if (row_in_list (list_view, id_at (model, i), &bounds) && bounds.origin.y > gtk_widget_get_height (list_view) / 3)
      {
        moved = id_at (model, i);
        above = id_at (model, i + 1);
      }
  g_assert_cmpint (moved, !=, 0);
  value = gtk_adjustment_get_value (adjustment);
  focus_stakeholder_row (list_view, moved);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);
  move_down (window, list_view, model, moved);
  g_assert_cmpfloat (ABS (gtk_adjustment_get_value (adjustment) - value), <, 1);
  g_assert_true (row_whole_in_view (list_view, above));
  g_assert_true (row_whole_in_view (list_view, moved));

  /* The last row in sight: scrolled just enough, the row that took its
   * place still in sight. */
  moved = row_at_edge (list_view, model, TRUE);
  focus_stakeholder_row (list_view, moved);
  value = gtk_adjustment_get_value (adjustment);
  move_down (window, list_view, model, moved);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, value);
  g_assert_true (row_whole_in_view (list_view, moved));
  g_assert_true (row_in_list (list_view, moved, &bounds));
  /* (The list's own padding below its last row in sight.) */
  g_assert_cmpfloat (ABS (bounds.origin.y + bounds.size.height - gtk_widget_get_height (list_view)), <=, 4);

  close_window (window);
}

static gboolean
page_settled (gpointer stack)
{
  return !gtk_stack_get_transition_running (stack);
}

/* Opens the panel's + (the list shown) as a click does, once the list has
 * slid in (the button is then where the popover points); its name entry. */
static GtkWidget *
popup_add (GtkWidget *panel)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *add_button = NULL;

  wait_until (page_settled, find_descendant (panel, GTK_TYPE_STACK), "the list to slide in");
  /* The X server's word on who owns the primary selection, from the last
   * time the entry held a selection, comes back a moment later: heard
   * after the entry selects its name again, it would unselect it. */
  gdk_display_sync (gtk_widget_get_display (panel));
  flush_events ();
  collect_descendants (panel, GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Add a Stakeholder") == 0)
      add_button = g_ptr_array_index (buttons, i);
  g_assert_nonnull (add_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (add_button));
  gdk_display_sync (gtk_widget_get_display (panel));
  flush_events ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add_button)))));
  return find_entry (panel, "Name");
}

/* The entry shows @text, the caret after it and nothing selected (a
 * selection would take PRIMARY from the reader's, the passage cited). */
static void
assert_entry_named (GtkWidget  *entry,
                    const char *text)
{
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, text);
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), NULL, NULL));
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (entry)), ==, g_utf8_strlen (text, -1));
}

/* The stakeholder called @name, added by typing it into the popover of
 * the panel's + (open, its entry @entry) and pressing Enter; it cites
 * [@start, @end) of @document_id, and nothing else (nothing when @end is
 * 0). */
static DossierStakeholder *
add_citing (DossierProject *project,
            GtkWidget      *entry,
            const char     *name,
            gint64          document_id,
            gint64          start,
            gint64          end)
{
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;
  DossierStakeholder *s;
  DossierHighlight *cited;

  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  s = dossier_project_find_stakeholder (project, name);
  g_assert_nonnull (s);
  evidence = dossier_project_list_stakeholder_evidence (project, dossier_stakeholder_get_id (s), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, end != 0 ? 1 : 0);
  if (end == 0)
    return s;
  cited = ((DossierEvidence *) g_ptr_array_index (evidence, 0))->highlight;
  g_assert_cmpint (dossier_highlight_get_document_id (cited), ==, document_id);
  g_assert_cmpint (dossier_highlight_get_start (cited), ==, start);
  g_assert_cmpint (dossier_highlight_get_end (cited), ==, end);
  return s;
}

/* A passage selected in the reader: + names the new stakeholder after it
 * (on one line, trimmed, no longer than a name may be, the caret after
 * it) and Enter adds it citing the passage, in one undo step. With
 * nothing selected the name starts empty and nothing is cited. */
static void
test_stakeholders_add_from_selection (Fixture       *f,
                                      gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  DossierStakeholdersPanel *sp = DOSSIER_STAKEHOLDERS_PANEL (panel);
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = NULL;
  DossierStakeholder *guild;
  GtkWidget *window, *entry, *list_view, *focus;
  gint64 start, end, first, last;

  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  dossier_stakeholders_panel_set_document_id (sp, f->doc);
  window = show_in_window (panel, 420, 900);
  list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);

  /* Select a name, +, Enter. */
  find_text_range (f->project, f->doc, "Island Traders Guild", &start, &end);
  dossier_stakeholders_panel_set_selection (sp, start, end);
  entry = popup_add (panel);
  assert_entry_named (entry, "Island Traders Guild");
  guild = add_citing (f->project, entry, "Island Traders Guild", f->doc, start, end);
  g_assert_cmpint (dossier_stakeholders_panel_get_stakeholder_id (sp), ==, dossier_stakeholder_get_id (guild));
  /* One step takes back the stakeholder and its evidence; its editor
   * goes with it, the focus to the list. */
  undo (f->project);
  g_assert_null (dossier_project_find_stakeholder (f->project, "Island Traders Guild"));
  highlights = dossier_project_list_highlights (f->project, f->doc, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (highlights->len, ==, 0);
  g_assert_cmpint (dossier_stakeholders_panel_get_stakeholder_id (sp), ==, 0);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == list_view || gtk_widget_is_ancestor (focus, list_view));

  /* Across a paragraph break, from the space before: one line, trimmed. */
  find_text_range (f->project, f->doc, " Monday.", &first, &end);
  find_text_range (f->project, f->doc, "Advantages", &start, &last);
  dossier_stakeholders_panel_set_selection (sp, first, last);
  entry = popup_add (panel);
  assert_entry_named (entry, "Monday. Advantages");

  /* Longer than a name may be: shortened to the limit. Another name
   * given instead, the passage is still cited. */
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER)));
  find_text_range (f->project, f->doc, "The Lindenport", &first, &end);
  find_text_range (f->project, f->doc, "lose day visitors.", &start, &last);
  g_assert_cmpint (last - first, >, DOSSIER_STAKEHOLDER_MAX_NAME);
  dossier_stakeholders_panel_set_selection (sp, first, last);
  entry = popup_add (panel);
  long_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_assert_cmpint (g_utf8_strlen (long_name, -1), ==, DOSSIER_STAKEHOLDER_MAX_NAME);
  g_assert_true (g_str_has_prefix (long_name, "The Lindenport Ferry Board wants"));
  g_assert_true (g_str_has_suffix (long_name, "…"));
  assert_entry_named (entry, long_name);
  add_citing (f->project, entry, "Ferry passengers", f->doc, first, last);

  /* Nothing selected: an empty name, and no evidence. */
  dossier_stakeholders_panel_set_stakeholder_id (sp, 0);
  dossier_stakeholders_panel_set_selection (sp, 0, 0);
  entry = popup_add (panel);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  add_citing (f->project, entry, "Harbour Pilots", 0, 0, 0);

  close_window (window);
}

/* The kind the popover of + shows (on the button of its menu of kinds)
 * for the name typed, and that the stakeholder gets. */
static DossierStakeholderKind
shown_kind (GtkWidget *entry)
{
  GtkWidget *popover = gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER);
  GtkWidget *button = find_descendant (popover, GTK_TYPE_MENU_BUTTON);

  for (int k = 0; k < DOSSIER_STAKEHOLDER_N_KINDS; k++)
    if (g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), dossier_stakeholder_kind_get_label (k)) == 0)
      return k;
  g_error ("the popover shows no kind");
  return DOSSIER_STAKEHOLDER_OTHER;
}

/* A hand-added stakeholder's kind is guessed from its name, as it is
 * typed, or from the words around the passage it was selected from; the
 * popover shows it, the user may pick another ("Other" too), and the
 * stakeholder gets the one shown. Before, every one was "Other". */
static void
test_stakeholders_add_guesses_kind (Fixture       *f,
                                    gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  DossierStakeholdersPanel *sp = DOSSIER_STAKEHOLDERS_PANEL (panel);
  g_autoptr(GError) error = NULL;
  DossierStakeholder *s;
  GtkWidget *window, *entry;
  gint64 start, end;

  /* Named in the article, to be added again from it. */
  g_assert_true (dossier_project_delete_stakeholder (f->project, f->brant, &error));
  g_assert_no_error (error);
  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  dossier_stakeholders_panel_set_document_id (sp, f->doc);
  window = show_in_window (panel, 420, 900);

  /* The name says it, once typed whole. */
  entry = popup_add (panel);
  g_assert_cmpint (shown_kind (entry), ==, DOSSIER_STAKEHOLDER_OTHER);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Fenmoor County");
  g_assert_cmpint (shown_kind (entry), ==, DOSSIER_STAKEHOLDER_OTHER);
  s = add_citing (f->project, entry, "Fenmoor County Council", 0, 0, 0);
  g_assert_cmpint (dossier_stakeholder_get_kind (s), ==, DOSSIER_STAKEHOLDER_GOVERNMENT);
  undo (f->project);
  g_assert_null (dossier_project_find_stakeholder (f->project, "Fenmoor County Council"));

  /* The words before the passage say it: "Mayor Odile Brant said". */
  find_text_range (f->project, f->doc, "Odile Brant", &start, &end);
  dossier_stakeholders_panel_set_selection (sp, start, end);
  entry = popup_add (panel);
  g_assert_cmpint (shown_kind (entry), ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  s = add_citing (f->project, entry, "Odile Brant", f->doc, start, end);
  g_assert_cmpint (dossier_stakeholder_get_kind (s), ==, DOSSIER_STAKEHOLDER_OFFICIAL);

  /* "Other" picked by hand is what she gets: the document's words are
   * not asked again (they were, and made her an official). */
  undo (f->project);
  g_assert_null (dossier_project_find_stakeholder (f->project, "Odile Brant"));
  dossier_stakeholders_panel_set_selection (sp, start, end);
  entry = popup_add (panel);
  g_assert_cmpint (shown_kind (entry), ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_true (gtk_widget_activate_action (entry, "add.kind", "i", DOSSIER_STAKEHOLDER_OTHER));
  g_assert_cmpint (shown_kind (entry), ==, DOSSIER_STAKEHOLDER_OTHER);
  s = add_citing (f->project, entry, "Odile Brant", f->doc, start, end);
  g_assert_cmpint (dossier_stakeholder_get_kind (s), ==, DOSSIER_STAKEHOLDER_OTHER);

  /* A kind picked by hand stays, whatever is typed after. */
  dossier_stakeholders_panel_set_stakeholder_id (sp, 0);
  dossier_stakeholders_panel_set_selection (sp, 0, 0);
  entry = popup_add (panel);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Harbour Pilots");
  g_assert_cmpint (shown_kind (entry), ==, DOSSIER_STAKEHOLDER_OTHER);
  /* As the menu's item does. */
  g_assert_true (gtk_widget_activate_action (entry, "add.kind", "i", DOSSIER_STAKEHOLDER_BUSINESS));
  g_assert_cmpint (shown_kind (entry), ==, DOSSIER_STAKEHOLDER_BUSINESS);
  s = add_citing (f->project, entry, "Harbour Pilots Council", 0, 0, 0);
  g_assert_cmpint (dossier_stakeholder_get_kind (s), ==, DOSSIER_STAKEHOLDER_BUSINESS);

  /* Opened again, it guesses again. */
  dossier_stakeholders_panel_set_stakeholder_id (sp, 0);
  entry = popup_add (panel);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Fenmoor County Council");
  g_assert_cmpint (shown_kind (entry), ==, DOSSIER_STAKEHOLDER_GOVERNMENT);

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER)));
  flush_events ();
  close_window (window);
}

/* A stakeholder added at the end of a long list: its editor opens with
 * the focus in its name; back in the list, it is scrolled into sight and
 * focused. */
static void
test_stakeholders_add_focus (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *list_view, *entry, *name_row;
  gint64 id;

  for (int i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Harbour trader %d", i);

      g_assert_cmpint (dossier_project_add_stakeholder (f->project, name, NULL, DOSSIER_STAKEHOLDER_BUSINESS,
                                                        &error), >, 0);
      g_assert_no_error (error);
    }
  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  window = show_in_window (panel, 420, 700);
  list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);

  entry = popup_add (panel);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Harbour Pilots");
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  id = dossier_stakeholders_panel_get_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel));
  g_assert_cmpint (id, ==, dossier_stakeholder_get_id (dossier_project_find_stakeholder (f->project,
                                                                                         "Harbour Pilots")));
  name_row = find_row (panel, ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), name_row));

  g_assert_nonnull (press_key (window, GDK_KEY_Escape, 0));
  g_assert_cmpint (dossier_stakeholders_panel_get_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel)), ==, 0);
  wait_until (focus_on_stakeholder, &(FocusOn) { list_view, id }, "the new stakeholder to take the focus");

  close_window (window);
}

/* "Save Grid as Picture": SVG or PNG by the name's extension, with every
 * stakeholder; a name of neither kind, or a folder that is not there,
 * gets a message and leaves no file. Its menu is declared once. */
static void
test_stakeholders_grid_export (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  DossierStakeholdersPanel *sp = DOSSIER_STAKEHOLDERS_PANEL (panel);
  g_autofree char *svg = g_build_filename (f->dir, "grid.svg", NULL);
  g_autofree char *png = g_build_filename (f->dir, "grid.PNG", NULL);
  g_autofree char *txt = g_build_filename (f->dir, "grid.txt", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "grid.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  gsize length;

  window = show_in_window (panel, 420, 900);
  /* The menu is the panel's, once: the list's rows made a copy of it
   * each, unused (and translated twice). */
  {
    GtkListItemFactory *factory = gtk_list_view_get_factory (GTK_LIST_VIEW (find_descendant (panel,
                                                                                             GTK_TYPE_LIST_VIEW)));
    GBytes *bytes = gtk_builder_list_item_factory_get_bytes (GTK_BUILDER_LIST_ITEM_FACTORY (factory));
    g_autofree char *row = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

    g_assert_nonnull (strstr (row, "DossierStakeholderRow"));
    g_assert_null (strstr (row, "<menu"));
  }
  g_assert_false (dossier_stakeholders_panel_export_grid (sp, svg, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  g_assert_true (dossier_stakeholders_panel_export_grid (sp, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "Lindenport Ferry Board"));
  g_assert_nonnull (strstr (contents, "Odile Brant"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (dossier_stakeholders_panel_export_grid (sp, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 4, "\x89PNG", 4);

  g_assert_false (dossier_stakeholders_panel_export_grid (sp, txt, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "grid.txt"));
  g_clear_error (&error);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));

  g_assert_false (dossier_stakeholders_panel_export_grid (sp, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  close_window (window);
}

/* A button, by its tooltip, shown or gone: what wait_for_button () waits
 * for. */
typedef struct
{
  GtkWidget  *panel;
  const char *tooltip;
  gboolean    shown;
} ButtonWanted;

static gboolean
button_as_wanted (gpointer data)
{
  ButtonWanted *wanted = data;

  return (find_button (wanted->panel, wanted->tooltip, 0) != NULL) == wanted->shown;
}

/* Runs the main loop until @panel shows a button whose tooltip is
 * @tooltip (@shown), or shows none (!@shown). */
static void
wait_for_button (GtkWidget  *panel,
                 const char *tooltip,
                 gboolean    shown,
                 const char *what)
{
  ButtonWanted wanted = { panel, tooltip, shown };

  wait_until (button_as_wanted, &wanted, what);
}

#define ADD_GUILD "Add “Island Traders Guild” as a stakeholder"
#define ADD_GUILD_AS_ALIAS \
  "Add “Island Traders Guild” to the aliases of “Lindenport Island Traders Guild”"

/* Adding by name, and the document's suggestions accepted or dismissed. */
static void
test_stakeholders_add_and_suggest (Fixture       *f,
                                   gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  GListModel *stakeholders = dossier_project_get_stakeholders (f->project);
  GtkWidget *window, *entry, *accept;
  GtkListBox *suggestions;
  guint n;

  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  window = show_in_window (panel, 420, 900);

  /* An empty name adds nothing; a name adds one and opens its editor. */
  entry = find_entry (panel, "Name");
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (g_list_model_get_n_items (stakeholders), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Harbour Pilots");
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (stakeholders), ==, 3);
  g_assert_nonnull (dossier_project_find_stakeholder (f->project, "harbour pilots"));
  g_assert_cmpint (dossier_stakeholders_panel_get_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel)), ==,
                   dossier_stakeholder_get_id (dossier_project_find_stakeholder (f->project, "Harbour Pilots")));
  /* A name taken is refused. */
  dossier_stakeholders_panel_set_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel), 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "ferry board");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (g_list_model_get_n_items (stakeholders), ==, 3);

  /* The open document names the Island Traders Guild three times. */
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), f->doc);
  /* Folded under their count; unfolded, the names. */
  gtk_expander_set_expanded (GTK_EXPANDER (find_descendant (panel, GTK_TYPE_EXPANDER)), TRUE);
  wait_for_button (panel, ADD_GUILD, TRUE, "the guild to be suggested");
  suggestions = find_list_box (panel, "stakeholder-suggestions");
  n = count_rows (suggestions);
  g_assert_cmpuint (n, >=, 1);
  accept = find_button (panel, ADD_GUILD, 0);
  g_assert_nonnull (accept);
  g_signal_emit_by_name (accept, "clicked");
  wait_for_button (panel, ADD_GUILD, FALSE, "the accepted suggestion to go");
  g_assert_nonnull (dossier_project_find_stakeholder (f->project, "Island Traders Guild"));
  g_assert_cmpuint (g_list_model_get_n_items (stakeholders), ==, 4);
  /* Accepted, it is suggested no more. */
  g_assert_null (find_button (panel, ADD_GUILD, 0));
  g_assert_cmpuint (count_rows (suggestions), ==, n - 1);

  close_window (window);
}

static gboolean
suggestions_shown (gpointer panel)
{
  GtkWidget *section = find_descendant (panel, DOSSIER_TYPE_SUGGESTIONS_SECTION);

  return dossier_suggestions_section_get_n_suggestions (DOSSIER_SUGGESTIONS_SECTION (section)) > 0;
}

static gboolean
no_suggestions_shown (gpointer panel)
{
  return !suggestions_shown (panel);
}

/* The empty list points at the suggestions below it only while some are
 * shown (in one line, the suggestions taking the height): it did with
 * none (no document open, or one naming nobody). */
static void
test_stakeholders_empty_text (Fixture       *f,
                              gconstpointer  data)
{
  const char *plain = "Add the people and bodies the articles are about with +.";
  const char *below = "No stakeholders yet: add those suggested below, or your own.";
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  gint64 quiet;

  g_assert_true (dossier_project_delete_stakeholder (f->project, f->board, &error));
  g_assert_true (dossier_project_delete_stakeholder (f->project, f->brant, &error));
  g_assert_no_error (error);
  quiet = add_document (f->project, DOSSIER_FORMAT_MARKDOWN,
                        "# Timetable\n\nthe first boat leaves at six and the last at ten.\n", "quiet.md");
  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  window = show_in_window (panel, 420, 900);
  flush_events ();

  /* No document open: nothing suggested. */
  g_assert_true (no_suggestions_shown (panel));
  wait_for_text (panel, plain);
  g_assert_false (shows_text (panel, below));

  /* The article names the guild and the board: suggested below. */
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), f->doc);
  wait_until (suggestions_shown, panel, "suggestions to be shown");
  wait_for_text (panel, below);
  g_assert_false (shows_text (panel, plain));

  /* A document naming nobody: none again. */
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), quiet);
  wait_until (no_suggestions_shown, panel, "the suggestions to go");
  wait_for_text (panel, plain);
  g_assert_false (shows_text (panel, below));

  close_window (window);
}

/* An article that names many people, each once with what they are. */
static const char crowd[] =
  "# Who spoke at the ferry hearing\n"
  "\n"
  "Councillor Ada Quill said the fares were too high. "
  "Councillor Bram Oster said the boats were old. "
  "Councillor Cleo Marsh said the timetable was fine. "
  "Councillor Dev Anand said the night boat mattered. "
  "Councillor Edda Frey said the pier needed work. "
  "Councillor Finn Calloway said the board was slow. "
  "Councillor Greta Holm said the guild was right. "
  "Councillor Hugo Lindqvist said the shops would suffer. "
  "Councillor Iris Penhallow said the island was patient. "
  "Councillor Jonas Weir said the accounts were late.\n"
  "\n"
  "Councillor Kira Tamsin said the crossing was slow. "
  "Councillor Leo Brannock said the fares were fair. "
  "Councillor Mira Osei said the ferry was full. "
  "Councillor Nils Haverty said the vote was close. "
  "Councillor Olga Petrakis said the tourists would stay away. "
  "Councillor Piet Vanterpool said the harbour was busy. "
  "Councillor Rosa Kettering said the fishermen agreed. "
  "Councillor Sven Aldous said the school run mattered. "
  "Councillor Tilda Marchbank said the pensioners paid too much. "
  "Councillor Ugo Ferrante said the debate was over.\n";

/* Whether the box the suggestions scroll in covers more than half of
 * @panel, all of it in sight in the panel (not cut off by its revealer
 * while it slides in, nor by the panel's end). */
static gboolean
suggestions_take_half (gpointer panel)
{
  GtkWidget *section = find_descendant (panel, DOSSIER_TYPE_SUGGESTIONS_SECTION);
  GtkWidget *list = find_descendant (section, GTK_TYPE_LIST_BOX);
  GtkWidget *scrolled = list != NULL ? gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  graphene_rect_t box, shown;

  if (scrolled == NULL || !gtk_widget_get_mapped (scrolled) ||
      !gtk_widget_compute_bounds (scrolled, panel, &box) ||
      !gtk_widget_compute_bounds (section, panel, &shown))
    return FALSE;
  return box.size.height > gtk_widget_get_height (panel) / 2.0 &&
         box.origin.y >= shown.origin.y &&
         box.origin.y + box.size.height <= shown.origin.y + shown.size.height + 0.5 &&
         shown.origin.y + shown.size.height <= gtk_widget_get_height (panel) + 0.5;
}

static gboolean
many_suggestions_shown (gpointer section)
{
  return dossier_suggestions_section_get_n_suggestions (section) >= 15;
}

/* The focus on the heading that folds the suggestions of @section. */
static gboolean
focus_on_heading (gpointer section)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (section));
  GtkWidget *expander = find_descendant (section, GTK_TYPE_EXPANDER);

  return focus != NULL && (focus == expander || gtk_widget_get_ancestor (focus, GTK_TYPE_EXPANDER) == expander) &&
         gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX) == NULL;
}

static gboolean
one_stakeholder (gpointer project)
{
  return g_list_model_get_n_items (dossier_project_get_stakeholders (project)) == 1;
}

/* With no stakeholders, the suggestions are what there is to do: they
 * take the panel's height under a one-line empty state (they scrolled in
 * a box of 260 px under a big empty picture), and the keyboard goes down
 * them and adds one with Enter. At 360 px, the narrowest window. */
static void
test_stakeholders_suggestions_fill (Fixture       *f,
                                    gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *section, *button;
  GtkListBox *list;
  g_autofree char *second = NULL;
  guint n;
  gint64 doc;

  g_assert_true (dossier_project_delete_stakeholder (f->project, f->board, &error));
  g_assert_true (dossier_project_delete_stakeholder (f->project, f->brant, &error));
  g_assert_no_error (error);
  doc = add_document (f->project, DOSSIER_FORMAT_MARKDOWN, crowd, "crowd.md");
  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  window = show_in_window (panel, 360, 800);
  section = find_descendant (panel, DOSSIER_TYPE_SUGGESTIONS_SECTION);

  /* A few: the box goes down to the panel's end, every row in it in
   * sight (the last was cut off when the box took the list's natural
   * height, measured at another width). */
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), f->doc);
  wait_until (suggestions_take_half, panel, "the few suggestions to take more than half the panel");
  list = find_list_box (panel, "stakeholder-suggestions");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (list)), <,
                   gtk_widget_get_height (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW)));

  /* Many: they scroll in that box. */
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), doc);
  wait_until (many_suggestions_shown, section, "the crowd to be suggested");
  n = dossier_suggestions_section_get_n_suggestions (DOSSIER_SUGGESTIONS_SECTION (section));

  wait_until (suggestions_take_half, panel, "the suggestions to take more than half the panel");
  wait_for_text (panel, "No stakeholders yet: add those suggested below, or your own.");
  g_assert_false (shows_text (panel, "Add the people and bodies the articles are about with +."));

  /* Tab from the empty state's button goes to the heading (which folds
   * them), Tab again into the list, Down to the second suggestion, Enter
   * adds it; the focus stays in the list, on the suggestion now in its
   * place. */
  list = find_list_box (panel, "stakeholder-suggestions");
  second = g_strdup (gtk_label_get_text (GTK_LABEL (find_descendant (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)),
                                                                       GTK_TYPE_LABEL))));
  button = find_button_labelled (panel, "_New…");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  keys_through_x (window, "Tab");
  wait_until (focus_on_heading, section, "the suggestions' heading to have the focus");
  keys_through_x (window, "Tab");
  wait_until (row_focused, &(RowFocus) { list, 0 }, "the first suggestion to have the focus");
  keys_through_x (window, "Down");
  wait_until (row_focused, &(RowFocus) { list, 1 }, "the second suggestion to have the focus");
  keys_through_x (window, "Return");
  wait_until (one_stakeholder, f->project, "the suggestion to be added");
  g_assert_nonnull (dossier_project_find_stakeholder (f->project, second));
  list = find_list_box (panel, "stakeholder-suggestions");
  wait_until (row_focused, &(RowFocus) { list, 1 }, "the next suggestion to have the focus");
  g_assert_cmpuint (dossier_suggestions_section_get_n_suggestions (DOSSIER_SUGGESTIONS_SECTION (section)), ==, n - 1);

  /* One stakeholder listed: the list has the height again, the
   * suggestions their box under it. */
  g_assert_false (dossier_suggestions_section_get_fill (DOSSIER_SUGGESTIONS_SECTION (section)));

  close_window (window);
}

/* The height of the scroller that @child scrolls in, as laid out. */
static int
scroller_height (GtkWidget *child)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (child, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scrolled);
  return gtk_widget_get_height (scrolled);
}

typedef struct
{
  GtkWidget *panel;
  int        height;
} PanelHeight;

static gboolean
panel_laid_out_at (gpointer data)
{
  PanelHeight *wait = data;

  return gtk_widget_get_height (wait->panel) == wait->height;
}

/* In @window, resized to @width × @height, @panel's list keeps at least
 * half the panel's height, and the suggestions a box of two rows or more,
 * all of it in sight. */
static void
assert_list_share (GtkWidget *window,
                   GtkWidget *panel,
                   int        width,
                   int        height)
{
  GtkWidget *section = find_descendant (panel, DOSSIER_TYPE_SUGGESTIONS_SECTION);
  GtkWidget *suggestions = find_descendant (section, GTK_TYPE_LIST_BOX);
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (suggestions), 0));
  graphene_rect_t box;
  int list, box_height;

  resize_toplevel (GTK_WINDOW (window), width, height);
  wait_until (panel_laid_out_at, &(PanelHeight) { panel, height }, "the panel's new height");
  wait_for_animations (window);
  list = scroller_height (find_descendant (panel, GTK_TYPE_LIST_VIEW));
  box_height = scroller_height (suggestions);
  g_test_message ("%d × %d: the list %d px high, the suggestions' box %d", width, height, list, box_height);
  g_assert_cmpint (list, >=, gtk_widget_get_height (panel) / 2);
  g_assert_cmpint (box_height, >=, 2 * gtk_widget_get_height (row));
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_ancestor (suggestions, GTK_TYPE_SCROLLED_WINDOW),
                                            panel, &box));
  g_assert_cmpfloat (box.origin.y + box.size.height, <=, gtk_widget_get_height (panel) + 0.5);
}

/* The list and the suggestions share the panel's height, neither
 * squeezed to a sliver: eight stakeholders and a crowd suggested, in the
 * panel as a 360 × 800 window shows it over the text (600 px high under
 * the header, the switcher and the bottom bars), and as a wider and
 * taller window shows it beside the text. The suggestions' box of up to
 * 260 px left the list 255 px of the narrow window's 600. */
static void
test_stakeholders_suggestions_share (Fixture       *f,
                                     gconstpointer  data)
{
  const char *names[] = { "Agnes Follett", "Bram Oduya", "Cleo Sandvik", "Dov Amarel",
                          "Edda Kowalczyk", "Fenn Rourke" };
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *section;
  gint64 doc;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      dossier_project_add_stakeholder (f->project, names[i], NULL, DOSSIER_STAKEHOLDER_OFFICIAL, &error);
      g_assert_no_error (error);
    }
  doc = add_document (f->project, DOSSIER_FORMAT_MARKDOWN, crowd, "crowd.md");
  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  window = show_in_window (panel, 360, 600);
  section = find_descendant (panel, DOSSIER_TYPE_SUGGESTIONS_SECTION);
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), doc);
  wait_until (many_suggestions_shown, section, "the crowd to be suggested");
  gtk_expander_set_expanded (GTK_EXPANDER (find_descendant (section, GTK_TYPE_EXPANDER)), TRUE);

  assert_list_share (window, panel, 360, 600);
  assert_list_share (window, panel, 420, 800);

  close_window (window);
}

/* The merge list of the suggestion named @name: its menu button. */
static GtkWidget *
find_merge_button (GtkWidget  *panel,
                   const char *name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *tooltip = g_strdup_printf ("Add “%s” to the aliases of a stakeholder", name);

  collect_descendants (panel, GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), tooltip) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static gboolean
brant_suggested (gpointer panel)
{
  return find_merge_button (panel, "Odile Brant") != NULL;
}

static gboolean
brant_not_suggested (gpointer panel)
{
  return !brant_suggested (panel);
}

/* The rows of the merge list that the search leaves shown, as labels. */
static char *
shown_targets (GtkListBox *list)
{
  g_autoptr(GString) shown = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      g_string_append_printf (shown, "%s%s", shown->len ? "|" : "",
                              gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)))));
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

static gboolean
widget_laid_out (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0;
}

static gboolean
merge_button_laid_out (gpointer button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);

  return gtk_widget_get_width (button) > 0 && row != NULL && gtk_widget_get_width (row) > 0;
}

/* Opens the merge list of Odile Brant's suggestion as a click does. */
static GtkPopover *
open_merge_list (GtkWidget *panel)
{
  GtkWidget *button;
  GtkPopover *popover;

  wait_until (brant_suggested, panel, "Odile Brant to be suggested");
  button = find_merge_button (panel, "Odile Brant");
  /* Shown, as a user clicks it. */
  wait_until (merge_button_laid_out, button, "the merge button to be laid out");
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  flush_events ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* It drops from the whole suggestion, no wider than it: centred on the
   * button at the row's end it went past a narrow sidebar's edge (GTK
   * keeps a popover on the monitor, not in the window). */
  {
    GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
    GdkRectangle pointing;

    g_assert_false (gtk_popover_get_has_arrow (popover));
    g_assert_true (gtk_popover_get_pointing_to (popover, &pointing));
    g_assert_cmpint (pointing.width, ==, gtk_widget_get_width (row));
    wait_until (widget_laid_out, gtk_popover_get_child (popover), "the merge list to be laid out");
    g_assert_cmpint (gtk_widget_get_width (gtk_popover_get_child (popover)), <=, gtk_widget_get_width (row));
  }
  return popover;
}

/* A suggestion that is another name of a stakeholder the project has
 * ("Island Traders Guild" of "Lindenport Island Traders Guild") says so,
 * and its + adds it to that one's aliases: no second stakeholder. One the
 * text never names says how it does ("the council"). */
static void
test_stakeholders_suggested_alias (Fixture       *f,
                                   gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  GListModel *stakeholders = dossier_project_get_stakeholders (f->project);
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *accept;
  DossierStakeholder *guild;
  gint64 guild_id, tram;

  guild_id = dossier_project_add_stakeholder (f->project, "Lindenport Island Traders Guild", NULL,
                                              DOSSIER_STAKEHOLDER_BUSINESS, &error);
  g_assert_no_error (error);
  guild = dossier_project_get_stakeholder (f->project, guild_id);
  tram = add_document (f->project, DOSSIER_FORMAT_MARKDOWN,
                       "# Tram plan\n\nPORT KESSEL, 4 May — The city council voted for the tram "
                       "plan on Tuesday. Traders in Port Kessel objected, and the council will "
                       "meet them.\n", "tram.md");

  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  window = show_in_window (panel, 420, 900);
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), f->doc);
  gtk_expander_set_expanded (GTK_EXPANDER (find_descendant (panel, GTK_TYPE_EXPANDER)), TRUE);

  wait_for_button (panel, ADD_GUILD_AS_ALIAS, TRUE, "the guild to be offered as an alias");
  g_assert_null (find_button (panel, ADD_GUILD, 0));
  wait_for_text (panel, "3 mentions · another name of Lindenport Island Traders Guild");

  accept = find_button (panel, ADD_GUILD_AS_ALIAS, 0);
  g_signal_emit_by_name (accept, "clicked");
  wait_for_button (panel, ADD_GUILD_AS_ALIAS, FALSE, "the accepted suggestion to go");
  g_assert_cmpuint (g_list_model_get_n_items (stakeholders), ==, 3);
  g_assert_cmpstr (dossier_stakeholder_get_aliases (guild)[0], ==, "Island Traders Guild");
  g_assert_null (dossier_stakeholder_get_aliases (guild)[1]);

  /* A town's council the text names only as "the council": so it says. */
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), tram);
  wait_for_text (panel, "0 mentions · only as “the council”");

  close_window (window);
}

/* In the narrowest window, 360 px, what a suggestion is said to be is
 * read whole: "another name of" and the stakeholder's name wrap under its
 * mentions (they were cut after "another name"). */
static void
test_stakeholders_suggested_alias_narrow (Fixture       *f,
                                          gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  dossier_project_add_stakeholder (f->project, "Lindenport Island Traders Guild", NULL,
                                   DOSSIER_STAKEHOLDER_BUSINESS, &error);
  g_assert_no_error (error);
  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  window = show_in_window (panel, 360, 800);
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), f->doc);
  gtk_expander_set_expanded (GTK_EXPANDER (find_descendant (panel, GTK_TYPE_EXPANDER)), TRUE);

  wait_for_text (panel, "3 mentions · another name of Lindenport Island Traders Guild");
  wait_for_frames (window);
  assert_label_whole (panel, "3 mentions · another name of Lindenport Island Traders Guild");

  close_window (window);
}

/* A suggestion merged into a stakeholder the project has (its names
 * become that one's aliases: one undo step), by the keyboard (search,
 * Enter) and by a click in the list; one dismissed stays dismissed. */
static void
test_stakeholders_merge_and_dismiss (Fixture       *f,
                                     gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *search, *dismiss, *other;
  GtkListBox *targets;
  GtkPopover *popover;
  DossierStakeholder *mayor;
  gint64 mayor_id;
  g_autofree char *first = NULL;
  g_autofree char *none = NULL;
  g_autofree char *found = NULL;

  /* Odile Brant is no stakeholder yet, so the document suggests her. */
  g_assert_true (dossier_project_delete_stakeholder (f->project, f->brant, &error));
  mayor_id = dossier_project_add_stakeholder (f->project, "The Mayor", NULL, DOSSIER_STAKEHOLDER_OFFICIAL, &error);
  g_assert_no_error (error);
  mayor = dossier_project_get_stakeholder (f->project, mayor_id);

  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  window = show_in_window (panel, 420, 900);
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), f->doc);
  gtk_expander_set_expanded (GTK_EXPANDER (find_descendant (panel, GTK_TYPE_EXPANDER)), TRUE);

  /* Every stakeholder is offered, the one sharing a word ("Mayor Odile
   * Brant") first; the search narrows them, and says when none is left. */
  popover = open_merge_list (panel);
  targets = GTK_LIST_BOX (find_descendant (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX));
  search = find_descendant (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY);
  first = shown_targets (targets);
  g_assert_cmpstr (first, ==, "The Mayor|Lindenport Ferry Board");
  gtk_editable_set_text (GTK_EDITABLE (search), "zzz");
  g_signal_emit_by_name (search, "search-changed");
  flush_events ();
  none = shown_targets (targets);
  g_assert_cmpstr (none, ==, "");
  g_signal_emit_by_name (search, "activate");
  flush_events ();
  g_assert_null (dossier_stakeholder_get_aliases (mayor)[0]);

  /* Enter merges into the first match. */
  gtk_editable_set_text (GTK_EDITABLE (search), "MAYOR");
  g_signal_emit_by_name (search, "search-changed");
  flush_events ();
  found = shown_targets (targets);
  g_assert_cmpstr (found, ==, "The Mayor");
  /* Closed, or gone with its row (the focus, in its search, went to the
   * row now in that one's place, and let go of it). */
  g_object_add_weak_pointer (G_OBJECT (popover), (gpointer *) &popover);
  g_signal_emit_by_name (search, "activate");
  wait_until (brant_not_suggested, panel, "the merged suggestion to go");
  g_assert_true (popover == NULL || !gtk_widget_get_visible (GTK_WIDGET (popover)));
  if (popover != NULL)
    g_object_remove_weak_pointer (G_OBJECT (popover), (gpointer *) &popover);
  g_assert_cmpstr (dossier_stakeholder_get_aliases (mayor)[0], ==, "Odile Brant");
  g_assert_cmpstr (dossier_stakeholder_get_aliases (mayor)[1], ==, "Mayor Odile Brant");
  g_assert_null (dossier_stakeholder_get_aliases (mayor)[2]);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_stakeholders (f->project)), ==, 2);

  /* Undone, it is suggested again; a click on a stakeholder merges it. */
  undo (f->project);
  g_assert_null (dossier_stakeholder_get_aliases (mayor)[0]);
  popover = open_merge_list (panel);
  targets = GTK_LIST_BOX (find_descendant (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX));
  g_signal_emit_by_name (targets, "row-activated", gtk_list_box_get_row_at_index (targets, 0));
  wait_until (brant_not_suggested, panel, "the merged suggestion to go");
  g_assert_cmpstr (dossier_stakeholder_get_aliases (mayor)[0], ==, "Odile Brant");

  /* Dismissed, the guild is suggested no more: not after the document is
   * shown again, not in another panel. */
  wait_for_button (panel, ADD_GUILD, TRUE, "the guild to be suggested");
  dismiss = find_button (panel, "Do not suggest “Island Traders Guild” again", 0);
  g_assert_nonnull (dismiss);
  g_signal_emit_by_name (dismiss, "clicked");
  wait_for_button (panel, ADD_GUILD, FALSE, "the dismissed suggestion to go");
  g_assert_null (dossier_project_find_stakeholder (f->project, "Island Traders Guild"));
  /* (The toast's Undo brings it back, Redo dismisses it again.) */
  undo (f->project);
  wait_for_button (panel, ADD_GUILD, TRUE, "the guild to be suggested again");
  g_assert_true (dossier_project_redo (f->project, &error));
  g_assert_no_error (error);
  wait_for_button (panel, ADD_GUILD, FALSE, "the dismissed suggestion to go again");
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), 0);
  flush_events ();
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), f->doc);
  flush_events ();
  g_assert_null (find_button (panel, ADD_GUILD, 0));
  close_window (window);

  other = dossier_stakeholders_panel_new ();
  dossier_panel_set_project (DOSSIER_PANEL (other), f->project);
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (other), f->doc);
  window = show_in_window (other, 420, 900);
  flush_events ();
  g_assert_null (find_button (other, ADD_GUILD, 0));
  close_window (window);
}

/* ---- Pros & Cons ------------------------------------------------------------------- */

static gint64
add_argument (Fixture         *f,
              gint64           question,
              DossierPolarity  polarity,
              const char      *statement)
{
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_project_add_argument (f->project, question, polarity, statement, 0, 3, &error);

  g_assert_no_error (error);
  return id;
}

static DossierArgumentRow *
row_of (GtkWidget *panel,
        gint64     argument_id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_descendants (panel, DOSSIER_TYPE_ARGUMENT_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      DossierArgument *a = dossier_row_get_item (g_ptr_array_index (rows, i));

      if (a != NULL && dossier_argument_get_id (a) == argument_id)
        return g_ptr_array_index (rows, i);
    }
  return NULL;
}

static void
test_arguments_columns (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *panel = dossier_arguments_panel_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *flag, *entry;
  GListModel *pros, *cons;
  DossierArgumentRow *row;
  graphene_rect_t pro_bounds, con_bounds;
  gint64 question, other, fast, night, shops, start, end;

  question = dossier_project_add_question (f->project, "Should Lindenport raise ferry fares?", &error);
  g_assert_no_error (error);
  other = dossier_project_add_question (f->project, "Should the night service stay?", &error);
  g_assert_no_error (error);
  fast = add_argument (f, question, DOSSIER_POLARITY_PRO, "New boats halve the crossing");
  night = add_argument (f, question, DOSSIER_POLARITY_PRO, "The night service survives");
  shops = add_argument (f, question, DOSSIER_POLARITY_CON, "Island shops lose visitors");
  add_argument (f, other, DOSSIER_POLARITY_CON, "Nobody rides at night");

  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  g_assert_cmpint (dossier_arguments_panel_get_question_id (DOSSIER_ARGUMENTS_PANEL (panel)), ==, question);
  /* Narrow: one column after the other. */
  window = show_in_window (panel, 300, 900);

  pros = dossier_arguments_panel_get_column (DOSSIER_ARGUMENTS_PANEL (panel), DOSSIER_POLARITY_PRO);
  cons = dossier_arguments_panel_get_column (DOSSIER_ARGUMENTS_PANEL (panel), DOSSIER_POLARITY_CON);
  g_assert_cmpuint (g_list_model_get_n_items (pros), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (cons), ==, 1);
  g_assert_true (gtk_widget_compute_bounds (find_with_class (panel, "pro-list"), panel, &pro_bounds));
  g_assert_true (gtk_widget_compute_bounds (find_with_class (panel, "con-list"), panel, &con_bounds));
  g_assert_cmpfloat (con_bounds.origin.y, >, pro_bounds.origin.y + pro_bounds.size.height);

  /* Every argument without evidence is flagged. */
  row = row_of (panel, fast);
  g_assert_nonnull (row);
  flag = find_with_class (GTK_WIDGET (row), "argument-flag");
  g_assert_true (gtk_widget_get_visible (flag));
  g_assert_cmpstr (dossier_argument_describe_weakness (dossier_project_get_argument (f->project, fast)),
                   ==, "No evidence cited");

  /* Moved to the other side and back by undo: the columns follow. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_of (panel, night)), "argument.switch-side", NULL));
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (pros), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cons), ==, 2);
  undo (f->project);
  g_assert_cmpuint (g_list_model_get_n_items (pros), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (cons), ==, 1);

  /* Reordered within its side. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_of (panel, night)), "argument.move-up", NULL));
  flush_events ();
  {
    g_autoptr(DossierArgument) first = g_list_model_get_item (pros, 0);

    g_assert_cmpint (dossier_argument_get_id (first), ==, night);
  }

  /* Strength, then the balance says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_of (panel, shops)), "argument.strength", "i", 5));
  flush_events ();
  g_assert_cmpint (dossier_argument_get_strength (dossier_project_get_argument (f->project, shops)), ==, 5);
  g_assert_true (has_label (panel, "Pros (2)"));
  g_assert_true (has_label (panel, "Cons (1)"));
  g_assert_true (has_label (panel, "Evenly balanced — 2 pros, total strength 6 · 1 con, total strength 5"));

  /* Citing the reader's selection: one outlet only, and flagged as such. */
  dossier_arguments_panel_set_document_id (DOSSIER_ARGUMENTS_PANEL (panel), f->doc);
  g_assert_false (dossier_arguments_panel_cite_selection (DOSSIER_ARGUMENTS_PANEL (panel), fast));
  find_text_range (f->project, f->doc, "New boats would halve the crossing time.", &start, &end);
  dossier_arguments_panel_set_selection (DOSSIER_ARGUMENTS_PANEL (panel), start, end);
  g_assert_true (dossier_arguments_panel_cite_selection (DOSSIER_ARGUMENTS_PANEL (panel), fast));
  flush_events ();
  g_assert_cmpuint (dossier_argument_get_n_evidence (dossier_project_get_argument (f->project, fast)), ==, 1);
  g_assert_cmpstr (dossier_argument_describe_weakness (dossier_project_get_argument (f->project, fast)),
                   ==, "Evidence from one outlet only");

  /* An empty statement adds nothing; one adds a con at the end. */
  entry = find_entry (panel, "An argument against");
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (g_list_model_get_n_items (cons), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Fares already doubled since 2010");
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (cons), ==, 2);
  {
    g_autoptr(DossierArgument) last = g_list_model_get_item (cons, 1);

    g_assert_cmpstr (dossier_argument_get_statement (last), ==, "Fares already doubled since 2010");
    g_assert_true (has_label (panel, "Leans against"));
  }

  /* The other question shows its own arguments. */
  dossier_arguments_panel_set_question_id (DOSSIER_ARGUMENTS_PANEL (panel), other);
  g_assert_cmpuint (g_list_model_get_n_items (pros), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cons), ==, 1);

  /* Deleting the question shown shows the first one left; undo restores. */
  g_assert_true (gtk_widget_activate_action (panel, "arguments.delete-question", NULL));
  flush_events ();
  g_assert_null (dossier_project_get_question (f->project, other));
  g_assert_cmpint (dossier_arguments_panel_get_question_id (DOSSIER_ARGUMENTS_PANEL (panel)), ==, question);
  g_assert_cmpuint (g_list_model_get_n_items (pros), ==, 2);
  undo (f->project);
  g_assert_nonnull (dossier_project_get_question (f->project, other));

  close_window (window);

  /* Wide: the columns side by side. */
  panel = dossier_arguments_panel_new ();
  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  window = show_in_window (panel, 720, 900);
  g_assert_true (gtk_widget_compute_bounds (find_with_class (panel, "pro-list"), panel, &pro_bounds));
  g_assert_true (gtk_widget_compute_bounds (find_with_class (panel, "con-list"), panel, &con_bounds));
  g_assert_cmpfloat (con_bounds.origin.y, ==, pro_bounds.origin.y);
  g_assert_cmpfloat (con_bounds.origin.x, >=, pro_bounds.origin.x + pro_bounds.size.width);
  close_window (window);
}

/* A Pros & Cons panel in a window on the fixture's article, its
 * suggestions unfolded: the article's own lists, two advantages, one risk. */
static GtkWidget *
show_arguments_suggested (Fixture    *f,
                          GtkWidget **window)
{
  GtkWidget *panel = dossier_arguments_panel_new ();

  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  *window = show_in_window (panel, 320, 900);
  dossier_arguments_panel_set_document_id (DOSSIER_ARGUMENTS_PANEL (panel), f->doc);
  gtk_expander_set_expanded (GTK_EXPANDER (find_descendant (panel, GTK_TYPE_EXPANDER)), TRUE);
  wait_for_list_box_rows (panel, "argument-suggestions", 3);
  return panel;
}

static void
test_arguments_suggestions (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *panel = show_arguments_suggested (f, &window);
  GtkListBox *suggestions;
  GListModel *pros, *cons;
  gint64 question;

  suggestions = find_list_box (panel, "argument-suggestions");

  /* No question yet: nothing changes (the panel asks for the question:
   * see suggestions-ask-question; not given here). */
  g_signal_emit_by_name (find_button (panel, "Add as an Argument", 0), "clicked");
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_arguments (f->project)), ==, 0);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (find_entry (panel, "Should the city…?"),
                                                             GTK_TYPE_POPOVER)));
  flush_events ();

  question = dossier_project_add_question (f->project, "Should Lindenport raise ferry fares?", &error);
  g_assert_no_error (error);
  flush_events ();
  g_assert_cmpint (dossier_arguments_panel_get_question_id (DOSSIER_ARGUMENTS_PANEL (panel)), ==, question);

  /* One dismissed, the rest accepted at once, each citing its item. */
  g_signal_emit_by_name (find_button (panel, "Dismiss", 2), "clicked");
  wait_for_list_box_rows (panel, "argument-suggestions", 2);
  g_signal_emit_by_name (find_button (panel, "Add as an Argument", 0), "clicked");
  wait_for_list_box_rows (panel, "argument-suggestions", 1);
  g_signal_emit_by_name (find_button (panel, "Add as an Argument", 0), "clicked");
  wait_for_list_box_rows (panel, "argument-suggestions", 0);
  pros = dossier_arguments_panel_get_column (DOSSIER_ARGUMENTS_PANEL (panel), DOSSIER_POLARITY_PRO);
  cons = dossier_arguments_panel_get_column (DOSSIER_ARGUMENTS_PANEL (panel), DOSSIER_POLARITY_CON);
  g_assert_cmpuint (g_list_model_get_n_items (pros), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (cons), ==, 0);
  {
    g_autoptr(DossierArgument) first = g_list_model_get_item (pros, 0);

    g_assert_cmpuint (dossier_argument_get_n_evidence (first), ==, 1);
  }
  g_assert_cmpuint (count_rows (suggestions), ==, 0);

  /* Undo brings the last suggestion back. */
  undo (f->project);
  wait_for_list_box_rows (panel, "argument-suggestions", 1);
  g_assert_cmpuint (g_list_model_get_n_items (pros), ==, 1);

  /* Dismissed by another path than the panel's button (the core, as the
   * command line does), it goes from the panel; undone, it comes back. */
  {
    g_autoptr(GPtrArray) left = dossier_project_suggest_arguments (f->project, f->doc, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (left->len, ==, 1);
    g_assert_true (dossier_project_dismiss_argument_suggestions (f->project, f->doc,
                                                                 (DossierArgumentSuggestion **) left->pdata,
                                                                 left->len, &error));
    g_assert_no_error (error);
  }
  wait_for_list_box_rows (panel, "argument-suggestions", 0);
  undo (f->project);
  wait_for_list_box_rows (panel, "argument-suggestions", 1);
  g_assert_cmpuint (g_list_model_get_n_items (pros), ==, 1);

  close_window (window);
}

/* Accepted before there is a question: the panel asks for one (its
 * popover opens), and the suggestions go to the question typed there;
 * closed without one, nothing is added, not even to a later question. */
static void
test_arguments_suggestions_ask_question (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *entry, *popover;
  GtkWidget *panel = show_arguments_suggested (f, &window);
  GListModel *pros, *arguments = dossier_project_get_arguments (f->project);

  entry = find_entry (panel, "Should the city…?");
  popover = gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER);
  g_assert_false (gtk_widget_get_visible (popover));

  /* Closed without a question: nothing added, now or later. */
  g_signal_emit_by_name (find_button (panel, "Add as an Argument", 0), "clicked");
  flush_events ();
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
  flush_events ();
  dossier_project_add_question (f->project, "A question from elsewhere", &error);
  g_assert_no_error (error);
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (arguments), ==, 0);
  undo (f->project);

  /* The first suggestion, then a question typed: it is added to that
   * question, citing its list item. */
  g_signal_emit_by_name (find_button (panel, "Add as an Argument", 0), "clicked");
  flush_events ();
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_cmpuint (g_list_model_get_n_items (arguments), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Should Lindenport raise ferry fares?");
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_questions (f->project)), ==, 1);
  pros = dossier_arguments_panel_get_column (DOSSIER_ARGUMENTS_PANEL (panel), DOSSIER_POLARITY_PRO);
  g_assert_cmpuint (g_list_model_get_n_items (arguments), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pros), ==, 1);
  {
    g_autoptr(DossierArgument) first = g_list_model_get_item (pros, 0);

    g_assert_cmpuint (dossier_argument_get_n_evidence (first), ==, 1);
  }
  wait_for_list_box_rows (panel, "argument-suggestions", 2);

  close_window (window);
}

/* In a sidebar 300 px wide the editor's Kind and Stance show their value
 * whole (under the row's title), and their lists every choice whole, the
 * one chosen checked: “Head of state or official” (“Jefe de Estado o
 * cargo público”) was cut short in both. */
static void
test_stakeholders_kind_whole (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  GtkWidget *window, *list_view;
  const char *rows[] = { "Kind", "Stance" };

  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  window = show_in_window (panel, 300, 900);
  list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);
  /* Odile Brant, a head of state or official. */
  g_signal_emit_by_name (list_view, "activate", 1);
  flush_events ();
  g_assert_cmpint (dossier_stakeholders_panel_get_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel)), ==, f->brant);

  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (panel, ADW_TYPE_COMBO_ROW, "Kind"))),
                    ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    assert_combo_row_whole (ADW_COMBO_ROW (find_row (panel, ADW_TYPE_COMBO_ROW, rows[r])));

  /* Another kind chosen: checked in its list in its turn. */
  {
    AdwComboRow *row = ADW_COMBO_ROW (find_row (panel, ADW_TYPE_COMBO_ROW, "Kind"));

    adw_combo_row_set_selected (row, DOSSIER_STAKEHOLDER_ARMED_GROUP);
    flush_events ();
    g_assert_cmpint (dossier_stakeholder_get_kind (dossier_project_get_stakeholder (f->project, f->brant)), ==,
                     DOSSIER_STAKEHOLDER_ARMED_GROUP);
    assert_combo_row_whole (row);

    /* A person, listed after the officials. */
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                                 DOSSIER_STAKEHOLDER_PERSON), ==, "Person");
    adw_combo_row_set_selected (row, DOSSIER_STAKEHOLDER_PERSON);
    flush_events ();
    g_assert_cmpint (dossier_stakeholder_get_kind (dossier_project_get_stakeholder (f->project, f->brant)), ==,
                     DOSSIER_STAKEHOLDER_PERSON);
  }

  close_window (window);
}

/* Closes the fixture's project, deletes its article as a file edited by
 * hand would (foreign keys off: the article's highlights, evidence and
 * mention counts stay) and opens it again. */
static void
delete_article_by_hand (Fixture *f)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_keys = OFF;"
                                          "DELETE FROM documents WHERE id = %" G_GINT64_FORMAT,
                                          f->doc);
  g_autoptr(GError) error = NULL;

  dossier_project_close (f->project);
  g_clear_object (&f->project);
  test_sql_exec (f->path, sql);
  f->project = dossier_project_open (f->path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
}

/* The file is unsound on purpose: closed here, not checked. */
static void
close_unsound_project (Fixture *f)
{
  dossier_project_close (f->project);
  g_clear_object (&f->project);
}

/* A document a file made by hand deleted leaves its mention counts: the
 * editor counted them ("5 mentions in 2 documents") and listed no
 * mention at all, the list having failed on the missing document. */
static void
test_stakeholders_document_deleted (Fixture       *f,
                                    gconstpointer  data)
{
  GtkWidget *panel, *window;
  AdwPreferencesGroup *mentions;
  gint64 second;

  second = add_document (f->project, DOSSIER_FORMAT_MARKDOWN,
                         "The Ferry Board met again on Friday.\n\nThe Ferry Board said nothing.\n",
                         "again.md");
  g_assert_cmpuint (dossier_stakeholder_get_n_documents (dossier_project_get_stakeholder (f->project, f->board)),
                    ==, 2);
  delete_article_by_hand (f);

  panel = dossier_stakeholders_panel_new ();
  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  dossier_stakeholders_panel_set_document_id (DOSSIER_STAKEHOLDERS_PANEL (panel), second);
  window = show_in_window (panel, 420, 900);
  g_signal_emit_by_name (find_descendant (panel, GTK_TYPE_LIST_VIEW), "activate", 0);
  flush_events ();
  g_assert_cmpint (dossier_stakeholders_panel_get_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel)), ==, f->board);

  mentions = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (find_list_box (panel, "mentions-list")),
                                                             ADW_TYPE_PREFERENCES_GROUP));
  g_assert_cmpstr (adw_preferences_group_get_description (mentions), ==,
                   "2 mentions in 1 document · no evidence\n"
                   "2 mentions are not highlighted yet: read them in context.");
  g_assert_cmpuint (count_rows (find_list_box (panel, "mentions-list")), ==, 2);

  close_window (window);
  close_unsound_project (f);
}

/* Whether a wrapping label below @widget (a row's counts) reads @text. */
static gboolean
has_wrap_label (GtkWidget  *widget,
                const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_descendants (widget, DOSSIER_TYPE_WRAP_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (dossier_wrap_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;
  return FALSE;
}

/* The counts a file stores are what a file made by hand sets: a row
 * said "999 mentions in 1 document" for a name said three times. Counted
 * from the text at open, read-only (the file untouched) and for writing. */
static void
test_stakeholders_mentions_stored_wrong (Fixture       *f,
                                         gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE stakeholder_mentions SET count = 999 "
                                          "WHERE stakeholder = %" G_GINT64_FORMAT,
                                          f->board);
  g_autofree char *stored = g_strdup_printf ("SELECT count FROM stakeholder_mentions "
                                             "WHERE stakeholder = %" G_GINT64_FORMAT, f->board);

  dossier_project_close (f->project);
  g_clear_object (&f->project);
  test_sql_exec (f->path, sql);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *panel, *window;

      f->project = dossier_project_open (f->path, i == 0 ? DOSSIER_OPEN_READ_ONLY
                                                         : DOSSIER_OPEN_READ_WRITE, &error);
      g_assert_no_error (error);
      panel = dossier_stakeholders_panel_new ();
      dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
      window = show_in_window (panel, 420, 900);
      g_assert_true (has_wrap_label (panel, "3 mentions in 1 document · no evidence"));
      g_assert_false (has_wrap_label (panel, "999 mentions in 1 document · no evidence"));
      close_window (window);
      g_assert_cmpint (test_sql_int (f->path, stored), ==, i == 0 ? 999 : 3);
      if (i == 0)
        {
          dossier_project_close (f->project);
          g_clear_object (&f->project);
          g_assert_cmpint (test_sql_int (f->path, stored), ==, 999);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/dossier/stakeholders-panel/document-deleted", Fixture, NULL,
              fixture_set_up, test_stakeholders_document_deleted, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/mentions-stored-wrong", Fixture, NULL,
              fixture_set_up, test_stakeholders_mentions_stored_wrong, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/edit", Fixture, NULL,
              fixture_set_up, test_stakeholders_edit, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/add-and-suggest", Fixture, NULL,
              fixture_set_up, test_stakeholders_add_and_suggest, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/empty-text", Fixture, NULL,
              fixture_set_up, test_stakeholders_empty_text, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/suggestions-fill", Fixture, NULL,
              fixture_set_up, test_stakeholders_suggestions_fill, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/suggestions-share", Fixture, NULL,
              fixture_set_up, test_stakeholders_suggestions_share, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/grid-export", Fixture, NULL,
              fixture_set_up, test_stakeholders_grid_export, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/add-from-selection", Fixture, NULL,
              fixture_set_up, test_stakeholders_add_from_selection, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/add-guesses-kind", Fixture, NULL,
              fixture_set_up, test_stakeholders_add_guesses_kind, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/add-focus", Fixture, NULL,
              fixture_set_up, test_stakeholders_add_focus, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/order-in-view", Fixture, NULL,
              fixture_set_up, test_stakeholders_order_in_view, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/move-keeps-row", Fixture, NULL,
              fixture_set_up, test_stakeholders_move_keeps_row, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/delete-key", Fixture, NULL,
              fixture_set_up, test_stakeholders_delete_key, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/delete-button-focus", Fixture, NULL,
              fixture_set_up, test_stakeholders_delete_button_focus, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/ring", Fixture, NULL,
              fixture_set_up, test_stakeholders_ring, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/row-menu", Fixture, NULL,
              fixture_set_up, test_stakeholders_row_menu, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/kind-whole", Fixture, NULL,
              fixture_set_up, test_stakeholders_kind_whole, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/tooltips", Fixture, NULL,
              fixture_set_up, test_stakeholders_tooltips, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/order", Fixture, NULL,
              fixture_set_up, test_stakeholders_order, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/suggested-alias", Fixture, NULL,
              fixture_set_up, test_stakeholders_suggested_alias, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/suggested-alias-narrow", Fixture, NULL,
              fixture_set_up, test_stakeholders_suggested_alias_narrow, fixture_tear_down);
  g_test_add ("/dossier/stakeholders-panel/merge-and-dismiss", Fixture, NULL,
              fixture_set_up, test_stakeholders_merge_and_dismiss, fixture_tear_down);
  g_test_add ("/dossier/arguments-panel/columns", Fixture, NULL,
              fixture_set_up, test_arguments_columns, fixture_tear_down);
  g_test_add ("/dossier/arguments-panel/suggestions", Fixture, NULL,
              fixture_set_up, test_arguments_suggestions, fixture_tear_down);
  g_test_add ("/dossier/arguments-panel/suggestions-ask-question", Fixture, NULL,
              fixture_set_up, test_arguments_suggestions_ask_question, fixture_tear_down);

  return g_test_run ();
}
