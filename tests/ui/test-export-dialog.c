/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-dialog.c — the Export dialog: the summary options appear for
 * the summary formats only; the format and the options chosen are
 * remembered (GSettings) by the next dialog; an export through the dialog
 * is laid out as chosen. Runs under xvfb-run and dbus-run-session. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-export-dialog.h"
#include "ui-test-util.h"

typedef struct
{
  char           *dir;
  char           *path;
  DossierProject *project;
  GtkWindow      *parent;
  gint64          highlight;
} Fixture;

static const char article[] =
  "Harbour plan\n\n"
  "The vote\n\n"
  "Late on Tuesday the councillors voted 31 to 24 for the car-free bridge.";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierParsedDocument) doc = dossier_parsed_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *keys[] = { "export-format", "export-group-by", "export-headings",
                         "export-context-words", "export-memos", "export-offsets",
                         "export-briefing-format", "export-briefing-appendix" };
  const char *quote = strstr (article, "voted 31 to 24");
  DossierBlock blocks[] = {
    { 0, 12, DOSSIER_BLOCK_TITLE, 0 },
    { 14, 22, DOSSIER_BLOCK_HEADING, 2 },
    { 24, (gint64) g_utf8_strlen (article, -1), DOSSIER_BLOCK_PARAGRAPH, 0 },
  };
  gint64 doc_id, tag, start;

  /* Each test starts from the defaults. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);

  f->project = test_create_project ("export-dialog", "Dialog test", &f->dir, &f->path);

  doc->title = g_strdup ("Harbour plan");
  doc->outlet = g_strdup ("The Quay Gazette");
  doc->published = g_strdup ("2025-03-04");
  doc->format = g_strdup ("text");
  doc->original = g_bytes_new (article, strlen (article));
  doc->text = g_strdup (article);
  doc->blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));
  g_array_append_vals (doc->blocks, blocks, G_N_ELEMENTS (blocks));
  doc_id = dossier_project_add_document (f->project, doc, &error);
  g_assert_no_error (error);
  tag = dossier_project_add_tag (f->project, "Pro", 0, "#2ec27e", "", &error);
  g_assert_no_error (error);
  start = g_utf8_pointer_to_offset (article, quote);
  f->highlight = dossier_project_add_highlight (f->project, doc_id, start, start + 14, &tag, 1,
                                                "Narrow.", &error);
  g_assert_no_error (error);

  f->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (f->parent);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->parent);
  test_finish_project (&f->project, &f->dir, &f->path);
}

static gpointer
child (DossierExportDialog *dialog,
       const char          *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), DOSSIER_TYPE_EXPORT_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static DossierExportDialog *
open_dialog (Fixture *f)
{
  DossierExportDialog *dialog = dossier_export_dialog_new (f->parent, f->project, 0);

  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
close_dialog (DossierExportDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static gboolean
summary_shown (DossierExportDialog *dialog)
{
  return gtk_widget_get_visible (child (dialog, "summary_group"));
}

/* The summary options belong to Markdown, HTML and text. */
static void
test_options_for_summaries (Fixture       *f,
                            gconstpointer  data)
{
  DossierExportDialog *dialog = open_dialog (f);
  const struct { DossierExportFormat format; gboolean summary; } cases[] = {
    { DOSSIER_EXPORT_JSON, FALSE },
    { DOSSIER_EXPORT_MARKDOWN, TRUE },
    { DOSSIER_EXPORT_CSV, FALSE },
    { DOSSIER_EXPORT_HTML, TRUE },
    { DOSSIER_EXPORT_TEXT, TRUE },
  };
  DossierExportOptions options, defaults;

  /* A first dialog: JSON and the core's defaults. */
  g_assert_cmpint (dossier_export_dialog_get_format (dialog), ==, DOSSIER_EXPORT_JSON);
  g_assert_false (summary_shown (dialog));
  dossier_export_dialog_get_options (dialog, &options);
  dossier_export_options_init (&defaults);
  g_assert_true (memcmp (&options, &defaults, sizeof options) == 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      dossier_export_dialog_set_format (dialog, cases[i].format);
      g_assert_cmpint (summary_shown (dialog), ==, cases[i].summary);
    }

  close_dialog (dialog);
}

/* What the user picked in one dialog is what the next one shows, through
 * the widgets themselves, and it is in GSettings. */
