/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-evidence.c — passages added as evidence from where a reader finds
 * them: "Add Selection as Evidence…" in the reader (by its action and
 * keys only: search as you type, Up/Down, Enter), "Add as Evidence…" on a
 * highlight (what it backs already says so), a highlight card dropped on
 * a stakeholder's row, and the power/interest grid's caption following an
 * edit of the selected stakeholder. Each addition is one undo step; a
 * toast names what it was added to. Runs under xvfb-run and
 * dbus-run-session (suite "ui"). */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-argument-row.h"
#include "dossier-evidence-picker.h"
#include "dossier-highlight-card.h"
#include "dossier-power-grid.h"
#include "dossier-reader-page-private.h"
#include "dossier-stakeholder-row.h"
#include "dossier-stakeholders-panel.h"
#include "dossier-window-private.h"
#include "dossier-wrap-label.h"
#include "ui-test-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  gint64         document_id;
  gint64         council;      /* stakeholders */
  gint64         marquez;
  gint64         question;
  gint64         pro;          /* arguments */
  gint64         con;
  DossierWindow *window;
} Fixture;

static const char article[] =
  "# Harbour Ferry Fares Rise\n"
  "\n"
  "The city council voted on Tuesday to raise ferry fares by ten percent, citing the cost of "
  "diesel and two new boats for the café-lined north pier, and the harbour master said that "
  "the older boats would be sold to a company on the other side of the bay before the summer.\n"
  "\n"
  "Commuters on low incomes will pay “far more than before”, said Zoë Márquez, who crosses "
  "twice a day; the operator answered that season tickets will not change until the spring.\n";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = test_create_project ("Ferries", "Ferry Fares", &f->dir, &f->path);
  f->document_id = add_document (project, DOSSIER_FORMAT_MARKDOWN, article, "ferries.md");
  f->council = dossier_project_add_stakeholder (project, "City Council", NULL,
                                                DOSSIER_STAKEHOLDER_GOVERNMENT, &error);
  g_assert_no_error (error);
  f->marquez = dossier_project_add_stakeholder (project, "Zoë Márquez", NULL,
                                                DOSSIER_STAKEHOLDER_PUBLIC, &error);
  g_assert_no_error (error);
  f->question = dossier_project_add_question (project, "Should the fares rise?", &error);
  g_assert_no_error (error);
  f->pro = dossier_project_add_argument (project, f->question, DOSSIER_POLARITY_PRO,
                                         "New boats cost money", 0, 3, &error);
  g_assert_no_error (error);
  f->con = dossier_project_add_argument (project, f->question, DOSSIER_POLARITY_CON,
                                         "Commuters cannot pay more", 0, 4, &error);
  g_assert_no_error (error);
  dossier_project_close (project);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  finish_reader_window (&f->window, &f->dir, &f->path);
}

static DossierProject *
project_of (Fixture *f)
{
  return dossier_window_get_project (f->window);
}

static guint
n_evidence (GPtrArray *evidence)
{
  return evidence != NULL ? evidence->len : 0;
}

static GPtrArray *
stakeholder_evidence (DossierProject *project,
                      gint64          stakeholder_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *evidence = dossier_project_list_stakeholder_evidence (project, stakeholder_id, &error);

  g_assert_no_error (error);
  return evidence;
}

static GPtrArray *
argument_evidence (DossierProject *project,
                   gint64          argument_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *evidence = dossier_project_list_argument_evidence (project, argument_id, &error);

  g_assert_no_error (error);
  return evidence;
}

static guint
n_highlights (Fixture *f)
{
  g_autoptr(GPtrArray) highlights = dossier_project_list_highlights (project_of (f), f->document_id, 0, NULL);

  return highlights->len;
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
type_into (DossierEvidencePicker *picker,
           const char            *text)
{
  gtk_editable_set_text (dossier_evidence_picker_get_entry (picker), text);
  flush_events ();
}

static const char *
highlighted_name (DossierEvidencePicker *picker)
{
  GObject *item = dossier_evidence_picker_get_highlighted (picker);

  if (DOSSIER_IS_STAKEHOLDER (item))
    return dossier_stakeholder_get_name (DOSSIER_STAKEHOLDER (item));
  if (DOSSIER_IS_ARGUMENT (item))
    return dossier_argument_get_statement (DOSSIER_ARGUMENT (item));
  return NULL;
}

/* The selection, by the keyboard only: Ctrl+Shift+E's action, a few
 * letters (accents aside), Down, Enter. The passage becomes a highlight
 * and evidence in one undo step; the toast names the stakeholder. */
static void
test_selection_by_keyboard (Fixture       *f,
                            gconstpointer  data)
{
  DossierReaderPage *page;
  DossierEvidencePicker *picker;
  GtkWidget *entry;
  gint64 start, end;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
  page = f->window->reader_page;

  /* Nothing selected: it says why instead of opening. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reader.add-evidence", NULL));
  flush_events ();
  wait_for_text (GTK_WIDGET (f->window), "Select a passage to add as evidence first");
  g_assert_true (page->evidence_picker == NULL || !gtk_widget_get_visible (page->evidence_picker));

  select_in_reader (f->window, f->document_id, "pay “far more than before”", &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reader.add-evidence", NULL));
  flush_events ();
  g_assert_nonnull (page->evidence_picker);
  g_assert_true (gtk_widget_get_visible (page->evidence_picker));
  picker = DOSSIER_EVIDENCE_PICKER (page->evidence_picker);
  entry = GTK_WIDGET (dossier_evidence_picker_get_entry (picker));
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_focus (entry) ||
                 gtk_widget_get_focus_child (entry) != NULL);

  /* Everything is listed: two stakeholders, then two arguments. */
  g_assert_cmpuint (dossier_evidence_picker_get_n_matches (picker), ==, 4);
  g_assert_cmpstr (highlighted_name (picker), ==, "City Council");

  /* Typing filters, case and accents aside; nothing matching says so. */
  type_into (picker, "zzz");
  g_assert_cmpuint (dossier_evidence_picker_get_n_matches (picker), ==, 0);
  g_assert_null (dossier_evidence_picker_get_highlighted (picker));
  type_into (picker, "MARQ");
  g_assert_cmpuint (dossier_evidence_picker_get_n_matches (picker), ==, 1);
  g_assert_cmpstr (highlighted_name (picker), ==, "Zoë Márquez");

  /* Up and Down move through the matches, from the entry. */
  type_into (picker, "");
  g_assert_true (press_key_on (entry, GDK_KEY_Down, 0));
  g_assert_cmpstr (highlighted_name (picker), ==, "Zoë Márquez");
  g_assert_true (press_key_on (entry, GDK_KEY_Down, 0));
  g_assert_cmpstr (highlighted_name (picker), ==, "New boats cost money");
  g_assert_true (press_key_on (entry, GDK_KEY_Up, 0));
  g_assert_cmpstr (highlighted_name (picker), ==, "Zoë Márquez");

  /* Enter adds it. */
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  g_assert_false (gtk_widget_get_visible (page->evidence_picker));
  wait_for_text (GTK_WIDGET (f->window), "Added as evidence for “Zoë Márquez”");
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project_of (f), f->marquez);

    g_assert_cmpuint (n_evidence (evidence), ==, 1);
    g_assert_cmpint (dossier_highlight_get_start (((DossierEvidence *) g_ptr_array_index (evidence, 0))->highlight),
                     ==, start);
    g_assert_cmpint (dossier_highlight_get_end (((DossierEvidence *) g_ptr_array_index (evidence, 0))->highlight),
                     ==, end);
  }
  g_assert_cmpuint (n_highlights (f), ==, 1);

  /* One undo step takes back the link and the highlight made for it. */
  undo (project_of (f));
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project_of (f), f->marquez);

    g_assert_cmpuint (n_evidence (evidence), ==, 0);
  }
  g_assert_cmpuint (n_highlights (f), ==, 0);
}

