/* SPDX-License-Identifier: GPL-3.0-or-later */
/* page-visits.c — every page and panel of the window shown in turn, on
 * whatever project it has open: what the tests of files from someone else
 * share (test-crafted: files made by hand; test-hostile: those of
 * tests/hostile/make-hostile.py). */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-arguments-panel.h"
#include "dossier-briefing-page.h"
#include "dossier-codebook-panel.h"
#include "dossier-cite-picker.h"
#include "dossier-compare-page.h"
#include "dossier-document-details-dialog.h"
#include "dossier-export-dialog.h"
#include "dossier-highlights-panel.h"
#include "dossier-name-dialog.h"
#include "dossier-reader-page-private.h"
#include "dossier-replace-text-dialog.h"
#include "dossier-search-panel.h"
#include "dossier-stakeholders-panel.h"
#include "dossier-tag-choose-dialog.h"
#include "dossier-tag-color-dialog.h"
#include "dossier-window-private.h"
#include "page-visits.h"
#include "ui-test-util.h"

/* Fails on a label at or below @widget showing more of a text than the
 * window shows of any (DOSSIER_TEXT_SHOWN_MAX characters, and a few of
 * the words around it): a label measures the whole of its text. Or a
 * word longer than the window shows (DOSSIER_TEXT_SHOWN_RUN_MAX): Pango
 * wraps it a character at a time, shaping the rest again for each line
 * (Compare's divergences, with a title of one word, took 5–10 s). */
void
assert_labels_short (GtkWidget *widget)
{
  /* An entry prefilled with a text from the file, to edit: one of a
   * megabyte cannot be (each key lays the whole line out again). */
  if (GTK_IS_TEXT (widget))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (widget));

      if (g_utf8_strlen (text, -1) > DOSSIER_TEXT_SHOWN_MAX)
        g_error ("an entry of %ld characters under %s: %.60s…", g_utf8_strlen (text, -1),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)), text);
    }
  if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) != NULL)
    g_assert_cmpint (g_utf8_strlen (gtk_window_get_title (GTK_WINDOW (widget)), -1), <=,
                     DOSSIER_TEXT_SHOWN_MAX + 100);
  /* The preview of a note shows its body cut into labels of some 4 KB
   * of markup (PREVIEW_CHUNK in dossier-briefing-page.c, and up to twice
   * the reach of a cut beyond it), and its sources one a line: no line
   * longer than that. */
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "note-preview"))
    {
      g_auto(GStrv) lines = g_strsplit (gtk_label_get_text (GTK_LABEL (widget)), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, 6 * 1024);
    }
  else if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      g_autoptr(GString) under = g_string_new (NULL);

      for (GtkWidget *p = gtk_widget_get_parent (widget); p != NULL; p = gtk_widget_get_parent (p))
        g_string_append_printf (under, " %s", G_OBJECT_TYPE_NAME (p));
      if (g_utf8_strlen (text, -1) > DOSSIER_TEXT_SHOWN_MAX + 100)
        g_error ("a label of %ld characters under%s: %.60s…", g_utf8_strlen (text, -1),
                 under->str, text);
      /* (Quotation marks and other punctuation around a cut word join it.) */
      if (dossier_text_longest_run (text) > DOSSIER_TEXT_SHOWN_RUN_MAX + 10)
        g_error ("a label with a word of %" G_GSIZE_FORMAT " characters under%s: %.60s…",
                 dossier_text_longest_run (text), under->str, text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_labels_short (child);
}

/* The one dialog of @type the window has open shows no text whole; it
 * is closed. */
static void
check_dialog (DossierWindow *window,
              GType          type)
{
  GtkWindow *dialog = find_toplevel (type, GTK_WINDOW (window));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  assert_labels_short (GTK_WIDGET (dialog));
  /* The lists of combo rows (the export dialog's documents, tags, notes). */
  collect_descendants (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GListModel *model = adw_combo_row_get_model (rows->pdata[i]);

      for (guint j = 0; GTK_IS_STRING_LIST (model) && j < g_list_model_get_n_items (model); j++)
        {
          const char *text = gtk_string_list_get_string (GTK_STRING_LIST (model), j);

          g_assert_cmpint (g_utf8_strlen (text, -1), <=, DOSSIER_TEXT_SHOWN_MAX);
          g_assert_cmpuint (dossier_text_longest_run (text), <=, DOSSIER_TEXT_SHOWN_RUN_MAX + 10);
        }
    }
  gtk_window_destroy (dialog);
  flush_events ();
}