static void
test_remembers_choices (Fixture       *f,
                        gconstpointer  data)
{
  DossierExportDialog *dialog = open_dialog (f);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *format = NULL;
  g_autofree char *group_by = NULL;
  g_autofree char *memos = NULL;
  DossierExportOptions options;

  dossier_export_dialog_set_format (dialog, DOSSIER_EXPORT_HTML);
  adw_combo_row_set_selected (child (dialog, "group_row"), 1);
  adw_combo_row_set_selected (child (dialog, "memos_row"), 1);
  gtk_switch_set_active (child (dialog, "headings_switch"), FALSE);
  gtk_switch_set_active (child (dialog, "offsets_switch"), TRUE);
  gtk_spin_button_set_value (child (dialog, "context_spin"), 7);
  close_dialog (dialog);

  format = g_settings_get_string (settings, "export-format");
  group_by = g_settings_get_string (settings, "export-group-by");
  memos = g_settings_get_string (settings, "export-memos");
  g_assert_cmpstr (format, ==, "html");
  g_assert_cmpstr (group_by, ==, "tag");
  g_assert_cmpstr (memos, ==, "footnotes");
  g_assert_false (g_settings_get_boolean (settings, "export-headings"));
  g_assert_true (g_settings_get_boolean (settings, "export-offsets"));
  g_assert_cmpint (g_settings_get_int (settings, "export-context-words"), ==, 7);

  dialog = open_dialog (f);
  g_assert_cmpint (dossier_export_dialog_get_format (dialog), ==, DOSSIER_EXPORT_HTML);
  g_assert_true (summary_shown (dialog));
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "group_row")), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "memos_row")), ==, 1);
  g_assert_false (gtk_switch_get_active (child (dialog, "headings_switch")));
  g_assert_true (gtk_switch_get_active (child (dialog, "offsets_switch")));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (dialog, "context_spin")), ==, 7);
  dossier_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.group_by, ==, DOSSIER_EXPORT_GROUP_BY_TAG);
  g_assert_cmpint (options.memos, ==, DOSSIER_EXPORT_MEMOS_FOOTNOTES);
  g_assert_false (options.headings);
  g_assert_true (options.offsets);
  g_assert_cmpuint (options.context_words, ==, 7);

  /* Set through the API, remembered the same way. */
  options.memos = DOSSIER_EXPORT_MEMOS_NONE;
  options.context_words = 0;
  dossier_export_dialog_set_options (dialog, &options);
  dossier_export_dialog_set_format (dialog, DOSSIER_EXPORT_CSV);
  g_assert_false (summary_shown (dialog));
  close_dialog (dialog);

  g_clear_pointer (&memos, g_free);
  g_clear_pointer (&format, g_free);
  memos = g_settings_get_string (settings, "export-memos");
  format = g_settings_get_string (settings, "export-format");
  g_assert_cmpstr (memos, ==, "none");
  g_assert_cmpstr (format, ==, "csv");
  g_assert_cmpint (g_settings_get_int (settings, "export-context-words"), ==, 0);
}

static void
on_exported (DossierExportDialog *dialog,
             GFile               *file,
             gboolean            *done)
{
  *done = TRUE;
}

