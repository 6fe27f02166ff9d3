/* test-exchange.c — the window and other tools: importing a REFI-QDA
 * project (from Dossier or from another tool) shows the import report in
 * a dialog (counts, what changed, what did not come in, Copy) and is one
 * undo step; a hostile archive is refused with a readable message and
 * leaves the project as it was; the Export dialog writes a REFI-QDA
 * project for the chosen tool. Runs under xvfb-run and dbus-run-session
 * (suite "ui"). */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-export-dialog.h"
#include "dossier-import-report-dialog.h"
#include "dossier-replace-text-dialog.h"
#include "dossier-window-private.h"
#include "exchange-fixture.h"
#include "ui-test-util.h"

typedef struct
{
  ExchangeFixture  source;   /* the project exported, in source.dir */
  char            *path;     /* the project the window has open */
  DossierWindow   *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  exchange_fixture_set_up (&f->source, NULL);
  exchange_fixture_add_analysis (&f->source);
  dossier_project_close (exchange_new_project (&f->source, "window.dossier"));
  f->path = g_build_filename (f->source.dir, "window.dossier", NULL);

  f->window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_present (GTK_WINDOW (f->window));
  file = g_file_new_for_path (f->path);
  g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
  flush_events ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_toplevels (GTK_WINDOW (f->window));
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush_events ();
  g_assert_finalize_object (f->window);
  g_free (f->path);
  exchange_fixture_tear_down (&f->source, NULL);
}

static void
find_range_in (const char *text,
               const char *needle,
               gint64     *start,
               gint64     *end)
{
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  *start = g_utf8_pointer_to_offset (text, at);
  *end = *start + g_utf8_strlen (needle, -1);
}

static gboolean
not_importing (gpointer data)
{
  return !dossier_window_is_importing (DOSSIER_WINDOW (data));
}

/* Imports @path through the window, as a drop or the Import dialog
 * does, and waits for the end. */
static void
import_through_window (Fixture    *f,
                       const char *path)
{
  GFile *files[1] = { g_file_new_for_path (path) };

  dossier_window_import_files (f->window, files, 1);
  g_assert_true (dossier_window_is_importing (f->window));
  wait_until (not_importing, f->window, "the import");
  flush_events ();
  g_object_unref (files[0]);
}

static char *
write_export (Fixture               *f,
              DossierExchangeTarget  target,
              const char            *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = exchange_export (f->source.project, DOSSIER_EXPORT_QDPX, target, 0, &error);
  char *path = g_build_filename (f->source.dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return path;
}

/* The visible rows of the report dialog's group titled @group, as
 * "title: subtitle" lines. */
static char *
report_rows (GtkWidget  *dialog,
             const char *group)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  g_ptr_array_add (stack, dialog);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (ADW_IS_PREFERENCES_GROUP (widget))
        {
          const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));

          if (g_strcmp0 (title != NULL ? title : "", group) != 0 ||
              !gtk_widget_get_visible (widget))
            continue;
          for (GtkWidget *row = find_descendant (widget, ADW_TYPE_ACTION_ROW); row != NULL;
               row = gtk_widget_get_next_sibling (row))
            if (ADW_IS_ACTION_ROW (row))
              g_string_append_printf (out, "%s: %s\n",
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                      adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) ?: "");
          continue;
        }
      for (GtkWidget *child = gtk_widget_get_last_child (widget); child != NULL;
           child = gtk_widget_get_prev_sibling (child))
        g_ptr_array_add (stack, child);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
on_clipboard_text (GObject      *clipboard,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* Dossier → .qdpx → the window: the report says everything came in, and
 * Copy puts the whole report on the clipboard; the import is one step. */
static void
test_import_report (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *qdpx = write_export (f, DOSSIER_EXCHANGE_TARGET_STANDARD, "study.qdpx");
  DossierProject *project = dossier_window_get_project (f->window);
  g_autofree char *complete = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *copied = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  DossierImportReport *report;

  import_through_window (f, qdpx);

  dialog = find_toplevel (DOSSIER_TYPE_IMPORT_REPORT_DIALOG, GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  report = dossier_import_report_dialog_get_report (DOSSIER_IMPORT_REPORT_DIALOG (dialog));
  g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_DOCUMENTS), ==, 3);
  g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_STAKEHOLDERS), ==, 2);
  complete = report_rows (GTK_WIDGET (dialog), "");
  g_assert_cmpstr (complete, ==, "Everything came in as it was: \n");
  summary = report_rows (GTK_WIDGET (dialog), "Imported “study.qdpx”");
  g_assert_nonnull (strstr (summary, "3 documents, 5 new tags, 7 highlights"));
  {
    g_autofree char *skipped = report_rows (GTK_WIDGET (dialog), "Not Imported");

    g_assert_cmpstr (skipped, ==, "");
  }

  /* The project has it all, and the reader shows the first document. */
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_stakeholders (project)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_briefings (project)), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.copy", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL,
                                 on_clipboard_text, &copied);
  wait_until (is_set, &copied, "the clipboard");
  g_assert_nonnull (strstr (copied, "Imported “study.qdpx” (REFI-QDA project):"));
  g_assert_nonnull (strstr (copied, "2 stakeholders"));

  gtk_window_close (dialog);
  flush_events ();

  /* One undo step takes it all away. */
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_stakeholders (project)), ==, 0);
  g_assert_false (dossier_project_get_can_undo (project));
}