/* A popover (a menu, a picker) shows no text whole; it is closed. */
static void
check_popover (GtkWidget *popover)
{
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_test_widget_wait_for_draw (popover);
  assert_labels_short (popover);
  gtk_popover_popdown (GTK_POPOVER (popover));
  flush_events ();
}

static gboolean
replace_dialog_shown (gpointer window)
{
  return find_toplevel (DOSSIER_TYPE_REPLACE_TEXT_DIALOG, window) != NULL;
}

/* The reader's menus, its evidence picker and the review of a new text
 * for the document shown. */
static void
visit_reader_dialogs (DossierWindow *window,
                      gint64         document_id)
{
  DossierProject *project = dossier_window_get_project (window);
  DossierReaderPage *page = window->reader_page;
  g_autoptr(GPtrArray) highlights = dossier_project_list_highlights (project, document_id, 0, NULL);
  g_autofree char *newer = dossier_project_get_document_text (project, document_id, NULL);

  _dossier_reader_page_popup_text_menu (page, 10, 10);
  check_popover (page->highlight_menu);
  for (guint i = 0; highlights != NULL && i < highlights->len; i++)
    {
      gint64 id = dossier_highlight_get_id (g_ptr_array_index (highlights, i));

      _dossier_reader_page_popup_highlight_menu (page, id, 10, 10);
      check_popover (page->highlight_menu);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reader.add-highlight-evidence",
                                                 "x", id));
      flush_events ();
      check_popover (page->evidence_picker);
    }

  /* The text again, one letter changed: the review is headed with the
   * document's title. */
  g_assert_nonnull (newer);
  newer[strlen (newer) / 2] = newer[strlen (newer) / 2] == 'x' ? 'y' : 'x';
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), newer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.replace-text-clipboard", NULL));
  wait_until (replace_dialog_shown, window, "the review of the new text");
  check_dialog (window, DOSSIER_TYPE_REPLACE_TEXT_DIALOG);
}

static gboolean
compare_ready (gpointer data)
{
  DossierComparePage *page = data;

  return dossier_compare_page_get_comparison (page) != NULL;
}

void
show_right (DossierWindow *window,
            GtkWidget     *panel)
{
  adw_view_stack_set_visible_child (window->right_stack, panel);
  assert_labels_short (GTK_WIDGET (window));
  gtk_test_widget_wait_for_draw (panel);
}

void
show_page (DossierWindow *window,
           const char    *name)
{
  GtkWidget *page = adw_view_stack_get_child_by_name (window->page_stack, name);

  adw_view_stack_set_visible_child (window->page_stack, page);
  assert_labels_short (GTK_WIDGET (window));
  gtk_test_widget_wait_for_draw (page);
}