static void
on_failed (DossierExportDialog *dialog,
           const char          *message,
           gboolean            *done)
{
  g_error ("the export failed: %s", message);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* The dialog's export is laid out as its options say. */
static void
test_export_with_options (Fixture       *f,
                          gconstpointer  data)
{
  DossierExportDialog *dialog = open_dialog (f);
  g_autofree char *out_path = g_build_filename (f->dir, "summary.md", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autofree char *contents = NULL;
  DossierExportOptions options;
  gboolean done = FALSE;

  dossier_export_dialog_set_format (dialog, DOSSIER_EXPORT_MARKDOWN);
  dossier_export_options_init (&options);
  options.group_by = DOSSIER_EXPORT_GROUP_BY_TAG;
  options.context_words = 2;
  options.offsets = TRUE;
  dossier_export_dialog_set_options (dialog, &options);
  dossier_export_dialog_set_destination (dialog, out);

  /* The dialog closes itself when done; keep it alive to the end. */
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &done);
  g_signal_connect (dialog, "failed", G_CALLBACK (on_failed), &done);
  dossier_export_dialog_export (dialog);
  wait_until (is_true, &done, "the export");

  g_assert_true (g_file_get_contents (out_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
    "# Dialog test\n"
    "\n"
    "*Tagged summary of “Harbour plan”*\n"
    "\n"
    "## Pro (1)\n"
    "\n"
    "> …the councillors **voted 31 to 24** for the…\n"
    ">\n"
    "> — § The vote · characters 56–70\n"
    "\n"
    "**Note:** Narrow.\n"
    "\n");

  g_signal_handlers_disconnect_by_data (dialog, &done);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* ---- Briefing notes ---------------------------------------------------------- */

static gboolean
row_shown (DossierExportDialog *dialog,
           const char          *name)
{
  return gtk_widget_get_visible (child (dialog, name));
}

static gint64
add_note (Fixture    *f,
          const char *title)
{
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (f->project, f->highlight, NULL);
  g_autofree char *body = g_strdup_printf ("## The vote\n\nIt was close [@%s].\n",
                                           dossier_highlight_get_uuid (h));
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_project_add_briefing (f->project, title, NULL, 0, body, &error);

  g_assert_no_error (error);
  return id;
}

/* Runs the dialog's export to @path and waits for it to be written. */
static void
export_and_wait (DossierExportDialog *dialog,
                 const char          *path)
{
  g_autoptr(GFile) out = g_file_new_for_path (path);
  gboolean done = FALSE;

  dossier_export_dialog_set_destination (dialog, out);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &done);
  g_signal_connect (dialog, "failed", G_CALLBACK (on_failed), &done);
  dossier_export_dialog_export (dialog);
  wait_until (is_true, &done, "the export");
  g_signal_handlers_disconnect_by_data (dialog, &done);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
dialog_mapped (gpointer dialog)
{
  return gtk_widget_get_mapped (dialog);
}

/* Opened from the keyboard (Ctrl+E), the dialog has the focus on Export,
 * its default: Enter, pressed through the X server, exports. (Before, GTK
 * gave the focus to its first button, Cancel, unseen: Enter closed the
 * dialog.) */
static void
test_enter_exports (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "enter.md", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  DossierExportDialog *dialog = open_dialog (f);
  gboolean done = FALSE;

  dossier_export_dialog_set_destination (dialog, out);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &done);
  g_signal_connect (dialog, "failed", G_CALLBACK (on_failed), &done);
  wait_until (dialog_mapped, dialog, "the dialog shown");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == child (dialog, "export_button"));
  keys_through_x (GTK_WIDGET (dialog), "Return");
  wait_until (is_true, &done, "the export");
  g_signal_handlers_disconnect_by_data (dialog, &done);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static gboolean
question_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, data) != NULL;
}

static AdwMessageDialog *
the_question (DossierExportDialog *dialog)
{
  GtkWindow *question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (dialog));

  g_assert_nonnull (question);
  return ADW_MESSAGE_DIALOG (question);
}

static gboolean
not_busy (gpointer data)
{
  return gtk_widget_is_sensitive (child (data, "export_button"));
}

/* A project without notes offers its highlights alone; with notes, the
 * dialog offers each, in its own formats (Markdown, HTML, PDF) and with
 * its appendix, and hides what belongs to the highlights. */
