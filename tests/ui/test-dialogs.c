/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dialogs.c — the dialogs of the panels on their own: the text dialog
 * (memos, descriptions), asking for a name, choosing a tag to move under or
 * merge into, a tag's colour and a document's details. Each is driven
 * through its responses the way its buttons do, and finalized after. */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "dossier-document-details-dialog.h"
#include "dossier-name-dialog.h"
#include "dossier-preferences-window.h"
#include "dossier-tag-choose-dialog.h"
#include "dossier-tag-color-dialog.h"
#include "dossier-text-dialog.h"
#include "dossier-window.h"
#include "ui-test-util.h"

static const char article[] =
  "Night buses return\n"
  "\n"
  "Night buses run again on the harbour line from May, the transport office said.\n";

typedef struct
{
  char           *dir;
  DossierProject *project;
  gint64          document;
  gint64          actors, council, unions, costs;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = test_create_project ("dialogs", "Buses", &f->dir, NULL);
  f->document = add_document (f->project, DOSSIER_FORMAT_TEXT, article, "buses.txt");
  f->actors = add_tag (f->project, "Actors", 0);
  f->council = add_tag (f->project, "Council", f->actors);
  f->unions = add_tag (f->project, "Unions", f->council);
  f->costs = add_tag (f->project, "Costs", 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_toplevels (NULL);
  test_finish_project (&f->project, &f->dir, NULL);
}

/* ---- Opening a file that is not a project ----------------------------------- */

static gboolean
message_dialog_shown (gpointer window)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, window) != NULL;
}

/* A file that is no project (bytes of anything, named .dossier), opened
 * as a user does: the dialog names it, says it is no project and what to
 * open instead. It said what the file is not, and stopped there. */
static void
test_open_not_a_project (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Notes.dossier", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierWindow *window;
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (g_file_set_contents (path, "Minutes of the harbour committee, 3 May.\n", -1, NULL));
  window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  dossier_window_open_project_interactive (window, file);
  wait_until (message_dialog_shown, window, "the dialog");
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “Notes.dossier”");
  body = adw_message_dialog_get_body (dialog);
  if (strstr (body, "“Notes.dossier” is not a Dossier project") == NULL ||
      strstr (body, "Open a project Dossier saved, or a backup copy") == NULL)
    g_error ("the dialog says “%s”", body);

  close_toplevels (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_assert_finalize_object (window);
}

/* ---- Text dialog ------------------------------------------------------------ */

typedef struct
{
  guint   calls;
  gint64  id;
  char   *text;
} Stored;

static Stored stored;

static gboolean
store_text (DossierProject *project,
            gint64          id,
            const char     *text,
            GError        **error)
{
  stored.calls++;
  stored.id = id;
  g_free (stored.text);
  stored.text = g_strdup (text);
  if (g_str_equal (text, "refuse me"))
    {
      g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                           "This text cannot be stored. Shorten it and try again.");
      return FALSE;
    }
  return TRUE;
}

static GtkTextView *
text_view_of (GtkWidget *dialog)
{
  GtkWidget *view = find_descendant (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)),
                                     GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (view);
  return GTK_TEXT_VIEW (view);
}

static GtkWidget *
new_text_dialog (Fixture    *f,
                 const char *text)
{
  return g_object_ref_sink (dossier_text_dialog_new (NULL, "Description of “Costs”", "What it means",
                                                     "Description", text, f->project, f->costs,
                                                     store_text, "Could Not Save the Description"));
}

static gboolean
press_ctrl_enter (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 0, GDK_CONTROL_MASK, &handled);
    }
  return handled;
}