/* Whether a row shown below @widget has the "already cites this" mark. */
static gboolean
shows_cited_mark (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "object-select-symbolic") == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_cited_mark (child))
      return TRUE;
  return FALSE;
}

/* An argument shows its side and question and is found by either; a
 * highlight's "Add as Evidence…" says what it backs already, and adding
 * it there again changes nothing. */
static void
test_argument_and_highlight (Fixture       *f,
                             gconstpointer  data)
{
  DossierReaderPage *page;
  DossierEvidencePicker *picker;
  GtkWidget *entry;
  gint64 start, end, highlight_id;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
  page = f->window->reader_page;

  select_in_reader (f->window, f->document_id, "season tickets will not change", &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reader.add-evidence", NULL));
  flush_events ();
  picker = DOSSIER_EVIDENCE_PICKER (page->evidence_picker);
  entry = GTK_WIDGET (dossier_evidence_picker_get_entry (picker));

  /* By its side, as its caption begins: "con" lists the con alone, "pro"
   * the pro; a stakeholder by its kind. Neither word is in any name,
   * statement or question here. */
  type_into (picker, "con");
  g_assert_cmpuint (dossier_evidence_picker_get_n_matches (picker), ==, 1);
  g_assert_cmpstr (highlighted_name (picker), ==, "Commuters cannot pay more");
  type_into (picker, "PRO");
  g_assert_cmpuint (dossier_evidence_picker_get_n_matches (picker), ==, 1);
  g_assert_cmpstr (highlighted_name (picker), ==, "New boats cost money");
  type_into (picker, "government");
  g_assert_cmpuint (dossier_evidence_picker_get_n_matches (picker), ==, 1);
  g_assert_cmpstr (highlighted_name (picker), ==, "City Council");

  /* By its question: both arguments; by its statement: the one. */
  type_into (picker, "fares rise");
  g_assert_cmpuint (dossier_evidence_picker_get_n_matches (picker), ==, 2);
  type_into (picker, "commuters");
  g_assert_cmpuint (dossier_evidence_picker_get_n_matches (picker), ==, 1);
  g_assert_cmpstr (highlighted_name (picker), ==, "Commuters cannot pay more");
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  wait_for_text (GTK_WIDGET (f->window), "Added as evidence for “Commuters cannot pay more”");
  {
    g_autoptr(GPtrArray) evidence = argument_evidence (project_of (f), f->con);

    g_assert_cmpuint (n_evidence (evidence), ==, 1);
    highlight_id = dossier_highlight_get_id (((DossierEvidence *) g_ptr_array_index (evidence, 0))->highlight);
  }

  /* The same highlight from its menu: for the argument it backs, the
   * picker says so and adds nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reader.add-highlight-evidence", "x",
                                             highlight_id));
  flush_events ();
  g_assert_true (gtk_widget_get_visible (page->evidence_picker));
  type_into (picker, "commuters");
  g_assert_true (shows_cited_mark (page->evidence_picker));
  type_into (picker, "council");
  g_assert_false (shows_cited_mark (page->evidence_picker));
  type_into (picker, "commuters");
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  wait_for_text (GTK_WIDGET (f->window), "Already evidence for “Commuters cannot pay more”");
  {
    g_autoptr(GPtrArray) evidence = argument_evidence (project_of (f), f->con);

    g_assert_cmpuint (n_evidence (evidence), ==, 1);
  }

  /* Selecting exactly the highlight adds that highlight, not a copy. */
  select_in_reader (f->window, f->document_id, "season tickets will not change", &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reader.add-evidence", NULL));
  flush_events ();
  type_into (picker, "council");
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  wait_for_text (GTK_WIDGET (f->window), "Added as evidence for “City Council”");
  g_assert_cmpuint (n_highlights (f), ==, 1);
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project_of (f), f->council);

    g_assert_cmpuint (n_evidence (evidence), ==, 1);
    g_assert_cmpint (dossier_highlight_get_id (((DossierEvidence *) g_ptr_array_index (evidence, 0))->highlight),
                     ==, highlight_id);
  }
}

/* ---- New Stakeholder from the picker -------------------------------------------- */

static gboolean
popover_shown (gpointer popover)
{
  return popover != NULL && gtk_widget_get_mapped (popover);
}

static gboolean
popover_hidden (gpointer popover)
{
  return !gtk_widget_get_visible (popover);
}

/* Whether the picker's entry says @data, every key typed through X seen. */
typedef struct
{
  DossierEvidencePicker *picker;
  const char            *text;
} Typed;

static gboolean
entry_says (gpointer data)
{
  Typed *typed = data;

  return g_strcmp0 (gtk_editable_get_text (dossier_evidence_picker_get_entry (typed->picker)),
                    typed->text) == 0;
}

/* Types @text into the open picker through the X server, as a user does,
 * and waits until the entry has it all. */
static void
type_through_x (DossierEvidencePicker *picker,
                const char            *text)
{
  run_xdotool ((const char *[]) { "xdotool", "type", "--delay", "30", text, NULL });
  wait_until (entry_says, &(Typed) { picker, text }, "the entry to have the keys typed");
  flush_events ();
}

/* A key (xdotool's name) pressed through the X server where the keyboard
 * is: in the picker, which holds it while open. */
static void
key_through_x (const char *key)
{
  run_xdotool ((const char *[]) { "xdotool", "key", key, NULL });
  flush_events ();
}

static gboolean
new_row_highlighted (gpointer picker)
{
  gboolean highlighted = FALSE;

  dossier_evidence_picker_get_new_label (picker, &highlighted);
  return highlighted;
}

static gboolean
stakeholder_row_shown (gpointer data)
{
  FocusOn *on = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_descendants (on->widget, DOSSIER_TYPE_STAKEHOLDER_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      DossierStakeholder *s = dossier_row_get_item (g_ptr_array_index (rows, i));

      if (s != NULL && dossier_stakeholder_get_id (s) == on->id && gtk_widget_get_mapped (g_ptr_array_index (rows, i)))
        return TRUE;
    }
  return FALSE;
}

static void
redo (DossierProject *project)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_project_redo (project, &error));
  g_assert_no_error (error);
  flush_events ();
}

/* The stakeholder @id's evidence: one passage, [@start, @end). */
static void
assert_cites (DossierProject *project,
              gint64          id,
              gint64          start,
              gint64          end)
{
  g_autoptr(GPtrArray) evidence = stakeholder_evidence (project, id);
  DossierHighlight *cited;

  g_assert_cmpuint (n_evidence (evidence), ==, 1);
  cited = ((DossierEvidence *) g_ptr_array_index (evidence, 0))->highlight;
  g_assert_cmpint (dossier_highlight_get_start (cited), ==, start);
  g_assert_cmpint (dossier_highlight_get_end (cited), ==, end);
}

/* A person the article quotes, not a stakeholder yet: Ctrl+Shift+E, the
 * name typed, Enter on "New Stakeholder “…”" (the one row, so the one
 * highlighted). The stakeholder, the highlight and the link come in one
 * undo step, the toast names it, the Stakeholders panel lists it; undo
 * takes all three back, redo brings them again. All keys through X. */