static void
test_briefing_choices (Fixture       *f,
                       gconstpointer  data)
{
  DossierExportDialog *dialog = open_dialog (f);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *remembered = NULL;
  gint64 first, second;

  g_assert_false (row_shown (dialog, "what_row"));
  dossier_export_dialog_set_briefing_id (dialog, 1);
  g_assert_cmpint (dossier_export_dialog_get_briefing_id (dialog), ==, 0);
  g_assert_true (row_shown (dialog, "format_row"));
  close_dialog (dialog);

  first = add_note (f, "Harbour vote");
  second = add_note (f, "Second thoughts");
  dialog = open_dialog (f);
  g_assert_true (row_shown (dialog, "what_row"));
  g_assert_cmpint (dossier_export_dialog_get_briefing_id (dialog), ==, 0);
  g_assert_false (row_shown (dialog, "briefing_row"));
  g_assert_false (row_shown (dialog, "appendix_row"));
  g_assert_true (row_shown (dialog, "content_group"));

  /* Chosen by the user: the first note, as a PDF with its appendix. */
  adw_combo_row_set_selected (child (dialog, "what_row"), 1);
  g_assert_cmpint (dossier_export_dialog_get_briefing_id (dialog), ==, first);
  g_assert_true (row_shown (dialog, "briefing_row"));
  g_assert_true (row_shown (dialog, "briefing_format_row"));
  g_assert_true (row_shown (dialog, "appendix_row"));
  g_assert_false (row_shown (dialog, "format_row"));
  g_assert_false (row_shown (dialog, "summary_group"));
  g_assert_false (row_shown (dialog, "target_row"));
  g_assert_false (row_shown (dialog, "content_group"));
  g_assert_cmpstr (dossier_export_dialog_get_briefing_format (dialog), ==, "pdf");
  g_assert_true (gtk_switch_get_active (child (dialog, "appendix_switch")));

  /* The file chosen follows the format. */
  {
    g_autofree char *path = g_build_filename (f->dir, "note.pdf", NULL);
    g_autoptr(GFile) out = g_file_new_for_path (path);
    g_autofree char *now = NULL;

    dossier_export_dialog_set_destination (dialog, out);
    dossier_export_dialog_set_briefing_format (dialog, "html");
    now = g_file_get_basename (dossier_export_dialog_get_destination (dialog));
    g_assert_cmpstr (now, ==, "note.html");
  }

  /* Set through the API; an unknown note is the highlights again. */
  dossier_export_dialog_set_briefing_id (dialog, second);
  g_assert_cmpint (dossier_export_dialog_get_briefing_id (dialog), ==, second);
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "briefing_row")), ==, 1);
  gtk_switch_set_active (child (dialog, "appendix_switch"), FALSE);
  dossier_export_dialog_set_briefing_id (dialog, 999);
  g_assert_cmpint (dossier_export_dialog_get_briefing_id (dialog), ==, 0);
  g_assert_true (row_shown (dialog, "format_row"));
  close_dialog (dialog);

  remembered = g_settings_get_string (settings, "export-briefing-format");
  g_assert_cmpstr (remembered, ==, "html");
  g_assert_false (g_settings_get_boolean (settings, "export-briefing-appendix"));
}

/* A note exported from the dialog: each format written as the Brief page
 * writes it, the appendix as chosen; a citation that cannot be verified
 * is named in the question first — declined, nothing is written and the
 * dialog stays; accepted, the note is written with it marked. */
static void
test_briefing_export (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = add_note (f, "Harbour vote");
  g_autofree char *md_path = g_build_filename (f->dir, "vote.md", NULL);
  g_autofree char *html_path = g_build_filename (f->dir, "vote.html", NULL);
  g_autofree char *pdf_path = g_build_filename (f->dir, "vote.pdf", NULL);
  g_autofree char *marked_path = g_build_filename (f->dir, "marked.md", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  DossierExportDialog *dialog;
  AdwMessageDialog *question;
  gsize length;

  /* Markdown, without the appendix. */
  dialog = open_dialog (f);
  dossier_export_dialog_set_briefing_id (dialog, id);
  dossier_export_dialog_set_briefing_format (dialog, "markdown");
  gtk_switch_set_active (child (dialog, "appendix_switch"), FALSE);
  export_and_wait (dialog, md_path);
  g_assert_finalize_object (dialog);
  g_assert_true (g_file_get_contents (md_path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "# Harbour vote\n"));
  g_assert_nonnull (strstr (contents, "It was close [^1].\n"));
  g_assert_nonnull (strstr (contents, "[^1]: “voted 31 to 24”"));
  g_assert_null (strstr (contents, "Cited passages by source"));
  g_clear_pointer (&contents, g_free);

  /* HTML with it. */
  dialog = open_dialog (f);
  dossier_export_dialog_set_briefing_id (dialog, id);
  dossier_export_dialog_set_briefing_format (dialog, "html");
  gtk_switch_set_active (child (dialog, "appendix_switch"), TRUE);
  export_and_wait (dialog, html_path);
  g_assert_finalize_object (dialog);
  g_assert_true (g_file_get_contents (html_path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<section class=\"appendix\""));
  g_clear_pointer (&contents, g_free);

  /* PDF. */
  dialog = open_dialog (f);
  dossier_export_dialog_set_briefing_id (dialog, id);
  dossier_export_dialog_set_briefing_format (dialog, "pdf");
  export_and_wait (dialog, pdf_path);
  g_assert_finalize_object (dialog);
  g_assert_true (g_file_get_contents (pdf_path, &contents, &length, &error));
  g_assert_true (length > 5 && memcmp (contents, "%PDF-", 5) == 0);
  g_clear_pointer (&contents, g_free);

  /* Its highlight deleted: asked, naming the citation as the note has it. */
  g_assert_true (dossier_project_delete_highlight (f->project, f->highlight, &error));
  g_assert_no_error (error);
  dialog = open_dialog (f);
  dossier_export_dialog_set_briefing_id (dialog, id);
  dossier_export_dialog_set_briefing_format (dialog, "markdown");
  {
    g_autoptr(GFile) out = g_file_new_for_path (marked_path);

    dossier_export_dialog_set_destination (dialog, out);
  }
  dossier_export_dialog_export (dialog);
  wait_until (question_shown, dialog, "the question about unverified citations");
  question = the_question (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Some Citations Cannot Be Verified");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question),
                            "[1] cited after “It was close” in “The vote”: the cited highlight is no longer"));
  /* Answered as a click does: the answer, and the question closes. */
  adw_message_dialog_response (question, "cancel");
  gtk_window_close (GTK_WINDOW (question));
  wait_until (not_busy, dialog, "the dialog to be ready again");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_false (g_file_test (marked_path, G_FILE_TEST_EXISTS));

  /* Again, and accepted. */
  {
    gboolean done = FALSE;

    g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &done);
    dossier_export_dialog_export (dialog);
    wait_until (question_shown, dialog, "the question again");
    question = the_question (dialog);
    adw_message_dialog_response (question, "marked");
    gtk_window_close (GTK_WINDOW (question));
    wait_until (is_true, &done, "the export marked as unverified");
    g_signal_handlers_disconnect_by_data (dialog, &done);
  }
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  g_assert_true (g_file_get_contents (marked_path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "[^1]: **Unverified:**"));
}