/* A project from another tool: the report lists what changed and what
 * did not come in, each with its reason. */
static void
test_import_report_items (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *qde = g_build_filename (f->source.dir, "other.qde", NULL);
  g_autofree char *changed = NULL;
  g_autofree char *skipped = NULL;
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (qde,
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Pier study\" origin=\"Another tool\">"
    "<Cases><Case guid=\"a0000000-0000-4000-8000-0000000000c1\" name=\"Harbour master\">"
    "<SelectionRef targetGUID=\"a0000000-0000-4000-8000-000000000051\"/></Case></Cases>"
    "<Sources>"
    "<TextSource guid=\"a0000000-0000-4000-8000-0000000000b1\" name=\"Letter\">"
    "<PlainTextContent>The pier opens at six. Boats wait.</PlainTextContent>"
    "<PlainTextSelection guid=\"a0000000-0000-4000-8000-000000000051\" startPosition=\"0\" "
    "endPosition=\"22\"/>"
    "<PlainTextSelection guid=\"a0000000-0000-4000-8000-000000000052\" startPosition=\"23\" "
    "endPosition=\"34\"><Description>Ask why.</Description></PlainTextSelection>"
    "</TextSource>"
    "<PictureSource guid=\"a0000000-0000-4000-8000-0000000000b2\" name=\"Pier.jpg\" path=\"internal://p.jpg\"/>"
    "</Sources></Project>\n", -1, NULL));

  import_through_window (f, qde);

  dialog = find_toplevel (DOSSIER_TYPE_IMPORT_REPORT_DIALOG, GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  changed = report_rows (GTK_WIDGET (dialog), "Changed on the Way");
  skipped = report_rows (GTK_WIDGET (dialog), "Not Imported");
  g_test_message ("changed:\n%s\nnot imported:\n%s", changed, skipped);
  /* The case's passage stays without a tag; the memo without a code
   * gets one, and the report says which. */
  g_assert_cmpstr (changed, ==,
                   "Text source “Letter”: 1 selection without a code (a memo) was tagged "
                   "“Imported without a code”\n");
  g_assert_cmpstr (skipped, ==, "Picture “Pier.jpg”: Dossier holds text only\n");
  {
    g_autofree char *complete = report_rows (GTK_WIDGET (dialog), "");

    g_assert_cmpstr (complete, ==, "");
  }
  g_assert_nonnull (dossier_project_find_stakeholder (dossier_window_get_project (f->window),
                                                      "Harbour master"));
}

/* A hostile archive: refused with a message that says why, the project
 * as it was, no report, nothing to undo. */
static void
test_hostile_archive (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *qdpx = g_build_filename (f->source.dir, "hostile.qdpx", NULL);
  DossierProject *project = dossier_window_get_project (f->window);
  AdwMessageDialog *alert;

  exchange_write_zip (qdpx,
                      "project.qde", "<?xml version=\"1.0\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"/>",
                      "../../outside.txt", "Written outside the folder.",
                      NULL);

  import_through_window (f, qdpx);

  g_assert_null (find_toplevel (DOSSIER_TYPE_IMPORT_REPORT_DIALOG, GTK_WINDOW (f->window)));
  alert = (AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (f->window));
  g_assert_nonnull (alert);
  g_assert_cmpstr (adw_message_dialog_get_heading (alert), ==, "Could Not Import");
  g_test_message ("%s", adw_message_dialog_get_body (alert));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (alert), "hostile.qdpx"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (alert), "outside.txt"));

  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (project)), ==, 0);
  g_assert_false (dossier_project_get_can_undo (project));
}