static void
test_text_dialog (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *dialog;
  GtkTextBuffer *buffer;

  memset (&stored, 0, sizeof stored);

  /* Shows the text; Save stores the edit, without trailing blank lines. */
  dialog = new_text_dialog (f, "Fares, fuel, wages");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Description of “Costs”");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, "What it means");
  buffer = gtk_text_view_get_buffer (text_view_of (dialog));
  {
    g_autofree char *shown = dossier_text_dialog_get_text (DOSSIER_TEXT_DIALOG (dialog));

    g_assert_cmpstr (shown, ==, "Fares, fuel, wages");
  }
  gtk_text_buffer_set_text (buffer, "  Fares and wages\n\n", -1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_cmpuint (stored.calls, ==, 1);
  g_assert_cmpint (stored.id, ==, f->costs);
  g_assert_cmpstr (stored.text, ==, "  Fares and wages");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* Unchanged, or cancelled: nothing stored. */
  dialog = new_text_dialog (f, "Same");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view_of (dialog)), "Other", -1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_cmpuint (stored.calls, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* Ctrl+Enter saves and closes; Enter alone is a new line. */
  dialog = new_text_dialog (f, "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view_of (dialog)), "Typed", -1);
  g_assert_true (press_ctrl_enter (GTK_WIDGET (text_view_of (dialog))));
  g_assert_cmpuint (stored.calls, ==, 2);
  g_assert_cmpstr (stored.text, ==, "Typed");
  g_assert_finalize_object (dialog);

  /* Refused by the core: the dialog stays with the text and says why
   * under it, with the heading given; no other dialog. */
  dialog = new_text_dialog (f, "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view_of (dialog)), "refuse me", -1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (dialog)));
  {
    GtkWidget *error_label = find_with_class (dialog, "error");
    g_autofree char *kept = dossier_text_dialog_get_text (DOSSIER_TEXT_DIALOG (dialog));

    g_assert_true (gtk_widget_get_visible (error_label));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                     "Could Not Save the Description\nThis text cannot be stored. Shorten it and try again.");
    g_assert_cmpstr (kept, ==, "refuse me");
  }
  /* Ctrl+Enter, refused again: still open. */
  g_assert_true (press_ctrl_enter (GTK_WIDGET (text_view_of (dialog))));
  flush_events ();
  {
    GList *toplevels = gtk_window_list_toplevels ();

    g_assert_nonnull (g_list_find (toplevels, dialog));
    g_list_free (toplevels);
  }
  g_assert_cmpuint (stored.calls, ==, 4);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* With the core's own setter: a tag's description, one undoable step. */
  dialog = g_object_ref_sink (dossier_text_dialog_new (NULL, "Description", "Body", "Description", "",
                                                       f->project, f->costs,
                                                       dossier_project_set_tag_description,
                                                       "Could Not Save the Description"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view_of (dialog)), "Money spent", -1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_cmpstr (dossier_tag_get_description (dossier_project_get_tag (f->project, f->costs)), ==,
                   "Money spent");
  g_assert_true (dossier_project_undo (f->project, NULL));
  g_assert_cmpstr (dossier_tag_get_description (dossier_project_get_tag (f->project, f->costs)), ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  g_clear_pointer (&stored.text, g_free);
}

/* ---- Name dialog -------------------------------------------------------------- */

static const char *
refuse_taken (DossierNameDialog *dialog,
              const char        *name,
              gpointer           user_data)
{
  guint *checks = user_data;

  (*checks)++;
  /* Taken at the top level only: the option moves it inside. */
  if (g_ascii_strcasecmp (name, "Costs") == 0 && !dossier_name_dialog_get_option (dialog))
    return "A tag with this name already exists here.";
  return NULL;
}

static void
test_name_dialog (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *dialog = g_object_ref_sink (dossier_name_dialog_new (NULL, "New Tag", NULL, "_Add",
                                                                  "Tag name", NULL, 200));
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);
  GtkWidget *entry = find_descendant (adw_message_dialog_get_extra_child (message), GTK_TYPE_ENTRY);
  GtkWidget *error_label = find_with_class (adw_message_dialog_get_extra_child (message), "error");
  GtkWidget *option = find_descendant (adw_message_dialog_get_extra_child (message), GTK_TYPE_CHECK_BUTTON);
  guint checks = 0;

  g_assert_cmpstr (adw_message_dialog_get_response_label (message, "ok"), ==, "_Add");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, "Tag name");
  g_assert_false (gtk_widget_get_visible (option));
  g_assert_false (dossier_name_dialog_get_option (DOSSIER_NAME_DIALOG (dialog)));

  /* Empty: nothing to confirm, and nothing to complain about. */
  g_assert_false (adw_message_dialog_get_response_enabled (message, "ok"));
  g_assert_false (gtk_widget_get_visible (error_label));

  dossier_name_dialog_set_check (DOSSIER_NAME_DIALOG (dialog), refuse_taken, &checks, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  costs ");
  g_assert_cmpuint (checks, >, 0);
  g_assert_false (adw_message_dialog_get_response_enabled (message, "ok"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, "A tag with this name already exists here.");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));

  /* The option changes where the name goes: checked again. */
  dossier_name_dialog_set_option (DOSSIER_NAME_DIALOG (dialog), "Inside “Actors”", FALSE);
  g_assert_true (gtk_widget_get_visible (option));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (option), TRUE);
  g_assert_true (dossier_name_dialog_get_option (DOSSIER_NAME_DIALOG (dialog)));
  g_assert_true (adw_message_dialog_get_response_enabled (message, "ok"));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  {
    g_autofree char *name = dossier_name_dialog_get_name (DOSSIER_NAME_DIALOG (dialog));

    g_assert_cmpstr (name, ==, "costs");
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* Starting from a name: it is there to edit, and can be confirmed. */
  dialog = g_object_ref_sink (dossier_name_dialog_new (NULL, "Rename Document", NULL, "_Rename",
                                                       "Title", "Night buses return", 500));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "ok"));
  g_assert_false (gtk_widget_get_visible (find_with_class (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)),
                                                           "dim-label")));
  {
    g_autofree char *name = dossier_name_dialog_get_name (DOSSIER_NAME_DIALOG (dialog));

    g_assert_cmpstr (name, ==, "Night buses return");
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* A name from a file longer than may be written (a megabyte): the entry
 * starts at the most that may be, and a note says it was shortened. */
static void
test_name_dialog_long (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *huge = g_strnfill (1024 * 1024, 't');
  g_autofree char *heading = g_strconcat ("Rename “", huge, "”", NULL);
  GtkWidget *dialog = g_object_ref_sink (dossier_name_dialog_new (NULL, heading, huge, "_Rename",
                                                                  "Title", huge, 500));
  GtkWidget *extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  GtkWidget *note = find_with_class (extra, "dim-label");
  g_autofree char *name = dossier_name_dialog_get_name (DOSSIER_NAME_DIALOG (dialog));

  g_assert_cmpint (g_utf8_strlen (name, -1), ==, 500);
  g_assert_true (g_str_has_suffix (name, "t…"));
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (note)), "more than the 500"));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "ok"));
  g_assert_cmpint (g_utf8_strlen (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), -1),
                   <=, DOSSIER_TEXT_SHOWN_MAX);
  g_assert_cmpint (g_utf8_strlen (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), -1),
                   <=, DOSSIER_TEXT_SHOWN_MAX);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* ---- Choosing a tag --------------------------------------------------------------- */