/* The file chooser asks before replacing the file the user named; a name
 * the dialog makes from it (the format changed afterwards, or an
 * extension added) is asked about by the dialog when a file has it, and
 * the file is left as it was unless the user agrees. */
static void
test_replace_asks (Fixture       *f,
                   gconstpointer  data)
{
  DossierExportDialog *dialog = open_dialog (f);
  g_autofree char *json_path = g_build_filename (f->dir, "summary.json", NULL);
  g_autofree char *md_path = g_build_filename (f->dir, "summary.md", NULL);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autofree char *contents = NULL;
  g_autofree char *now = NULL;
  AdwMessageDialog *question;
  gboolean done = FALSE;

  g_assert_true (g_file_set_contents (md_path, "Last week's notes.\n", -1, NULL));

  dossier_export_dialog_set_format (dialog, DOSSIER_EXPORT_JSON);
  dossier_export_dialog_set_destination (dialog, json);
  dossier_export_dialog_set_format (dialog, DOSSIER_EXPORT_MARKDOWN);
  now = g_file_get_basename (dossier_export_dialog_get_destination (dialog));
  g_assert_cmpstr (now, ==, "summary.md");

  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &done);
  g_signal_connect (dialog, "failed", G_CALLBACK (on_failed), &done);
  dossier_export_dialog_export (dialog);
  wait_until (question_shown, dialog, "the question about replacing summary.md");
  question = the_question (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Replace “summary.md”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), f->dir));
  adw_message_dialog_response (question, "cancel");
  gtk_window_close (GTK_WINDOW (question));
  wait_until (not_busy, dialog, "the dialog to be ready again");
  g_assert_false (done);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (g_file_get_contents (md_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Last week's notes.\n");
  g_clear_pointer (&contents, g_free);

  /* Again, and replaced. */
  dossier_export_dialog_export (dialog);
  wait_until (question_shown, dialog, "the question again");
  question = the_question (dialog);
  adw_message_dialog_response (question, "replace");
  gtk_window_close (GTK_WINDOW (question));
  wait_until (is_true, &done, "the export");
  g_assert_true (g_file_get_contents (md_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "# Dialog test\n"));

  g_signal_handlers_disconnect_by_data (dialog, &done);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/dossier/export-dialog/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("options-for-summaries", test_options_for_summaries);
  ADD ("remembers-choices", test_remembers_choices);
  ADD ("export-with-options", test_export_with_options);
  ADD ("briefing-choices", test_briefing_choices);
  ADD ("briefing-export", test_briefing_export);
  ADD ("replace-asks", test_replace_asks);
  ADD ("enter-exports", test_enter_exports);
#undef ADD

  return g_test_run ();
}