static void
test_new_stakeholder_from_selection (Fixture       *f,
                                     gconstpointer  data)
{
  DossierReaderPage *page;
  DossierEvidencePicker *picker;
  DossierStakeholder *rudd;
  GtkWidget *panel;
  gboolean highlighted = FALSE;
  gint64 start, end, rudd_id;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1400);
  page = f->window->reader_page;
  panel = f->window->stakeholders_panel;
  adw_view_stack_set_visible_child (f->window->right_stack, panel);
  flush_events ();

  select_in_reader (f->window, f->document_id, "the harbour master said", &start, &end);
  keys_through_x (GTK_WIDGET (f->window), "ctrl+shift+e");
  wait_until (popover_shown, page->evidence_picker, "the evidence picker to open");
  picker = DOSSIER_EVIDENCE_PICKER (page->evidence_picker);
  g_assert_null (dossier_evidence_picker_get_new_label (picker, NULL));

  type_through_x (picker, "Tomas Rudd");
  g_assert_cmpuint (dossier_evidence_picker_get_n_matches (picker), ==, 0);
  g_assert_cmpstr (dossier_evidence_picker_get_new_label (picker, &highlighted), ==,
                   "New Stakeholder “Tomas Rudd”");
  g_assert_true (highlighted);
  g_assert_true (shows_text (page->evidence_picker, "New Stakeholder “Tomas Rudd”"));
  /* Down stays on it: the one row. */
  key_through_x ("Down");
  dossier_evidence_picker_get_new_label (picker, &highlighted);
  g_assert_true (highlighted);
  key_through_x ("Return");
  wait_until (popover_hidden, page->evidence_picker, "the evidence picker to close");
  wait_for_text (GTK_WIDGET (f->window), "Added as evidence for “Tomas Rudd”");

  rudd = dossier_project_find_stakeholder (project_of (f), "tomas rudd");
  g_assert_nonnull (rudd);
  rudd_id = dossier_stakeholder_get_id (rudd);
  g_assert_cmpstr (dossier_stakeholder_get_name (rudd), ==, "Tomas Rudd");
  /* The passage opens with his title. */
  g_assert_cmpint (dossier_stakeholder_get_kind (rudd), ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_stakeholders (project_of (f))), ==, 3);
  assert_cites (project_of (f), rudd_id, start, end);
  g_assert_cmpuint (n_highlights (f), ==, 1);
  wait_until (stakeholder_row_shown, &(FocusOn) { panel, rudd_id }, "the panel to list the new stakeholder");

  /* One step back: no stakeholder, no highlight. */
  undo (project_of (f));
  g_assert_null (dossier_project_find_stakeholder (project_of (f), "Tomas Rudd"));
  g_assert_null (dossier_project_get_stakeholder (project_of (f), rudd_id));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_stakeholders (project_of (f))), ==, 2);
  g_assert_cmpuint (n_highlights (f), ==, 0);
  g_assert_false (stakeholder_row_shown (&(FocusOn) { panel, rudd_id }));

  /* One step forward: all three again. */
  redo (project_of (f));
  rudd = dossier_project_get_stakeholder (project_of (f), rudd_id);
  g_assert_nonnull (rudd);
  g_assert_cmpstr (dossier_stakeholder_get_name (rudd), ==, "Tomas Rudd");
  assert_cites (project_of (f), rudd_id, start, end);
  g_assert_cmpuint (n_highlights (f), ==, 1);
  wait_until (stakeholder_row_shown, &(FocusOn) { panel, rudd_id }, "the panel to list the new stakeholder");
}

/* From a highlight's "Add as Evidence…": a text some rows contain lists
 * them first and highlights the first; Down moves to "New Stakeholder",
 * Enter creates it citing that highlight. Undo takes the stakeholder
 * and the link back, not the highlight, which was there before. */
static void
test_new_stakeholder_from_highlight (Fixture       *f,
                                     gconstpointer  data)
{
  DossierReaderPage *page;
  DossierEvidencePicker *picker;
  DossierStakeholder *council;
  g_autoptr(GError) error = NULL;
  gboolean highlighted = TRUE;
  gint64 tag_id, highlight_id, council_id, start, end;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1400);
  page = f->window->reader_page;
  tag_id = dossier_project_add_tag (project_of (f), "Harbour", 0, NULL, NULL, &error);
  g_assert_no_error (error);
  highlight_id = add_highlight (project_of (f), f->document_id, "the harbour master said", &tag_id, 1, NULL);
  find_text_range (project_of (f), f->document_id, "the harbour master said", &start, &end);
  flush_events ();
  g_assert_cmpuint (n_highlights (f), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reader.add-highlight-evidence", "x",
                                             highlight_id));
  wait_until (popover_shown, page->evidence_picker, "the evidence picker to open");
  picker = DOSSIER_EVIDENCE_PICKER (page->evidence_picker);

  /* "City Council" contains it: listed and highlighted first. */
  type_through_x (picker, "Council");
  g_assert_cmpuint (dossier_evidence_picker_get_n_matches (picker), ==, 1);
  g_assert_cmpstr (highlighted_name (picker), ==, "City Council");
  g_assert_cmpstr (dossier_evidence_picker_get_new_label (picker, &highlighted), ==,
                   "New Stakeholder “Council”");
  g_assert_false (highlighted);
  key_through_x ("Down");
  wait_until (new_row_highlighted, picker, "Down to reach the New Stakeholder row");
  g_assert_null (dossier_evidence_picker_get_highlighted (picker));
  key_through_x ("Return");
  wait_until (popover_hidden, page->evidence_picker, "the evidence picker to close");
  wait_for_text (GTK_WIDGET (f->window), "Added as evidence for “Council”");

  council = dossier_project_find_stakeholder (project_of (f), "Council");
  g_assert_nonnull (council);
  council_id = dossier_stakeholder_get_id (council);
  g_assert_cmpint (council_id, !=, f->council);
  g_assert_cmpint (dossier_stakeholder_get_kind (council), ==, DOSSIER_STAKEHOLDER_GOVERNMENT);
  assert_cites (project_of (f), council_id, start, end);
  g_assert_cmpuint (n_highlights (f), ==, 1);
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project_of (f), council_id);

    g_assert_cmpint (dossier_highlight_get_id (((DossierEvidence *) g_ptr_array_index (evidence, 0))->highlight),
                     ==, highlight_id);
  }
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project_of (f), f->council);

    g_assert_cmpuint (n_evidence (evidence), ==, 0);
  }

  undo (project_of (f));
  g_assert_null (dossier_project_get_stakeholder (project_of (f), council_id));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_stakeholders (project_of (f))), ==, 2);
  g_assert_cmpuint (n_highlights (f), ==, 1);

  redo (project_of (f));
  g_assert_nonnull (dossier_project_get_stakeholder (project_of (f), council_id));
  assert_cites (project_of (f), council_id, start, end);
}

/* A name the project has (case and accents aside, or as an alias) offers
 * that stakeholder, highlighted, and no New Stakeholder row. */