static void
on_exported (DossierExportDialog *dialog,
             GFile               *file,
             gboolean            *done)
{
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* The Export dialog: REFI-QDA project for MAXQDA — the tool row shows (and
 * says what it changes), the summary options do not, and the archive has
 * the tool's folder and line breaks. */
static void
test_export_refi (Fixture       *f,
                  gconstpointer  data)
{
  /* The dialog closes itself when done; kept alive to the end. */
  DossierExportDialog *dialog = g_object_ref (dossier_export_dialog_new (GTK_WINDOW (f->window),
                                                                         f->source.project, 0));
  g_autofree char *out = g_build_filename (f->source.dir, "for-maxqda.qdpx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  DossierExportOptions options;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) archive = NULL;
  g_auto(GStrv) names = NULL;
  gboolean done = FALSE;
  gsize len;
  guint n_sources = 0;

  dossier_export_dialog_set_format (dialog, DOSSIER_EXPORT_QDPX);
  dossier_export_dialog_get_options (dialog, &options);
  options.target = DOSSIER_EXCHANGE_TARGET_MAXQDA;
  dossier_export_dialog_set_options (dialog, &options);
  gtk_window_present (GTK_WINDOW (dialog));
  flush_events ();

  {
    AdwComboRow *target = NULL;

    for (GtkWidget *w = find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW); w != NULL;
         w = gtk_widget_get_next_sibling (w))
      if (ADW_IS_COMBO_ROW (w) && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), "Tool"))
        target = ADW_COMBO_ROW (w);
    g_assert_nonnull (target);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (target)));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (target)), "\\r\\n"));

    /* A summary format hides it. */
    dossier_export_dialog_set_format (dialog, DOSSIER_EXPORT_MARKDOWN);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (target)));
    dossier_export_dialog_set_format (dialog, DOSSIER_EXPORT_QDPX);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (target)));
  }

  dossier_export_dialog_set_destination (dialog, file);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &done);
  dossier_export_dialog_export (dialog);
  wait_until (is_true, &done, "the export");

  g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
  archive = g_bytes_new_take (g_steal_pointer (&contents), len);
  names = exchange_zip_names (archive);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], "sources/"))
      {
        g_autoptr(GBytes) text = exchange_zip_entry (archive, names[i]);
        g_autofree char *s = g_strndup (g_bytes_get_data (text, NULL), g_bytes_get_size (text));

        g_assert_nonnull (strstr (s, "\r\n"));
        n_sources++;
      }
  g_assert_cmpuint (n_sources, ==, 3);

  g_signal_handlers_disconnect_by_data (dialog, &done);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
  g_assert_finalize_object (dialog);
}

/* Replace Text: the review lists what moved approximately (old and new
 * side by side), what moved and what is orphaned; an orphan placed on a
 * passage selected in the new text, an approximate one deleted, the rest
 * kept; Replace is one undo step. */
