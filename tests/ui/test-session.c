/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session.c — one whole working session through the real window, as
 * a person at the keyboard would have it: a new project, a sample article
 * imported, three passages tagged with two tags (one tag made in the tag
 * picker, the number keys for the others), a memo, one step undone, and a
 * Markdown export through the Export dialog — then the exported file is
 * read back and checked. Runs under xvfb-run and dbus-run-session. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-export-dialog.h"
#include "dossier-tag-picker.h"
#include "dossier-reader-page-private.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

/* Passages of data/samples/harbor-bridge-civic-ledger.md, plain words only,
 * so that Markdown escaping cannot change them in the export. */
#define PASSAGE_COSTS    "The gap is not a rounding error"
#define PASSAGE_HERITAGE "The heritage trust has said it will not accept clamps on the original ironwork"
#define PASSAGE_UNDONE   "The grant is fixed"
#define MEMO_TEXT        "Ask the council for its own estimate of the masts"

static gboolean
not_importing (gpointer data)
{
  return !dossier_window_is_importing (DOSSIER_WINDOW (data));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
select_passage (DossierWindow *window,
                const char    *passage,
                gint64        *start,
                gint64        *end)
{
  DossierProject *project = dossier_window_get_project (window);
  g_autofree char *text = dossier_project_get_document_text (project, dossier_window_get_document_id (window), NULL);
  const char *hit;

  g_assert_nonnull (text);
  hit = strstr (text, passage);
  if (hit == NULL)
    g_error ("The sample article no longer contains “%s”", passage);
  *start = g_utf8_pointer_to_offset (text, hit);
  *end = *start + g_utf8_strlen (passage, -1);

  dossier_document_view_select_range (dossier_window_get_document_view (window), *start, *end);
  gtk_widget_grab_focus (GTK_WIDGET (dossier_document_view_get_text_view (dossier_window_get_document_view (window))));
  flush_events ();
}

/* Presses a key in the text as the keyboard delivers it there: to the
 * reader's keys, bound on the text view (which must have the focus). */
static gboolean
press_text_key (DossierWindow *window,
                guint          keyval)
{
  GtkWidget *text_view = GTK_WIDGET (dossier_document_view_get_text_view (dossier_window_get_document_view (window)));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (text_view);
  gboolean handled = FALSE;

  g_assert_true (gtk_widget_is_focus (text_view));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
          || g_strcmp0 (gtk_event_controller_get_name (controller), "dossier-reader-keys") != 0)
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !handled; k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, text_view,
                                                    gtk_shortcut_get_arguments (shortcut));
        }
    }
  flush_events ();
  return handled;
}