static void
test_new_stakeholder_name_taken (Fixture       *f,
                                 gconstpointer  data)
{
  DossierReaderPage *page;
  DossierEvidencePicker *picker;
  g_autoptr(GError) error = NULL;
  const char *aliases[] = { "Harbour Authority", NULL };
  gint64 start, end;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1400);
  page = f->window->reader_page;
  g_assert_true (dossier_project_set_stakeholder_aliases (project_of (f), f->council, aliases, &error));
  g_assert_no_error (error);

  select_in_reader (f->window, f->document_id, "the harbour master said", &start, &end);
  keys_through_x (GTK_WIDGET (f->window), "ctrl+shift+e");
  wait_until (popover_shown, page->evidence_picker, "the evidence picker to open");
  picker = DOSSIER_EVIDENCE_PICKER (page->evidence_picker);

  type_through_x (picker, "zoe marquez");
  g_assert_null (dossier_evidence_picker_get_new_label (picker, NULL));
  g_assert_cmpuint (dossier_evidence_picker_get_n_matches (picker), ==, 1);
  g_assert_cmpstr (highlighted_name (picker), ==, "Zoë Márquez");

  type_into (picker, "");
  type_through_x (picker, "HARBOUR authority");
  g_assert_null (dossier_evidence_picker_get_new_label (picker, NULL));
  g_assert_cmpstr (highlighted_name (picker), ==, "City Council");
  key_through_x ("Escape");
  wait_until (popover_hidden, page->evidence_picker, "the evidence picker to close");
}

/* A stakeholder added, renamed or taken back elsewhere while the picker is
 * open (another window's action, an undo): the list and the New
 * Stakeholder row follow at once, so Enter never meets the core's "already
 * a stakeholder" — it adds the passage to the one now called so. */
static void
test_new_stakeholder_follows_names (Fixture       *f,
                                    gconstpointer  data)
{
  DossierReaderPage *page;
  DossierEvidencePicker *picker;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  gint64 start, end, rudd;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1400);
  page = f->window->reader_page;
  select_in_reader (f->window, f->document_id, "the harbour master said", &start, &end);
  keys_through_x (GTK_WIDGET (f->window), "ctrl+shift+e");
  wait_until (popover_shown, page->evidence_picker, "the evidence picker to open");
  picker = DOSSIER_EVIDENCE_PICKER (page->evidence_picker);

  /* Added meanwhile: its row, highlighted, instead of the New row. */
  type_through_x (picker, "Tomas Rudd");
  g_assert_cmpstr (dossier_evidence_picker_get_new_label (picker, NULL), ==, "New Stakeholder “Tomas Rudd”");
  g_assert_cmpuint (dossier_evidence_picker_get_n_matches (picker), ==, 0);
  rudd = dossier_project_add_stakeholder (project_of (f), "Tomás Rudd", NULL, DOSSIER_STAKEHOLDER_OFFICIAL,
                                          &error);
  g_assert_no_error (error);
  flush_events ();
  g_assert_null (dossier_evidence_picker_get_new_label (picker, NULL));
  g_assert_cmpuint (dossier_evidence_picker_get_n_matches (picker), ==, 1);
  g_assert_cmpstr (highlighted_name (picker), ==, "Tomás Rudd");

  /* Taken back by an undo: offered again. */
  undo (project_of (f));
  g_assert_cmpstr (dossier_evidence_picker_get_new_label (picker, NULL), ==, "New Stakeholder “Tomas Rudd”");
  g_assert_cmpuint (dossier_evidence_picker_get_n_matches (picker), ==, 0);
  g_assert_null (dossier_project_get_stakeholder (project_of (f), rudd));

  /* Renamed meanwhile to the name typed: Enter cites it. */
  type_into (picker, "");
  type_through_x (picker, "Harbour Board");
  g_assert_nonnull (dossier_evidence_picker_get_new_label (picker, NULL));
  g_assert_true (dossier_project_set_stakeholder_name (project_of (f), f->council, "Harbour Board", &error));
  g_assert_no_error (error);
  flush_events ();
  g_assert_null (dossier_evidence_picker_get_new_label (picker, NULL));
  g_assert_cmpstr (highlighted_name (picker), ==, "Harbour Board");
  g_signal_emit_by_name (dossier_evidence_picker_get_entry (picker), "activate");
  flush_events ();
  wait_until (popover_hidden, page->evidence_picker, "the evidence picker to close");
  evidence = stakeholder_evidence (project_of (f), f->council);
  g_assert_cmpuint (n_evidence (evidence), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_stakeholders (project_of (f))), ==, 2);
}

/* ---- the Stakeholders panel ----------------------------------------------------- */

static DossierProject *
open_project (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  DossierProject *project = dossier_project_open (f->path, DOSSIER_OPEN_READ_WRITE, &error);

  g_assert_no_error (error);
  return project;
}

static GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *found)
{
  if (DOSSIER_IS_STAKEHOLDER_ROW (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, found);
}

/* Drops @highlight at the middle of the row of @stakeholder_id; what the
 * drop target answered. */
static gboolean
drop_on_row (GtkWidget        *list_view,
             gint64            stakeholder_id,
             DossierHighlight *highlight)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkDropTarget *drop = drop_target_of (list_view);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (drop);
  collect_rows (list_view, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      DossierStakeholder *s = dossier_row_get_item (DOSSIER_ROW (row));
      graphene_point_t point;

      if (s == NULL || dossier_stakeholder_get_id (s) != stakeholder_id)
        continue;
      g_assert_true (gtk_widget_compute_point (row, list_view,
                                               &GRAPHENE_POINT_INIT (gtk_widget_get_width (row) / 2.f,
                                                                     gtk_widget_get_height (row) / 2.f),
                                               &point));
      g_value_init (&value, DOSSIER_TYPE_HIGHLIGHT);
      g_value_set_object (&value, highlight);
      g_signal_emit_by_name (drop, "drop", &value, (double) point.x, (double) point.y, &accepted);
      flush_events ();
      return accepted;
    }
  g_error ("no row for stakeholder %" G_GINT64_FORMAT, stakeholder_id);
  return FALSE;
}

/* ---- from a highlight card ------------------------------------------------------- */

typedef struct
{
  GtkWidget *root;
  gint64     highlight_id;
  GtkWidget *card;          /* found */
} CardSearch;

static void
find_card (GtkWidget  *widget,
           CardSearch *search)
{
  if (DOSSIER_IS_HIGHLIGHT_CARD (widget) && gtk_widget_get_mapped (widget))
    {
      DossierHighlight *h = dossier_row_get_item (DOSSIER_ROW (widget));

      if (h != NULL && dossier_highlight_get_id (h) == search->highlight_id)
        search->card = widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && search->card == NULL;
       child = gtk_widget_get_next_sibling (child))
    find_card (child, search);
}

static gboolean
card_shown (gpointer data)
{
  CardSearch *search = data;

  search->card = NULL;
  find_card (search->root, search);
  return search->card != NULL;
}

/* The card of @highlight_id in the highlights panel, once it is shown. */
static GtkWidget *
wait_for_card (Fixture *f,
               gint64   highlight_id)
{
  CardSearch search = { GTK_WIDGET (f->window), highlight_id, NULL };

  wait_until (card_shown, &search, "the highlight's card");
  return search.card;
}

/* Whether the window's focus is in @widget. */
static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Whether the window's focus is on @card's row (or in it). */
static gboolean
focus_on_card_row (GtkWidget *card)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (card));

  return focus != NULL && (gtk_widget_is_ancestor (card, focus) || gtk_widget_is_ancestor (focus, card));
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* A card's "Add as Evidence…" in the window: the picker opens by the card
 * with the focus in it, Enter adds the highlight, and closing it (Enter or
 * Escape) gives the focus back to the card's row at once, so that the
 * window, closed right after, lets go of the picker and the project. */
