/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-exchange.c — the window and other tools: importing a REFI-QDA
 * project (from Dossier or from another tool) shows the import report in
 * a dialog (counts, what changed, what did not come in, Copy) and is one
 * undo step; a hostile archive is refused with a readable message and
 * leaves the project as it was; a cancelled import leaves nothing and
 * shows no report; the Export dialog writes a REFI-QDA project for the
 * chosen tool; the Replace Text review, clicked through at 1100 and at
 * 360 px wide, and cancelled. Runs under xvfb-run and dbus-run-session
 * (suite "ui"). */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <sqlite3.h>
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
  copied = read_clipboard_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)));
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

/* ---- Replace Text ---------------------------------------------------------------- */

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

typedef struct
{
  gint64 document_id;
  gint64 ferry;
  gint64 fares;
  gint64 lights;
} Harbour;

/* The document with old_text and its three highlights, on show. */
static void
add_harbour (Fixture *f,
             Harbour *h)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(GError) error = NULL;
  gint64 tags[1];

  tags[0] = dossier_project_add_tag (project, "Transport", 0, "#3584e4", NULL, &error);
  g_assert_no_error (error);
  h->document_id = exchange_add_document (project, "Harbour notes", old_text, NULL, NULL, NULL, NULL);
  h->ferry = exchange_add_highlight (project, h->document_id, old_text, "The ferry left at nine.", tags, 1, NULL);
  h->fares = exchange_add_highlight (project, h->document_id, old_text, "Fares will rise by ten percent next spring.",
                                     tags, 1, NULL);
  h->lights = exchange_add_highlight (project, h->document_id, old_text, "The pier lights were fixed on Monday.",
                                      tags, 1, "Check the date");
  dossier_window_open_document (f->window, h->document_id);
  flush_events ();
}

/* The review of new_text for the document on show, as Replace Text
 * With a Newer Version… opens it. */
static DossierReplaceTextDialog *
open_review (Fixture *f)
{
  g_autoptr(DossierParsedDocument) doc = dossier_parsed_document_new ();
  GtkWidget *dialog;

  doc->title = g_strdup ("Harbour notes");
  doc->format = g_strdup ("text");
  doc->text = g_strdup (new_text);
  doc->original = g_bytes_new (new_text, strlen (new_text));
  doc->blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));
  dialog = dossier_window_replace_text (f->window, g_steal_pointer (&doc));
  g_assert_nonnull (dialog);
  g_assert_true (find_toplevel (DOSSIER_TYPE_REPLACE_TEXT_DIALOG, GTK_WINDOW (f->window)) == GTK_WINDOW (dialog));
  flush_events ();
  return DOSSIER_REPLACE_TEXT_DIALOG (dialog);
}

/* The review's rows in the group titled @group, as "title: what becomes
 * of it" lines. */
static char *
review_rows (DossierReplaceTextDialog *dialog,
             const char               *group)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  collect_with_class (GTK_WIDGET (dialog), "reanchor-row", rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *in = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (in)), group) == 0
          && gtk_widget_get_visible (in))
        g_string_append_printf (out, "%s: %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                label_with_class (row, "reanchor-outcome"));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The review's row of the highlight that read @quote. */
static GtkWidget *
review_row (DossierReplaceTextDialog *dialog,
            const char               *quote)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *title = g_strdup_printf ("“%s”", quote);

  collect_with_class (GTK_WIDGET (dialog), "reanchor-row", rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  g_error ("no row for %s", title);
}

static gboolean
is_drawable (gpointer data)
{
  return gtk_widget_is_drawable (data);
}

/* Clicks the button labelled @label in @widget, as a person does: once it
 * is on show, and it must be sensitive. */
static void
click (GtkWidget  *widget,
       const char *label)
{
  GtkWidget *button = find_button_labelled (widget, label);

  g_assert_nonnull (button);
  wait_until (is_drawable, button, label);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
}

static gboolean
review_is_narrow (gpointer data)
{
  return dossier_replace_text_dialog_is_narrow (data);
}

static gboolean
review_closed (gpointer data)
{
  return find_toplevel (DOSSIER_TYPE_REPLACE_TEXT_DIALOG, GTK_WINDOW (data)) == NULL;
}

typedef struct
{
  GtkWidget *row;
  GtkWidget *before;
  GtkWidget *now;
  gboolean   narrow;
} CaptionsWait;

/* A row's "Now" caption is under its "Before" one (narrow) or beside it. */
static gboolean
captions_placed (gpointer data)
{
  CaptionsWait *w = data;
  graphene_rect_t before, now;

  if (!gtk_widget_compute_bounds (w->before, w->row, &before) ||
      !gtk_widget_compute_bounds (w->now, w->row, &now))
    return FALSE;
  return w->narrow ? now.origin.y > before.origin.y : now.origin.x > before.origin.x;
}

/* Every button of @dialog and every row lies within its width: nothing
 * cut off at the right edge. */
static void
assert_within (DossierReplaceTextDialog *dialog)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  int width = gtk_widget_get_width (GTK_WIDGET (dialog));

  collect_with_class (GTK_WIDGET (dialog), "reanchor-row", rows);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) inside = g_ptr_array_new ();
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (dialog), &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
      for (const char *const *label = (const char *const []) { "_Keep", "_Delete", NULL }; *label != NULL; label++)
        {
          GtkWidget *button = find_button_labelled (row, *label);

          g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (dialog), &bounds));
          g_assert_cmpfloat (bounds.size.width, >, 0);
          g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
        }
    }
}