static char *
listed (GtkWidget *dialog)
{
  GtkWidget *drop_down = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  GListModel *names = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "",
                            gtk_string_list_get_string (GTK_STRING_LIST (names), i));
  return g_string_free (out, FALSE);
}

static void
test_tag_choose_dialog (Fixture       *f,
                        gconstpointer  data)
{
  DossierTag *council = dossier_project_get_tag (f->project, f->council);
  GtkWidget *dialog, *drop_down;
  g_autofree char *move_list = NULL;
  g_autofree char *merge_list = NULL;

  /* Moving: the top level or any tag but itself and what lies below it. */
  dialog = g_object_ref_sink (dossier_tag_choose_dialog_new (NULL, f->project, council,
                                                             DOSSIER_TAG_CHOOSE_MOVE));
  move_list = listed (dialog);
  g_assert_cmpstr (move_list, ==, "Top Level, Actors, Costs");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Move “Council” To");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok"), ==,
                   ADW_RESPONSE_SUGGESTED);
  g_assert_cmpint (dossier_tag_choose_dialog_get_kind (DOSSIER_TAG_CHOOSE_DIALOG (dialog)), ==,
                   DOSSIER_TAG_CHOOSE_MOVE);
  g_assert_cmpint (dossier_tag_choose_dialog_get_tag_id (DOSSIER_TAG_CHOOSE_DIALOG (dialog)), ==, f->council);
  g_assert_cmpint (dossier_tag_choose_dialog_get_chosen (DOSSIER_TAG_CHOOSE_DIALOG (dialog)), ==, 0);
  drop_down = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 2);
  g_assert_cmpint (dossier_tag_choose_dialog_get_chosen (DOSSIER_TAG_CHOOSE_DIALOG (dialog)), ==, f->costs);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* Merging: no top level; a destructive action. */
  dialog = g_object_ref_sink (dossier_tag_choose_dialog_new (NULL, f->project,
                                                             dossier_project_get_tag (f->project, f->unions),
                                                             DOSSIER_TAG_CHOOSE_MERGE));
  merge_list = listed (dialog);
  g_assert_cmpstr (merge_list, ==, "Actors, Actors/Council, Costs");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "ok"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* ---- A tag's colour ------------------------------------------------------------------ */

static void
test_tag_color_dialog (Fixture       *f,
                       gconstpointer  data)
{
  DossierTag *costs = dossier_project_get_tag (f->project, f->costs);
  GtkWidget *dialog, *chooser;
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  g_assert_true (dossier_project_set_tag_color (f->project, f->costs, "#e01b24", NULL));
  dialog = g_object_ref_sink (dossier_tag_color_dialog_new (NULL, costs));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Colour of “Costs”");
  g_assert_cmpint (dossier_tag_color_dialog_get_tag_id (DOSSIER_TAG_COLOR_DIALOG (dialog)), ==, f->costs);
  color = dossier_tag_color_dialog_get_color (DOSSIER_TAG_COLOR_DIALOG (dialog));
  g_assert_cmpstr (color, ==, "#e01b24");

  /* Another colour comes back as #rrggbb, whatever alpha was asked. */
  chooser = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  gdk_rgba_parse (&rgba, "rgba(20, 163, 163, 0.5)");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (chooser), &rgba);
  g_free (color);
  color = dossier_tag_color_dialog_get_color (DOSSIER_TAG_COLOR_DIALOG (dialog));
  g_assert_cmpstr (color, ==, "#14a3a3");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* ---- A document's details --------------------------------------------------------------- */