static void
test_from_card (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DossierProject *project;
  DossierEvidencePicker *picker;
  GtkWidget *card, *entry;
  gpointer project_alive, picker_alive;
  gint64 tag_id, highlight_id;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
  project = project_of (f);
  tag_id = dossier_project_add_tag (project, "Voices", 0, "#e01b24", NULL, &error);
  g_assert_no_error (error);
  highlight_id = add_highlight (project, f->document_id, "far more than before", &tag_id, 1, NULL);

  card = wait_for_card (f, highlight_id);
  g_assert_true (gtk_widget_activate_action (card, "card.add-evidence", NULL));
  picker = DOSSIER_EVIDENCE_PICKER (find_descendant (card, DOSSIER_TYPE_EVIDENCE_PICKER));
  g_assert_nonnull (picker);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker)));
  wait_until ((TestCondition) has_focus_within, picker, "the picker to take the focus");
  entry = GTK_WIDGET (dossier_evidence_picker_get_entry (picker));

  /* A few letters and Enter: the highlight is her evidence. */
  type_into (picker, "marq");
  g_assert_cmpstr (highlighted_name (picker), ==, "Zoë Márquez");
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
  g_assert_false (has_focus_within (GTK_WIDGET (picker)));
  g_assert_true (focus_on_card_row (card));
  wait_for_text (GTK_WIDGET (f->window), "Added as evidence for “Zoë Márquez”");
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project, f->marquez);

    g_assert_cmpuint (n_evidence (evidence), ==, 1);
    g_assert_cmpint (dossier_highlight_get_id (((DossierEvidence *) g_ptr_array_index (evidence, 0))->highlight),
                     ==, highlight_id);
  }

  /* Again: it says what the highlight backs already; Escape closes it. */
  card = wait_for_card (f, highlight_id);
  g_assert_true (gtk_widget_activate_action (card, "card.add-evidence", NULL));
  picker = DOSSIER_EVIDENCE_PICKER (find_descendant (card, DOSSIER_TYPE_EVIDENCE_PICKER));
  wait_until ((TestCondition) has_focus_within, picker, "the picker to take the focus");
  type_into (picker, "marq");
  g_assert_true (shows_cited_mark (GTK_WIDGET (picker)));
  entry = GTK_WIDGET (dossier_evidence_picker_get_entry (picker));
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
  g_assert_true (focus_on_card_row (card));

  /* The window closed at once, before its next frame: nothing is kept. */
  project_alive = project;
  picker_alive = picker;
  g_object_add_weak_pointer (G_OBJECT (project), &project_alive);
  g_object_add_weak_pointer (G_OBJECT (picker), &picker_alive);
  close_reader_window (&f->window);
  wait_until (is_null, &picker_alive, "the evidence picker to be finalized");
  wait_until (is_null, &project_alive, "the project to be finalized");
}

/* A highlight card dropped on a stakeholder's row is its evidence (one
 * undo step, a toast); dropped again, the toast says it is already. */
static void
test_drop_on_stakeholder (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(DossierProject) project = open_project (f);
  g_autoptr(DossierHighlight) highlight = NULL;
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *list_view;
  gint64 highlight_id, tag_id;

  tag_id = dossier_project_add_tag (project, "Voices", 0, "#e01b24", NULL, &error);
  g_assert_no_error (error);
  highlight_id = add_highlight (project, f->document_id, "Zoë Márquez", &tag_id, 1, NULL);
  highlight = dossier_project_get_highlight (project, highlight_id, NULL);
  dossier_panel_set_project (DOSSIER_PANEL (panel), project);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), panel);
  window = show_in_window (overlay, 400, 700);
  list_view = find_descendant (panel, GTK_TYPE_LIST_VIEW);

  g_assert_true (drop_on_row (list_view, f->marquez, highlight));
  wait_for_text (window, "Added as evidence for “Zoë Márquez”");
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project, f->marquez);
    g_autoptr(GPtrArray) other = stakeholder_evidence (project, f->council);

    g_assert_cmpuint (n_evidence (evidence), ==, 1);
    g_assert_cmpuint (n_evidence (other), ==, 0);
  }

  /* Read: the next toast need not wait for this one to time out. */
  dismiss_toasts (overlay);
  g_assert_false (drop_on_row (list_view, f->marquez, highlight));
  wait_for_text (window, "Already evidence for “Zoë Márquez”");
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project, f->marquez);

    g_assert_cmpuint (n_evidence (evidence), ==, 1);
  }

  undo (project);
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project, f->marquez);

    g_assert_cmpuint (n_evidence (evidence), ==, 0);
  }
  /* The highlight was there before: undo leaves it. */
  g_assert_nonnull (dossier_project_get_highlight (project, highlight_id, NULL));

  close_window (window);
}

/* Drags @highlight over (@x, @y) of @grid and drops it there: what the
 * drop target answered to each, and the dot lit meanwhile. */
static gboolean
drop_on_grid (GtkWidget        *grid,
              double            x,
              double            y,
              DossierHighlight *highlight,
              GdkDragAction    *motion,
              gint64           *lit)
{
  GtkDropTarget *drop = drop_target_of (grid);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (drop);
  g_signal_emit_by_name (drop, "motion", x, y, motion);
  *lit = dossier_power_grid_get_drop_id (DOSSIER_POWER_GRID (grid));
  g_value_init (&value, DOSSIER_TYPE_HIGHLIGHT);
  g_value_set_object (&value, highlight);
  g_signal_emit_by_name (drop, "drop", &value, x, y, &accepted);
  flush_events ();
  g_assert_cmpint (dossier_power_grid_get_drop_id (DOSSIER_POWER_GRID (grid)), ==, 0);
  return accepted;
}

static gboolean
grid_laid_out (gpointer grid)
{
  return dossier_power_grid_get_layout (grid) != NULL;
}

/* Shows @project's stakeholders on the grid in a window with a toast
 * overlay; the grid. */
static GtkWidget *
show_grid (DossierProject  *project,
           GtkWidget      **window)
{
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  dossier_panel_set_project (DOSSIER_PANEL (panel), project);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), panel);
  *window = show_in_window (overlay, 400, 700);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_toggle (panel, "Power/Interest Grid")), TRUE);
  flush_events ();
  wait_until (grid_laid_out, find_descendant (panel, DOSSIER_TYPE_POWER_GRID), "the grid's layout");
  return find_descendant (panel, DOSSIER_TYPE_POWER_GRID);
}

/* A highlight card dropped on a dot of the grid is evidence for the
 * stakeholder under the pointer, as on its row: one undo step, a toast,
 * "already" the second time; nothing on empty ground, nor in a project
 * open read-only. */