/* Replace Text, at @data pixels wide: the review lists what moved
 * approximately (old and new passage side by side, or one above the other
 * when narrow), what moved and what is orphaned; with the buttons, as a
 * person clicks them: Place on Selection without a selection does
 * nothing, with one it places the orphan there; an approximate one
 * deleted, the rest kept; Replace is one undo step. */
static void
test_replace_text (Fixture       *f,
                   gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);
  gboolean narrow = width < 720;
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after = NULL;
  DossierReplaceTextDialog *dialog;
  GtkWidget *lights, *fares;
  GtkWidget *paned;
  gint64 start, end;
  Harbour h;

  add_harbour (f, &h);
  dialog = open_review (f);
  if (narrow)
    {
      /* Narrower than its wide layout's minimum, it goes to that minimum
       * first, turns narrow there, and then takes the width. */
      int min;

      gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_assert_cmpint (min, <, 720);
      resize_toplevel (GTK_WINDOW (dialog), min, 720);
      wait_until (review_is_narrow, dialog, "the narrow layout");
      flush_events ();
    }
  resize_toplevel (GTK_WINDOW (dialog), width, 720);
  flush_events ();
  g_assert_cmpint (dossier_replace_text_dialog_is_narrow (dialog), ==, narrow);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), ==, width);

  {
    g_autofree char *approximate = review_rows (dialog, "Moved Approximately");
    g_autofree char *orphaned = review_rows (dialog, "Orphaned");
    g_autofree char *moved = review_rows (dialog, "Moved");

    g_test_message ("approximate:\n%s\norphaned:\n%s\nmoved:\n%s", approximate, orphaned, moved);
    g_assert_cmpstr (moved, ==, "“The ferry left at nine.”: The same words, elsewhere in the text\n");
    g_assert_cmpstr (orphaned, ==, "“The pier lights were fixed on Monday.”: Kept as orphaned: listed with "
                                   "the document, not shown in the text\n");
    g_assert_cmpstr (approximate, ==, "“Fares will rise by ten percent next spring.”: Kept on the new passage\n");
  }

  /* The layout for the width: the new text beside the list or under it;
   * before and now side by side or one above the other; nothing cut off. */
  paned = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_PANED);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==,
                   narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  fares = review_row (dialog, "Fares will rise by ten percent next spring.");
  {
    GtkWidget *content = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (fares));
    g_autoptr(GPtrArray) captions = g_ptr_array_new ();
    CaptionsWait w = { fares, NULL, NULL, narrow };

    g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (content)), ==,
                     narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
    collect_with_class (fares, "caption-heading", captions);
    g_assert_cmpuint (captions->len, ==, 2);
    g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (captions, 0)), ==, "Before");
    g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (captions, 1)), ==, "Now");
    /* The row's new orientation is laid out on a later frame (a loaded
     * machine may not have drawn it yet). */
    w.before = g_ptr_array_index (captions, 0);
    w.now = g_ptr_array_index (captions, 1);
    wait_until (captions_placed, &w, narrow ? "“Now” under “Before”" : "“Now” beside “Before”");
  }
  assert_within (dialog);

  /* Placing needs a selection in the new text: without one, nothing. */
  lights = review_row (dialog, "The pier lights were fixed on Monday.");
  click (lights, "_Place on Selection");
  g_assert_cmpstr (label_with_class (lights, "reanchor-outcome"), ==,
                   "Kept as orphaned: listed with the document, not shown in the text");
  text_range (new_text, "the pier lamps were mended this week", &start, &end);
  dossier_replace_text_dialog_select (dialog, start, end);
  click (lights, "_Place on Selection");
  g_assert_cmpstr (label_with_class (lights, "reanchor-outcome"), ==,
                   "Will be placed on “the pier lamps were mended this week”");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button_labelled (lights, "_Keep"))));
  click (fares, "_Delete");
  g_assert_cmpstr (label_with_class (fares, "reanchor-outcome"), ==, "Will be deleted");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button_labelled (fares, "_Keep"))));

  click (GTK_WIDGET (dialog), "_Replace");
  wait_until (review_closed, f->window, "the review to close");

  after = dossier_project_list_highlights (project, h.document_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 2);
  {
    DossierHighlight *placed = g_ptr_array_index (after, 0);
    DossierHighlight *ferry = g_ptr_array_index (after, 1);

    g_assert_cmpint (dossier_highlight_get_id (placed), ==, h.lights);
    g_assert_cmpstr (dossier_highlight_get_quote (placed), ==, "the pier lamps were mended this week");
    g_assert_cmpstr (dossier_highlight_get_memo (placed), ==, "Check the date");
    g_assert_cmpint (dossier_highlight_get_id (ferry), ==, h.ferry);
    g_assert_cmpstr (dossier_highlight_get_quote (ferry), ==, "The ferry left at nine.");
  }

  /* One step undoes it all: the old text and its three highlights. */
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = dossier_project_get_document_text (project, h.document_id, &error);
    g_autoptr(GPtrArray) before = dossier_project_list_highlights (project, h.document_id, 0, &error);

    g_assert_cmpstr (text, ==, old_text);
    g_assert_cmpuint (before->len, ==, 3);
  }
}