void
visit_every_page (DossierWindow *window,
                  gboolean       dialogs)
{
  DossierProject *project = dossier_window_get_project (window);
  GListModel *documents = dossier_project_get_documents (project);
  GListModel *stakeholders = dossier_project_get_stakeholders (project);
  GListModel *questions = dossier_project_get_questions (project);
  GListModel *briefings = dossier_project_get_briefings (project);
  GtkSelectionModel *codebook;
  DossierComparePage *compare;
  g_autoptr(GArray) compared = NULL;

  /* The reader, on each document. */
  show_page (window, "reader");
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);
      gint64 id = dossier_document_get_id (document);

      g_assert_cmpint (id, >, 0);
      dossier_window_open_document (window, id);
      wait_until (view_painted, window, "the document painted");
      /* A text that cannot be shown as it is (invalid UTF-8, a length
       * that is not its own) is not: a toast says why. */
      if (dossier_window_get_document_id (window) != id)
        g_assert_true (shows_toast (window));
      else if (dialogs)
        visit_reader_dialogs (window, id);
      if (dialogs)
        {
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->documents_panel),
                                                     "documents.rename", "x", id));
          check_dialog (window, DOSSIER_TYPE_NAME_DIALOG);
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->documents_panel),
                                                     "documents.edit-details", "x", id));
          check_dialog (window, DOSSIER_TYPE_DOCUMENT_DETAILS_DIALOG);
        }
    }
  if (dialogs)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
      check_dialog (window, DOSSIER_TYPE_EXPORT_DIALOG);
    }

  /* The codebook, each tag selected: the Highlights panel follows. */
  show_right (window, window->highlights_panel);
  codebook = gtk_list_view_get_model (GTK_LIST_VIEW (find_descendant (window->codebook_panel,
                                                                      GTK_TYPE_LIST_VIEW)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (codebook)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (codebook)); i++)
    {
      gtk_selection_model_select_item (codebook, i, TRUE);
      g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (DOSSIER_CODEBOOK_PANEL (window->codebook_panel)),
                       >, 0);
      gtk_test_widget_wait_for_draw (window->highlights_panel);
      if (dialogs)
        {
          g_assert_true (gtk_widget_activate_action (window->codebook_panel, "codebook.rename", NULL));
          check_dialog (window, DOSSIER_TYPE_NAME_DIALOG);
          g_assert_true (gtk_widget_activate_action (window->codebook_panel, "codebook.recolor", NULL));
          check_dialog (window, DOSSIER_TYPE_TAG_COLOR_DIALOG);
          g_assert_true (gtk_widget_activate_action (window->codebook_panel, "codebook.move-to", NULL));
          check_dialog (window, DOSSIER_TYPE_TAG_CHOOSE_DIALOG);
        }
    }

  /* Search. */
  show_right (window, window->search_panel);
  dossier_search_panel_search (DOSSIER_SEARCH_PANEL (window->search_panel), "council");
  gtk_test_widget_wait_for_draw (window->search_panel);

  /* Stakeholders, each one's editor. */
  show_right (window, window->stakeholders_panel);
  for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
    {
      g_autoptr(DossierStakeholder) stakeholder = g_list_model_get_item (stakeholders, i);
      gint64 id = dossier_stakeholder_get_id (stakeholder);

      g_assert_cmpint (id, >, 0);
      dossier_stakeholders_panel_set_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (window->stakeholders_panel), id);
      gtk_test_widget_wait_for_draw (window->stakeholders_panel);
      g_assert_cmpint (dossier_stakeholders_panel_get_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (window->stakeholders_panel)),
                       ==, id);
    }
  dossier_stakeholders_panel_set_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (window->stakeholders_panel), 0);

  /* Pros & Cons, on each question. */
  show_right (window, window->arguments_panel);
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(DossierQuestion) question = g_list_model_get_item (questions, i);
      gint64 id = dossier_question_get_id (question);

      g_assert_cmpint (id, >, 0);
      dossier_arguments_panel_set_question_id (DOSSIER_ARGUMENTS_PANEL (window->arguments_panel), id);
      gtk_test_widget_wait_for_draw (window->arguments_panel);
      g_assert_cmpint (dossier_arguments_panel_get_question_id (DOSSIER_ARGUMENTS_PANEL (window->arguments_panel)),
                       ==, id);
    }

  /* Compare: every document a column. */
  show_page (window, "compare");
  compare = DOSSIER_COMPARE_PAGE (window->compare_page);
  dossier_compare_page_update (compare);
  wait_until (compare_ready, compare, "the comparison");
  assert_labels_short (GTK_WIDGET (window));
  compared = dossier_compare_page_get_documents (compare);
  g_assert_cmpuint (compared->len, ==, g_list_model_get_n_items (documents));
  g_assert_cmpuint (dossier_comparison_get_n_documents (dossier_compare_page_get_comparison (compare)),
                    ==, compared->len);
  gtk_test_widget_wait_for_draw (window->compare_page);

  /* Brief, on each note. */
  show_page (window, "briefing");
  for (guint i = 0; i < g_list_model_get_n_items (briefings); i++)
    {
      g_autoptr(DossierBriefing) briefing = g_list_model_get_item (briefings, i);
      gint64 id = dossier_briefing_get_id (briefing);

      g_assert_cmpint (id, >, 0);
      dossier_briefing_page_set_briefing_id (DOSSIER_BRIEFING_PAGE (window->briefing_page), id);
      gtk_test_widget_wait_for_draw (window->briefing_page);
      g_assert_cmpint (dossier_briefing_page_get_briefing_id (DOSSIER_BRIEFING_PAGE (window->briefing_page)),
                       ==, id);
      if (dialogs && !dossier_project_get_read_only (project))
        {
          g_assert_true (gtk_widget_activate_action (window->briefing_page, "briefing.rename", NULL));
          check_dialog (window, DOSSIER_TYPE_NAME_DIALOG);
          g_assert_true (gtk_widget_activate_action (window->briefing_page, "briefing.choose-citation", NULL));
          flush_events ();
          check_popover (find_descendant (window->briefing_page, DOSSIER_TYPE_CITE_PICKER));
        }
    }

  show_page (window, "reader");
}