static GtkEditable *
row_titled (GtkWidget  *dialog,
            const char *title)
{
  GtkWidget *list = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ENTRY_ROW (row) && g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title))
      return GTK_EDITABLE (row);
  g_error ("No row titled “%s”", title);
}

static void
test_document_details_dialog (Fixture       *f,
                              gconstpointer  data)
{
  DossierDocument *document = dossier_project_get_document (f->project, f->document);
  GtkWidget *dialog;
  GtkWindow *alert;

  /* Filled in; Save stores every field, as one undoable step. */
  dialog = g_object_ref_sink (dossier_document_details_dialog_new (NULL, f->project, document));
  g_assert_cmpstr (gtk_editable_get_text (row_titled (dialog, "Title")), ==, "Night buses return");
  g_assert_cmpstr (gtk_editable_get_text (row_titled (dialog, "Outlet")), ==, "");
  gtk_editable_set_text (row_titled (dialog, "Outlet"), " Harbour Gazette ");
  gtk_editable_set_text (row_titled (dialog, "Author"), "Ana Ruiz");
  gtk_editable_set_text (row_titled (dialog, "Date (YYYY-MM-DD)"), "2026-04-30");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  g_assert_cmpstr (dossier_document_get_outlet (document), ==, "Harbour Gazette");
  g_assert_cmpstr (dossier_document_get_author (document), ==, "Ana Ruiz");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2026-04-30");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  g_assert_true (dossier_project_undo (f->project, NULL));
  g_assert_null (dossier_document_get_outlet (document));

  /* A date that is not one: a dialog says so, nothing changes. */
  dialog = g_object_ref_sink (dossier_document_details_dialog_new (NULL, f->project, document));
  gtk_editable_set_text (row_titled (dialog, "Outlet"), "Harbour Gazette");
  gtk_editable_set_text (row_titled (dialog, "Date (YYYY-MM-DD)"), "last Tuesday");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  alert = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (alert);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (alert)), ==,
                   "Could Not Change the Document’s Details");
  g_assert_null (dossier_document_get_outlet (document));
  gtk_window_destroy (alert);

  /* Cancel changes nothing either. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_null (dossier_document_get_outlet (document));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* ---- Preferences ------------------------------------------------------------------------ */

/* The Style row keeps "color-scheme" by name: the setting selects its
 * row, and a row chosen writes its name. */
static void
test_preferences_style (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *scheme = NULL;
  GtkWidget *window;
  AdwComboRow *row;

  g_settings_set_string (settings, "color-scheme", "dark");
  window = GTK_WIDGET (dossier_preferences_window_new (NULL, settings));
  row = ADW_COMBO_ROW (find_descendant (window, ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);

  adw_combo_row_set_selected (row, 1);
  scheme = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "light");

  g_settings_set_string (settings, "color-scheme", "default");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  g_settings_reset (settings, "color-scheme");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Extend Selections to Whole Words" is on at first and keeps
 * "whole-words", both ways. */
static void
test_preferences_whole_words (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window;
  GtkSwitch *whole_words;

  g_settings_reset (settings, "whole-words");
  window = GTK_WIDGET (dossier_preferences_window_new (NULL, settings));
  whole_words = GTK_SWITCH (find_descendant (window, GTK_TYPE_SWITCH));
  g_assert_nonnull (whole_words);
  g_assert_true (gtk_switch_get_active (whole_words));

  gtk_switch_set_active (whole_words, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "whole-words"));
  g_settings_set_boolean (settings, "whole-words", TRUE);
  g_assert_true (gtk_switch_get_active (whole_words));

  g_settings_reset (settings, "whole-words");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/dossier/dialogs/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("open-not-a-project", test_open_not_a_project);
  ADD ("text", test_text_dialog);
  ADD ("name", test_name_dialog);
  ADD ("name-long", test_name_dialog_long);
  ADD ("tag-choose", test_tag_choose_dialog);
  ADD ("tag-color", test_tag_color_dialog);
  ADD ("document-details", test_document_details_dialog);
  ADD ("preferences-style", test_preferences_style);
  ADD ("preferences-whole-words", test_preferences_whole_words);

  return g_test_run ();
}