/* Cancel, after deciding: the review closes and nothing changed — the old
 * text, its highlights, nothing to undo beyond what was there. */
static void
test_replace_text_cancel (Fixture       *f,
                          gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *text = NULL;
  DossierReplaceTextDialog *dialog;
  Harbour h;

  add_harbour (f, &h);
  undo_label = g_strdup (dossier_project_get_undo_label (project));
  dialog = open_review (f);
  click (review_row (dialog, "Fares will rise by ten percent next spring."), "_Delete");
  click (GTK_WIDGET (dialog), "_Cancel");
  wait_until (review_closed, f->window, "the review to close");

  text = dossier_project_get_document_text (project, h.document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, old_text);
  after = dossier_project_list_highlights (project, h.document_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, undo_label);
}

/* ---- Cancelling an import -------------------------------------------------------- */

/* Whether a label on show at or below @widget reads @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
toast_says (gpointer data)
{
  return shows_label (GTK_WIDGET (data), "Import cancelled: nothing was imported");
}

/* Cancel in the import bar while a .qdpx comes in: nothing came in (no
 * document, tag or step to undo), no report and no error, and the bar
 * says so in a toast. Another program holds the file's write lock until
 * after the click, so the import is still under way when it comes. */
static void
test_import_cancel (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *qdpx = write_export (f, DOSSIER_EXCHANGE_TARGET_STANDARD, "study.qdpx");
  DossierProject *project = dossier_window_get_project (f->window);
  GFile *files[1] = { g_file_new_for_path (qdpx) };
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  /* The window may be writing in the background (the search index):

   * wait for it, then hold the file as another program would. */

  sqlite3_busy_timeout (other, 10000);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  dossier_window_import_files (f->window, files, 1);
  g_assert_true (dossier_window_is_importing (f->window));
  click (GTK_WIDGET (f->window->import_revealer), "_Cancel");

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  wait_until (not_importing, f->window, "the import to stop");
  wait_until (toast_says, f->window->toast_overlay, "the toast");
  flush_events ();

  g_assert_null (find_toplevel (DOSSIER_TYPE_IMPORT_REPORT_DIALOG, GTK_WINDOW (f->window)));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (f->window)));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (project)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_stakeholders (project)), ==, 0);
  g_assert_false (dossier_project_get_can_undo (project));
  g_object_unref (files[0]);
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
  g_test_add ("/dossier/exchange-window/import-cancel", Fixture, NULL,
              fixture_set_up, test_import_cancel, fixture_tear_down);
  g_test_add ("/dossier/exchange-window/replace-text", Fixture, GINT_TO_POINTER (1100),
              fixture_set_up, test_replace_text, fixture_tear_down);
  g_test_add ("/dossier/exchange-window/replace-text-360px", Fixture, GINT_TO_POINTER (360),
              fixture_set_up, test_replace_text, fixture_tear_down);
  g_test_add ("/dossier/exchange-window/replace-text-cancel", Fixture, NULL,
              fixture_set_up, test_replace_text_cancel, fixture_tear_down);

  return g_test_run ();
}