static void
test_drop_on_grid (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DossierProject) project = open_project (f);
  g_autoptr(DossierHighlight) highlight = NULL;
  g_autoptr(GError) error = NULL;
  const DossierGridLayout *layout;
  double x, y, council_x;
  GtkWidget *window, *grid;
  GdkDragAction motion = 0;
  gint64 highlight_id, tag_id, lit = 0;

  tag_id = dossier_project_add_tag (project, "Voices", 0, "#e01b24", NULL, &error);
  g_assert_no_error (error);
  highlight_id = add_highlight (project, f->document_id, "Zoë Márquez", &tag_id, 1, NULL);
  highlight = dossier_project_get_highlight (project, highlight_id, NULL);
  /* Apart on the grid: Márquez a key player, the council to be monitored. */
  g_assert_true (dossier_project_set_stakeholder_ratings (project, f->marquez, 5, 5, &error));
  g_assert_true (dossier_project_set_stakeholder_ratings (project, f->council, 1, 1, &error));
  g_assert_no_error (error);

  grid = show_grid (project, &window);
  layout = dossier_power_grid_get_layout (DOSSIER_POWER_GRID (grid));
  g_assert_nonnull (layout);
  g_assert_cmpuint (layout->n_places, ==, 2);
  /* The model's order: the council, Márquez. (The layout is made again
   * as evidence resizes a dot: where they are is kept, not the layout.) */
  x = layout->places[1].x;
  y = layout->places[1].y;
  council_x = layout->places[0].x;
  g_assert_cmpint (dossier_power_grid_get_id_at (DOSSIER_POWER_GRID (grid), x, y), ==, f->marquez);

  g_assert_true (drop_on_grid (grid, x, y, highlight, &motion, &lit));
  g_assert_cmpint (motion, ==, GDK_ACTION_COPY);
  g_assert_cmpint (lit, ==, f->marquez);
  wait_for_text (window, "Added as evidence for “Zoë Márquez”");
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project, f->marquez);
    g_autoptr(GPtrArray) other = stakeholder_evidence (project, f->council);

    g_assert_cmpuint (n_evidence (evidence), ==, 1);
    g_assert_cmpuint (n_evidence (other), ==, 0);
  }

  /* Again: said, not added twice (the first toast read, sent away: the
   * next need not wait for it to time out). */
  dismiss_toasts (grid);
  g_assert_false (drop_on_grid (grid, x, y, highlight, &motion, &lit));
  wait_for_text (window, "Already evidence for “Zoë Márquez”");
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project, f->marquez);

    g_assert_cmpuint (n_evidence (evidence), ==, 1);
  }

  /* Between the dots: refused, nothing lit. */
  g_assert_false (drop_on_grid (grid, (council_x + x) / 2, y, highlight, &motion, &lit));
  g_assert_cmpint (motion, ==, 0);
  g_assert_cmpint (lit, ==, 0);

  /* One undo step takes it away, and leaves the highlight. */
  undo (project);
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project, f->marquez);

    g_assert_cmpuint (n_evidence (evidence), ==, 0);
  }
  g_assert_nonnull (dossier_project_get_highlight (project, highlight_id, NULL));
  close_window (window);

  /* Read-only: no dot takes it. */
  dossier_project_close (project);
  g_clear_object (&project);
  project = dossier_project_open (f->path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  grid = show_grid (project, &window);
  layout = dossier_power_grid_get_layout (DOSSIER_POWER_GRID (grid));
  x = layout->places[1].x;
  y = layout->places[1].y;
  g_assert_false (drop_on_grid (grid, x, y, highlight, &motion, &lit));
  g_assert_cmpint (motion, ==, 0);
  g_assert_cmpint (lit, ==, 0);
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project, f->marquez);

    g_assert_cmpuint (n_evidence (evidence), ==, 0);
  }
  close_window (window);
}

/* The grid's caption describes the selected stakeholder as the project
 * holds it: after an edit of its ratings (from anywhere), again. */
static void
test_grid_caption_follows_edits (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(DossierProject) project = open_project (f);
  g_autoptr(GError) error = NULL;
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  GtkWidget *window, *grid, *toggle;
  DossierStakeholder *council;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  dossier_panel_set_project (DOSSIER_PANEL (panel), project);
  window = show_in_window (panel, 400, 700);
  toggle = find_toggle (panel, "Power/Interest Grid");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  flush_events ();
  grid = find_descendant (panel, DOSSIER_TYPE_POWER_GRID);
  dossier_power_grid_set_selected_id (DOSSIER_POWER_GRID (grid), f->council);
  flush_events ();

  council = dossier_project_get_stakeholder (project, f->council);
  before = dossier_grid_describe (council);
  g_assert_true (shows_text (panel, before));

  g_assert_true (dossier_project_set_stakeholder_ratings (project, f->council, 5, 5, &error));
  g_assert_no_error (error);
  flush_events ();
  after = dossier_grid_describe (council);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (shows_text (panel, after));
  g_assert_false (shows_text (panel, before));

  /* Undone, it says what it said. */
  undo (project);
  g_assert_true (shows_text (panel, before));

  close_window (window);
}

/* Whether @widget is a wrap label saying @text. */
static gboolean
wrap_label_says (GtkWidget     *widget,
                 gconstpointer  text)
{
  return DOSSIER_IS_WRAP_LABEL (widget) &&
         g_strcmp0 (dossier_wrap_label_get_text (DOSSIER_WRAP_LABEL (widget)), text) == 0;
}

/* Whether the row of @stakeholder_id in @panel's list says @text. */
static gboolean
row_says (GtkWidget  *panel,
          gint64      stakeholder_id,
          const char *text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (panel, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      DossierStakeholder *s = dossier_row_get_item (DOSSIER_ROW (row));

      if (s != NULL && dossier_stakeholder_get_id (s) == stakeholder_id)
        return find_matching (row, wrap_label_says, text) != NULL;
    }
  g_error ("no row for stakeholder %" G_GINT64_FORMAT, stakeholder_id);
  return FALSE;
}

/* Citing in the editor: the evidence gets its row, the mention the
 * passage covers leaves the unreviewed ones, the stakeholder's row in
 * the list counts it, and undo puts all back — each as the project
 * holds it. */
static void
test_cite_updates_editor (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(DossierProject) project = open_project (f);
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  DossierStakeholdersPanel *sp = DOSSIER_STAKEHOLDERS_PANEL (panel);
  GtkWidget *window;
  gint64 start, end;

  dossier_panel_set_project (DOSSIER_PANEL (panel), project);
  dossier_stakeholders_panel_set_document_id (sp, f->document_id);
  window = show_in_window (panel, 400, 800);
  dossier_stakeholders_panel_set_stakeholder_id (sp, f->council);
  flush_events ();
  wait_for_list_box_rows (panel, "mentions-list", 1);
  g_assert_cmpuint (count_list_box_rows (panel, "evidence-list"), ==, 0);

  /* Twice: the first cite lists the mentions again, the next one only
   * drops the row it covers. */
  find_text_range (project, f->document_id, "The city council voted", &start, &end);
  dossier_stakeholders_panel_set_selection (sp, start, end);
  g_assert_true (row_says (panel, f->council, "1 mention in 1 document · no evidence"));
  g_assert_true (dossier_stakeholders_panel_cite_selection (sp));
  wait_for_list_box_rows (panel, "evidence-list", 1);
  wait_for_list_box_rows (panel, "mentions-list", 0);
  g_assert_true (row_says (panel, f->council, "1 mention in 1 document · 1 piece of evidence"));
  g_assert_true (row_says (panel, f->marquez, "1 mention in 1 document · no evidence"));

  undo (project);
  wait_for_list_box_rows (panel, "evidence-list", 0);
  wait_for_list_box_rows (panel, "mentions-list", 1);
  g_assert_true (row_says (panel, f->council, "1 mention in 1 document · no evidence"));

  g_assert_true (dossier_stakeholders_panel_cite_selection (sp));
  wait_for_list_box_rows (panel, "evidence-list", 1);
  wait_for_list_box_rows (panel, "mentions-list", 0);
  {
    g_autoptr(GPtrArray) hits = dossier_project_list_unreviewed_mentions (project, f->council, NULL);

    g_assert_cmpuint (hits->len, ==, 0);
  }

  close_window (window);
}

/* Removing a highlight that is evidence removes the link in the same undo
 * step, and the toast says so. */