static void
test_whole_session (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-test-session-XXXXXX", &error);
  g_autofree char *project_path = g_build_filename (dir, "Harbour.dossier", NULL);
  g_autofree char *export_path = g_build_filename (dir, "briefing.md", NULL);
  g_autofree char *sample_path = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(DossierProject) created = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GFile) sample = NULL;
  g_autoptr(GFile) export_file = NULL;
  DossierExportDialog *export_dialog;
  AdwMessageDialog *memo_dialog;
  DossierWindow *window;
  DossierProject *project;
  DossierTag *costs, *heritage;
  GtkWidget *memo_view;
  gint64 s1, e1, s2, e2, s3, e3;
  const char *samples_dir = g_getenv ("DOSSIER_SAMPLES_DIR");

  g_assert_no_error (error);
  g_assert_nonnull (samples_dir);
  sample_path = g_build_filename (samples_dir, "harbor-bridge-civic-ledger.md", NULL);
  g_assert_true (g_file_test (sample_path, G_FILE_TEST_IS_REGULAR));

  /* A new, empty project in a window. */
  window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  created = dossier_project_create (project_path, "Harbour", &error);
  g_assert_no_error (error);
  dossier_window_set_project (window, created);
  flush_events ();
  project = dossier_window_get_project (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->center_stack), ==, "pages");
  g_assert_true (adw_view_stack_get_visible_child (window->page_stack) == GTK_WIDGET (window->reader_page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->reader_page->stack), ==, "no-document");

  /* Import the article (what Import… or a drop does). */
  sample = g_file_new_for_path (sample_path);
  dossier_window_import_files (window, &sample, 1);
  wait_until (not_importing, window, "the import");
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project)), ==, 1);
  g_assert_cmpint (dossier_window_get_document_id (window), !=, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->reader_page->stack), ==, "document");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));

  /* Passage 1: Ctrl+T, type a new tag's name, Enter. */
  select_passage (window, PASSAGE_COSTS, &s1, &e1);
  gtk_widget_activate_action (GTK_WIDGET (window->reader_page), "reader.tag-selection", NULL);
  flush_events ();
  g_assert_true (gtk_widget_get_visible (window->reader_page->tag_picker));
  gtk_editable_set_text (dossier_tag_picker_get_entry (DOSSIER_TAG_PICKER (window->reader_page->tag_picker)), "Costs");
  flush_events ();
  g_signal_emit_by_name (dossier_tag_picker_get_entry (DOSSIER_TAG_PICKER (window->reader_page->tag_picker)), "activate");
  flush_events ();
  costs = dossier_project_find_tag (project, "Costs");
  g_assert_nonnull (costs);
  g_assert_true (painted_at (window, s1 + 1));

  /* Passage 2: a second new tag the same way. */
  select_passage (window, PASSAGE_HERITAGE, &s2, &e2);
  gtk_widget_activate_action (GTK_WIDGET (window->reader_page), "reader.tag-selection", NULL);
  flush_events ();
  gtk_editable_set_text (dossier_tag_picker_get_entry (DOSSIER_TAG_PICKER (window->reader_page->tag_picker)), "Heritage");
  flush_events ();
  g_signal_emit_by_name (dossier_tag_picker_get_entry (DOSSIER_TAG_PICKER (window->reader_page->tag_picker)), "activate");
  flush_events ();
  heritage = dossier_project_find_tag (project, "Heritage");
  g_assert_nonnull (heritage);

  /* A memo on passage 1: caret in it, Ctrl+M, type, Save. */
  dossier_document_view_select_range (dossier_window_get_document_view (window), s1 + 4, s1 + 4);
  flush_events ();
  gtk_widget_activate_action (GTK_WIDGET (window->reader_page), "reader.edit-memo", NULL);
  flush_events ();
  memo_dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (memo_dialog);
  memo_view = find_descendant (adw_message_dialog_get_extra_child (memo_dialog), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (memo_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (memo_view)), MEMO_TEXT, -1);
  adw_message_dialog_response (memo_dialog, "save");
  flush_events ();

  /* Passage 3: the number key of "Costs" (slot 1, the first tag). */
  g_assert_cmpint (dossier_window_get_tag_slot (window, 1), ==, dossier_tag_get_id (costs));
  select_passage (window, PASSAGE_UNDONE, &s3, &e3);
  g_assert_true (press_text_key (window, GDK_KEY_1));
  highlights = dossier_project_list_highlights (project, dossier_window_get_document_id (window), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (highlights->len, ==, 3);
  g_clear_pointer (&highlights, g_ptr_array_unref);
  g_assert_true (painted_at (window, s3));

  /* Undo one step: passage 3's tagging goes, nothing else. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->undo_button)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  flush_events ();
  g_assert_false (painted_at (window, s3));
  g_assert_true (painted_at (window, s1));
  highlights = dossier_project_list_highlights (project, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (highlights->len, ==, 2);
  g_assert_cmpstr (dossier_highlight_get_memo (g_ptr_array_index (highlights, 0)), ==, MEMO_TEXT);
  g_clear_pointer (&highlights, g_ptr_array_unref);

  /* Export Markdown through the Export dialog. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  flush_events ();
  export_dialog = DOSSIER_EXPORT_DIALOG (find_toplevel (DOSSIER_TYPE_EXPORT_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (export_dialog);
  dossier_export_dialog_set_format (export_dialog, DOSSIER_EXPORT_MARKDOWN);
  export_file = g_file_new_for_path (export_path);
  dossier_export_dialog_set_destination (export_dialog, export_file);
  gtk_widget_activate_action (GTK_WIDGET (export_dialog), "export.export", NULL);
  wait_until (file_exists, export_path, "the exported file");
  flush_events ();

  g_assert_true (g_file_get_contents (export_path, &exported, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("Exported:\n%s", exported);

  /* The document, both tags, both quotes, the memo — and not the undone passage. */
  g_assert_nonnull (strstr (exported, "Harbour Bridge vote"));
  g_assert_nonnull (strstr (exported, "Costs"));
  g_assert_nonnull (strstr (exported, "Heritage"));
  g_assert_nonnull (strstr (exported, PASSAGE_COSTS));
  g_assert_nonnull (strstr (exported, PASSAGE_HERITAGE));
  g_assert_nonnull (strstr (exported, MEMO_TEXT));
  g_assert_null (strstr (exported, PASSAGE_UNDONE));

  /* The project on disk has the same two highlights (committed at once). */
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_object_unref (window);
  g_clear_object (&created);
  {
    g_autoptr(DossierProject) reopened = dossier_project_open (project_path, DOSSIER_OPEN_READ_ONLY, &error);
    g_autoptr(GPtrArray) list = NULL;

    g_assert_no_error (error);
    list = dossier_project_list_highlights (reopened, 0, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 2);
    dossier_project_close (reopened);
  }

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/dossier/session/whole-session", test_whole_session);

  return g_test_run ();
}