static void
test_replace_text (Fixture       *f,
                   gconstpointer  data)
{
  static const char old_text[] =
    "Harbour notes\n\n"
    "The ferry left at nine. The crew was tired.\n\n"
    "Fares will rise by ten percent next spring.\n\n"
    "The pier lights were fixed on Monday.";
  static const char new_text[] =
    "Harbour notes\n\n"
    "Update: the pier lamps were mended this week.\n\n"
    "The ferry left at nine. The crew was tired.\n\n"
    "Fares will rise by twelve percent next spring.";
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(DossierParsedDocument) doc = dossier_parsed_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after = NULL;
  DossierReplaceTextDialog *dialog;
  GPtrArray *plan;
  gint64 document_id, h_ferry, h_fares, h_lights, start, end;
  gint64 tags[1];
  guint fares = G_MAXUINT, lights = G_MAXUINT;

  tags[0] = dossier_project_add_tag (project, "Transport", 0, "#3584e4", NULL, &error);
  g_assert_no_error (error);
  document_id = exchange_add_document (project, "Harbour notes", old_text, NULL, NULL, NULL, NULL);
  h_ferry = exchange_add_highlight (project, document_id, old_text, "The ferry left at nine.", tags, 1, NULL);
  h_fares = exchange_add_highlight (project, document_id, old_text, "Fares will rise by ten percent next spring.",
                                    tags, 1, NULL);
  h_lights = exchange_add_highlight (project, document_id, old_text, "The pier lights were fixed on Monday.",
                                     tags, 1, "Check the date");
  dossier_window_open_document (f->window, document_id);
  flush_events ();

  doc->title = g_strdup ("Harbour notes");
  doc->format = g_strdup ("text");
  doc->text = g_strdup (new_text);
  doc->original = g_bytes_new (new_text, strlen (new_text));
  doc->blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));
  dialog = DOSSIER_REPLACE_TEXT_DIALOG (dossier_window_replace_text (f->window, g_steal_pointer (&doc)));
  g_assert_nonnull (dialog);
  flush_events ();

  {
    g_autofree char *approximate = report_rows (GTK_WIDGET (dialog), "Moved Approximately");
    g_autofree char *orphaned = report_rows (GTK_WIDGET (dialog), "Orphaned");
    g_autofree char *moved = report_rows (GTK_WIDGET (dialog), "Moved");

    g_test_message ("approximate:\n%s\norphaned:\n%s\nmoved:\n%s", approximate, orphaned, moved);
    g_assert_cmpstr (moved, ==, "“The ferry left at nine.”: The same words, elsewhere in the text\n");
    g_assert_cmpstr (orphaned, ==, "“The pier lights were fixed on Monday.”: Kept as orphaned: listed with "
                                   "the document, not shown in the text\n");
    g_assert_cmpstr (approximate, ==, ": Kept on the new passage\n");
  }

  plan = dossier_replace_text_dialog_get_plan (dialog);
  for (guint i = 0; i < plan->len; i++)
    {
      DossierReanchor *r = g_ptr_array_index (plan, i);

      if (r->highlight_id == h_fares)
        fares = i;
      else if (r->highlight_id == h_lights)
        lights = i;
    }
  g_assert_cmpuint (fares, <, plan->len);
  g_assert_cmpint (((DossierReanchor *) g_ptr_array_index (plan, fares))->outcome, ==, DOSSIER_ANCHOR_APPROXIMATE);
  g_assert_cmpstr (((DossierReanchor *) g_ptr_array_index (plan, fares))->new_quote, ==,
                   "Fares will rise by twelve percent next spring.");

  /* Placing needs a selection in the new text. */
  g_assert_false (dossier_replace_text_dialog_decide (dialog, lights, DOSSIER_REANCHOR_PLACE));
  find_range_in (new_text, "the pier lamps were mended this week", &start, &end);
  dossier_replace_text_dialog_select (dialog, start, end);
  g_assert_true (dossier_replace_text_dialog_decide (dialog, lights, DOSSIER_REANCHOR_PLACE));
  g_assert_true (dossier_replace_text_dialog_decide (dialog, fares, DOSSIER_REANCHOR_DELETE));
  {
    g_autofree char *orphaned = report_rows (GTK_WIDGET (dialog), "Orphaned");

    g_assert_cmpstr (orphaned, ==, "“The pier lights were fixed on Monday.”: Will be placed on "
                                   "“the pier lamps were mended this week”\n");
  }

  g_object_ref (dialog);
  g_assert_true (dossier_replace_text_dialog_apply (dialog));
  g_object_unref (dialog);
  flush_events ();

  after = dossier_project_list_highlights (project, document_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 2);
  {
    DossierHighlight *placed = g_ptr_array_index (after, 0);
    DossierHighlight *ferry = g_ptr_array_index (after, 1);

    g_assert_cmpint (dossier_highlight_get_id (placed), ==, h_lights);
    g_assert_cmpstr (dossier_highlight_get_quote (placed), ==, "the pier lamps were mended this week");
    g_assert_cmpstr (dossier_highlight_get_memo (placed), ==, "Check the date");
    g_assert_cmpint (dossier_highlight_get_id (ferry), ==, h_ferry);
    g_assert_cmpstr (dossier_highlight_get_quote (ferry), ==, "The ferry left at nine.");
  }

  /* One step undoes it all: the old text and its three highlights. */
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = dossier_project_get_document_text (project, document_id, &error);
    g_autoptr(GPtrArray) before = dossier_project_list_highlights (project, document_id, 0, &error);

    g_assert_cmpstr (text, ==, old_text);
    g_assert_cmpuint (before->len, ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/dossier/exchange-window/import-report", Fixture, NULL,
              fixture_set_up, test_import_report, fixture_tear_down);
  g_test_add ("/dossier/exchange-window/import-report-items", Fixture, NULL,
              fixture_set_up, test_import_report_items, fixture_tear_down);
  g_test_add ("/dossier/exchange-window/hostile-archive", Fixture, NULL,
              fixture_set_up, test_hostile_archive, fixture_tear_down);
  g_test_add ("/dossier/exchange-window/export-refi", Fixture, NULL,
              fixture_set_up, test_export_refi, fixture_tear_down);
  g_test_add ("/dossier/exchange-window/replace-text", Fixture, NULL,
              fixture_set_up, test_replace_text, fixture_tear_down);

  return g_test_run ();
}