static void
test_remove_evidence_highlight (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DossierProject *project;
  gint64 tag_id, highlight_id, plain_id;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
  project = project_of (f);
  tag_id = dossier_project_add_tag (project, "Voices", 0, "#e01b24", NULL, &error);
  g_assert_no_error (error);
  highlight_id = add_highlight (project, f->document_id, "said Zoë Márquez", &tag_id, 1, NULL);
  plain_id = add_highlight (project, f->document_id, "city council", &tag_id, 1, NULL);
  g_assert_true (dossier_project_add_stakeholder_evidence (project, f->marquez, highlight_id, "",
                                                           DOSSIER_EVIDENCE_NONE, DOSSIER_STANCE_UNKNOWN, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.remove-highlight",
                                             "x", highlight_id));
  wait_for_text (GTK_WIDGET (f->window), "Highlight removed, and with it the evidence for “Zoë Márquez”");
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project, f->marquez);

    g_assert_cmpuint (n_evidence (evidence), ==, 0);
  }
  undo (project);
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project, f->marquez);

    g_assert_cmpuint (n_evidence (evidence), ==, 1);
  }
  g_assert_nonnull (dossier_project_get_highlight (project, highlight_id, NULL));

  /* One that backs nothing says only that it went. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.remove-highlight",
                                             "x", plain_id));
  wait_for_text (GTK_WIDGET (f->window), "Highlight removed");
  undo (project);

  /* Cited by briefing notes: the toast says how many cited it (each now
   * cites what cannot be verified). */
  {
    g_autoptr(DossierHighlight) h = dossier_project_get_highlight (project, highlight_id, NULL);
    g_autoptr(DossierHighlight) plain = dossier_project_get_highlight (project, plain_id, NULL);
    g_autofree char *both = g_strdup_printf ("Said [@%s], and [@%s].", dossier_highlight_get_uuid (h),
                                             dossier_highlight_get_uuid (plain));
    g_autofree char *one = g_strdup_printf ("Said [@%s].", dossier_highlight_get_uuid (h));

    dossier_project_add_briefing (project, "Both", NULL, 0, both, &error);
    g_assert_no_error (error);
    dossier_project_add_briefing (project, "One", NULL, 0, one, &error);
    g_assert_no_error (error);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.remove-highlight",
                                             "x", plain_id));
  wait_for_text (GTK_WIDGET (f->window), "Highlight removed; 1 briefing note cited it");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.remove-highlight",
                                             "x", highlight_id));
  wait_for_text (GTK_WIDGET (f->window),
                 "Highlight removed, and with it the evidence for “Zoë Márquez”; 2 briefing notes cited it");
}

/* ---- the mentions underline ------------------------------------------------------ */

static gboolean
underlined (Fixture    *f,
            const char *needle)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (
    dossier_document_view_get_text_view (dossier_window_get_document_view (f->window)));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                               "dossier-unreviewed-mention");
  GtkTextIter iter;
  gint64 start, end;

  find_text_range (project_of (f), f->document_id, needle, &start, &end);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start + 1);
  return tag != NULL && gtk_text_iter_has_tag (&iter, tag);
}

typedef struct
{
  Fixture    *f;
  const char *needle;
  gboolean    want;
} Underline;

static gboolean
underline_is (gpointer data)
{
  Underline *u = data;

  return underlined (u->f, u->needle) == u->want;
}

static void
wait_underline (Fixture    *f,
                const char *needle,
                gboolean    want)
{
  Underline u = { f, needle, want };

  wait_until (underline_is, &u, needle);
}

/* Off at first; the panel's toggle (view.show-mentions, remembered in
 * GSettings) underlines the mentions no highlight covers; a highlight
 * over one takes its line away; off again, none. */
static void
test_mentions_underline (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.dossier.Dossier");
  g_autoptr(GError) error = NULL;
  gint64 tag_id;

  g_settings_reset (settings, "show-mentions");
  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
  g_assert_false (dossier_reader_page_get_show_mentions (f->window->reader_page));
  g_assert_false (underlined (f, "Zoë Márquez"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "view.show-mentions", NULL));
  flush_events ();
  g_assert_true (g_settings_get_boolean (settings, "show-mentions"));
  g_assert_true (dossier_reader_page_get_show_mentions (f->window->reader_page));
  g_assert_true (underlined (f, "Zoë Márquez"));
  g_assert_true (underlined (f, "city council"));
  g_assert_false (underlined (f, "harbour master"));

  tag_id = dossier_project_add_tag (project_of (f), "Voices", 0, "#e01b24", NULL, &error);
  g_assert_no_error (error);
  add_highlight (project_of (f), f->document_id, "said Zoë Márquez", &tag_id, 1, NULL);
  wait_underline (f, "Zoë Márquez", FALSE);
  g_assert_true (underlined (f, "city council"));

  /* A new stakeholder's mentions are underlined as it is added. */
  dossier_project_add_stakeholder (project_of (f), "Harbour Master", NULL, DOSSIER_STAKEHOLDER_OFFICIAL,
                                   &error);
  g_assert_no_error (error);
  wait_underline (f, "harbour master", TRUE);

  /* An existing stakeholder's aliases edited: its new alias is underlined,
   * and no longer once the edit is undone. */
  {
    const char *aliases[] = { "the operator", NULL };

    g_assert_false (underlined (f, "the operator"));
    g_assert_true (dossier_project_set_stakeholder_aliases (project_of (f), f->council, aliases, &error));
    g_assert_no_error (error);
    wait_underline (f, "the operator", TRUE);
    g_assert_true (dossier_project_undo (project_of (f), &error));
    wait_underline (f, "the operator", FALSE);
    g_assert_true (underlined (f, "city council"));
  }

  /* Renamed, the old name is no mention; deleted, none of its names is;
   * undo brings each back. */
  g_assert_true (dossier_project_set_stakeholder_name (project_of (f), f->council, "Town Council", &error));
  wait_underline (f, "city council", FALSE);
  g_assert_true (dossier_project_undo (project_of (f), &error));
  wait_underline (f, "city council", TRUE);
  g_assert_true (dossier_project_delete_stakeholder (project_of (f), f->council, &error));
  wait_underline (f, "city council", FALSE);
  g_assert_true (dossier_project_undo (project_of (f), &error));
  wait_underline (f, "city council", TRUE);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "view.show-mentions", NULL));
  flush_events ();
  g_assert_false (g_settings_get_boolean (settings, "show-mentions"));
  g_assert_false (underlined (f, "city council"));
  g_assert_false (underlined (f, "harbour master"));
}

/* What was tagged and untagged with the mentions' underline. */
typedef struct
{
  GtkTextTag *tag;
  GArray     *applied;   /* gint64 pairs: start, end */
  GArray     *removed;
} MentionChanges;

static void
on_mention_tag (GtkTextBuffer     *buffer,
                GtkTextTag        *tag,
                const GtkTextIter *start,
                const GtkTextIter *end,
                GArray            *ranges)
{
  MentionChanges *changes = g_object_get_data (G_OBJECT (buffer), "mention-changes");
  gint64 range[2] = { gtk_text_iter_get_offset (start), gtk_text_iter_get_offset (end) };

  if (tag == changes->tag)
    g_array_append_vals (ranges, range, 2);
}

static gboolean
mentions_idle_done (gpointer data)
{
  Fixture *f = data;

  return f->window->reader_page->respan_idle_id == 0 && f->window->reader_page->mentions_idle_id == 0;
}

/* A highlight where no mention is leaves the underlines alone; one over a
 * mention takes away that underline only. The underline changes the size
 * of the text for GTK: every range tagged or untagged is laid out again,
 * and untagging the whole text (as it did) had the whole document laid
 * out again after each tagging. */
static void
test_mentions_untouched (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.dossier.Dossier");
  g_autoptr(GError) error = NULL;
  MentionChanges changes = { NULL, g_array_new (FALSE, FALSE, sizeof (gint64)),
                             g_array_new (FALSE, FALSE, sizeof (gint64)) };
  GtkTextBuffer *buffer;
  gint64 tag_id, start, end;

  g_settings_set_boolean (settings, "show-mentions", TRUE);
  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
  flush_events ();
  g_assert_true (underlined (f, "Zoë Márquez"));
  g_assert_true (underlined (f, "city council"));

  buffer = gtk_text_view_get_buffer (dossier_document_view_get_text_view (dossier_window_get_document_view (f->window)));
  changes.tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "dossier-unreviewed-mention");
  g_assert_nonnull (changes.tag);
  g_object_set_data (G_OBJECT (buffer), "mention-changes", &changes);
  g_signal_connect (buffer, "apply-tag", G_CALLBACK (on_mention_tag), changes.applied);
  g_signal_connect (buffer, "remove-tag", G_CALLBACK (on_mention_tag), changes.removed);

  tag_id = dossier_project_add_tag (project_of (f), "Voices", 0, "#e01b24", NULL, &error);
  g_assert_no_error (error);
  add_highlight (project_of (f), f->document_id, "ten percent", &tag_id, 1, NULL);
  wait_until (mentions_idle_done, f, "the mentions underlined again");
  g_assert_cmpuint (changes.applied->len, ==, 0);
  g_assert_cmpuint (changes.removed->len, ==, 0);
  g_assert_true (underlined (f, "Zoë Márquez"));

  add_highlight (project_of (f), f->document_id, "said Zoë Márquez", &tag_id, 1, NULL);
  wait_underline (f, "Zoë Márquez", FALSE);
  wait_until (mentions_idle_done, f, "the mentions underlined again");
  find_text_range (project_of (f), f->document_id, "Zoë Márquez", &start, &end);
  g_assert_cmpuint (changes.applied->len, ==, 0);
  g_assert_cmpuint (changes.removed->len, ==, 2);
  g_assert_cmpint (g_array_index (changes.removed, gint64, 0), ==, start);
  g_assert_cmpint (g_array_index (changes.removed, gint64, 1), ==, end);
  g_assert_true (underlined (f, "city council"));

  g_signal_handlers_disconnect_by_func (buffer, on_mention_tag, changes.applied);
  g_signal_handlers_disconnect_by_func (buffer, on_mention_tag, changes.removed);
  g_object_set_data (G_OBJECT (buffer), "mention-changes", NULL);
  g_array_unref (changes.applied);
  g_array_unref (changes.removed);
  g_settings_reset (settings, "show-mentions");
}

typedef struct
{
  DossierReaderPage *page;
  gint64             start, end;
} Selected;

static gboolean
reader_selects (gpointer data)
{
  Selected *want = data;
  gint64 start = -1, end = -1;

  return _dossier_reader_page_has_selection (want->page, &start, &end) &&
         start == want->start && end == want->end;
}

/* Whether the focus is in @widget. */
static gboolean
focus_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Cite in the panels: the reader's selection, begun and ended inside
 * words, is cited as the whole words (the range the reader tags), and the
 * reader then selects what was cited, as after tagging; the focus goes to
 * where the user works in the panel, not to the Cite button or the menu
 * button: the passage's row in the stakeholder's evidence, the argument
 * cited for. */
static void
test_panel_cite (Fixture       *f,
                 gconstpointer  data)
{
  DossierReaderPage *page;
  GtkWidget *panel, *cite, *menu_button = NULL, *item = NULL;
  Selected want;
  gint64 start, end;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1400);
  page = f->window->reader_page;
  want.page = page;

  /* A stakeholder's Cite button. */
  panel = f->window->stakeholders_panel;
  adw_view_stack_set_visible_child (f->window->right_stack, panel);
  dossier_stakeholders_panel_set_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel), f->council);
  flush_events ();
  find_text_range (project_of (f), f->document_id, "city council voted", &want.start, &want.end);
  select_in_reader (f->window, f->document_id, "ity council vot", &start, &end);
  cite = find_button_labelled (panel, "_Cite Selection");
  g_assert_nonnull (cite);
  g_assert_true (gtk_widget_get_sensitive (cite));
  g_assert_true (gtk_widget_grab_focus (cite));
  g_signal_emit_by_name (cite, "clicked");
  flush_events ();
  {
    g_autoptr(GPtrArray) evidence = stakeholder_evidence (project_of (f), f->council);
    DossierHighlight *cited;

    g_assert_cmpuint (n_evidence (evidence), ==, 1);
    cited = ((DossierEvidence *) g_ptr_array_index (evidence, 0))->highlight;
    g_assert_cmpint (dossier_highlight_get_start (cited), ==, want.start);
    g_assert_cmpint (dossier_highlight_get_end (cited), ==, want.end);
  }
  g_assert_true (focus_in (find_with_class (panel, "evidence-list")));
  wait_until (reader_selects, &want, "the reader to select the words cited");

  /* An argument's Cite Selection, from its menu. */
  panel = f->window->arguments_panel;
  adw_view_stack_set_visible_child (f->window->right_stack, panel);
  flush_events ();
  find_text_range (project_of (f), f->document_id, "two new boats", &want.start, &want.end);
  select_in_reader (f->window, f->document_id, "wo new boa", &start, &end);
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    collect_descendants (panel, DOSSIER_TYPE_ARGUMENT_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      if (dossier_argument_get_id (dossier_row_get_item (g_ptr_array_index (rows, i))) == f->pro)
        menu_button = find_descendant (g_ptr_array_index (rows, i), GTK_TYPE_MENU_BUTTON);
  }
  g_assert_nonnull (menu_button);
  g_assert_true (gtk_widget_grab_focus (menu_button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  flush_events ();
  item = find_menu_item (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))),
                         "Cite Selection");
  g_assert_nonnull (item);
  g_signal_emit_by_name (item, "clicked");
  flush_events ();
  {
    g_autoptr(GPtrArray) evidence = argument_evidence (project_of (f), f->pro);

    g_assert_cmpuint (n_evidence (evidence), ==, 1);
  }
  wait_until (focus_on_argument, &(FocusOn) { panel, f->pro }, "the argument to take the focus");
  wait_until (reader_selects, &want, "the reader to select the words cited");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add ("/dossier/evidence/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("selection-by-keyboard", test_selection_by_keyboard);
  ADD ("argument-and-highlight", test_argument_and_highlight);
  ADD ("new-stakeholder-from-selection", test_new_stakeholder_from_selection);
  ADD ("new-stakeholder-from-highlight", test_new_stakeholder_from_highlight);
  ADD ("new-stakeholder-name-taken", test_new_stakeholder_name_taken);
  ADD ("new-stakeholder-follows-names", test_new_stakeholder_follows_names);
  ADD ("from-card", test_from_card);
  ADD ("drop-on-stakeholder", test_drop_on_stakeholder);
  ADD ("drop-on-grid", test_drop_on_grid);
  ADD ("grid-caption-follows-edits", test_grid_caption_follows_edits);
  ADD ("remove-evidence-highlight", test_remove_evidence_highlight);
  ADD ("mentions-underline", test_mentions_underline);
  ADD ("mentions-untouched", test_mentions_untouched);
  ADD ("cite-updates-editor", test_cite_updates_editor);
  ADD ("panel-cite", test_panel_cite);

#undef ADD

  return g_test_run ();
}
