/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-panel.c — the base classes of the sidebar panels and their rows:
 * the project property (set, unset, notified once, bound from the window's
 * own), toasts and errors reaching the user, and rows registering with the
 * panel they are rooted in. A small panel and row are defined here the way
 * a new sidebar panel would be. */
#include "config.h"

#include <adwaita.h>

#include "dossier-row.h"
#include "dossier-window.h"
#include "ui-test-util.h"

/* ---- A panel and a row of the smallest kind --------------------------------- */

#define TEST_TYPE_PANEL (test_panel_get_type ())
G_DECLARE_FINAL_TYPE (TestPanel, test_panel, TEST, PANEL, DossierPanel)

struct _TestPanel
{
  DossierPanel    parent_instance;

  guint           n_changed;
  DossierProject *seen;      /* the project at the last project_changed() */
  guint           n_bound;
  DossierRow     *last_bound;
};

G_DEFINE_FINAL_TYPE (TestPanel, test_panel, DOSSIER_TYPE_PANEL)

static void
test_panel_project_changed (DossierPanel *panel)
{
  TestPanel *self = TEST_PANEL (panel);

  self->n_changed++;
  self->seen = dossier_panel_get_project (panel);
}

static void
test_panel_bind_row (DossierPanel *panel,
                     DossierRow   *row)
{
  TestPanel *self = TEST_PANEL (panel);

  self->n_bound++;
  self->last_bound = row;
}

static void
test_panel_class_init (TestPanelClass *klass)
{
  DOSSIER_PANEL_CLASS (klass)->project_changed = test_panel_project_changed;
  DOSSIER_PANEL_CLASS (klass)->bind_row = test_panel_bind_row;
}

static void
test_panel_init (TestPanel *self)
{
}

#define TEST_TYPE_ROW (test_row_get_type ())
G_DECLARE_FINAL_TYPE (TestRow, test_row, TEST, ROW, DossierRow)

struct _TestRow
{
  DossierRow parent_instance;

  guint      n_changed;
};

G_DEFINE_FINAL_TYPE (TestRow, test_row, DOSSIER_TYPE_ROW)

static void
test_row_item_changed (DossierRow *row)
{
  TEST_ROW (row)->n_changed++;
}

static void
test_row_class_init (TestRowClass *klass)
{
  DOSSIER_ROW_CLASS (klass)->item_changed = test_row_item_changed;
  dossier_row_class_set_item_type (DOSSIER_ROW_CLASS (klass), DOSSIER_TYPE_TAG);
}

static void
test_row_init (TestRow *self)
{
}

/* ---- Fixture ---------------------------------------------------------------- */

typedef struct
{
  char           *dir;
  char           *other_dir;
  DossierProject *project;
  DossierProject *other;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = test_create_project ("panel-one", "One", &f->dir, NULL);
  f->other = test_create_project ("panel-two", "Two", &f->other_dir, NULL);
  add_tag (f->project, "Costs", 0);
  add_tag (f->project, "Benefits", 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_finish_project (&f->project, &f->dir, NULL);
  test_finish_project (&f->other, &f->other_dir, NULL);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* ---- The project property ------------------------------------------------------ */

static void
test_project_property (Fixture       *f,
                       gconstpointer  data)
{
  TestPanel *panel = g_object_ref_sink (g_object_new (TEST_TYPE_PANEL, NULL));
  guint notified = 0;

  g_signal_connect (panel, "notify::project", G_CALLBACK (count_notify), &notified);
  g_assert_null (dossier_panel_get_project (DOSSIER_PANEL (panel)));
  g_assert_false (dossier_panel_is_writable (DOSSIER_PANEL (panel)));
  g_assert_null (dossier_panel_get_window (DOSSIER_PANEL (panel)));

  /* Set: the subclass follows before anyone is notified, once. */
  g_object_set (panel, "project", f->project, NULL);
  g_assert_true (dossier_panel_get_project (DOSSIER_PANEL (panel)) == f->project);
  g_assert_true (panel->seen == f->project);
  g_assert_cmpuint (panel->n_changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (dossier_panel_is_writable (DOSSIER_PANEL (panel)));

  /* The same project again is no change. */
  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  g_assert_cmpuint (panel->n_changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  /* Another project, then none. */
  dossier_panel_set_project (DOSSIER_PANEL (panel), f->other);
  g_assert_true (panel->seen == f->other);
  g_assert_cmpuint (notified, ==, 2);
  dossier_panel_set_project (DOSSIER_PANEL (panel), NULL);
  g_assert_null (panel->seen);
  g_assert_null (dossier_panel_get_project (DOSSIER_PANEL (panel)));
  g_assert_cmpuint (panel->n_changed, ==, 3);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_false (dossier_panel_is_writable (DOSSIER_PANEL (panel)));

  /* A panel that goes away lets its project go. */
  dossier_panel_set_project (DOSSIER_PANEL (panel), f->project);
  g_signal_handlers_disconnect_by_func (panel, count_notify, &notified);
  g_assert_finalize_object (panel);
}

static void
collect_panels (GtkWidget *widget,
                GPtrArray *panels)
{
  if (DOSSIER_IS_PANEL (widget))
    g_ptr_array_add (panels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_panels (child, panels);
}

static void
assert_panels_show (GPtrArray      *panels,
                    DossierProject *project)
{
  for (guint i = 0; i < panels->len; i++)
    if (dossier_panel_get_project (g_ptr_array_index (panels, i)) != project)
      g_error ("%s shows %p, not the window's project %p",
               G_OBJECT_TYPE_NAME (g_ptr_array_index (panels, i)),
               (gpointer) dossier_panel_get_project (g_ptr_array_index (panels, i)),
               (gpointer) project);
}

/* The window's sidebar panels follow its "project" by their bindings. */
static void
test_bound_from_window (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) panels = g_ptr_array_new ();
  DossierWindow *window = g_object_ref_sink (dossier_window_new (NULL));
  g_autofree char *dir = NULL;
  /* The window closes a project it lets go of: one of its own. */
  DossierProject *shown = test_create_project ("panel-window", "Shown", &dir, NULL);
  guint notified = 0;

  collect_panels (GTK_WIDGET (window), panels);
  /* Documents, codebook, highlights, search. */
  g_assert_cmpuint (panels->len, >=, 4);
  assert_panels_show (panels, NULL);

  g_signal_connect (window, "notify::project", G_CALLBACK (count_notify), &notified);
  dossier_window_set_project (window, shown);
  g_assert_cmpuint (notified, ==, 1);
  assert_panels_show (panels, shown);

  /* No change, no notification. */
  dossier_window_set_project (window, shown);
  g_assert_cmpuint (notified, ==, 1);

  /* The window closes a project it replaces: the panels let it go first. */
  dossier_window_set_project (window, NULL);
  g_assert_cmpuint (notified, ==, 2);
  assert_panels_show (panels, NULL);
  g_assert_null (dossier_window_get_project (window));

  g_signal_handlers_disconnect_by_func (window, count_notify, &notified);
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_object_unref (window);
  g_assert_finalize_object (shown);
  remove_tree (dir);
}

/* ---- Toasts and errors ------------------------------------------------------------ */

/* An action's "activate": its parameter, kept in *@kept. */
static void
keep_parameter (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       kept)
{
  g_clear_pointer ((GVariant **) kept, g_variant_unref);
  *(GVariant **) kept = g_variant_ref (parameter);
}

static void
test_toasts (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *panel = g_object_ref_sink (g_object_new (TEST_TYPE_PANEL, NULL));
  GtkWidget *overlay = adw_toast_overlay_new ();
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                                                 "The disk is full. Free some space and try again.");
  GtkWidget *window, *toast_label;
  GtkWindow *dialog;

  /* Outside a toast overlay a toast has nowhere to go, and says so. */
  g_assert_false (dossier_panel_show_toast (DOSSIER_PANEL (panel), "Nowhere", FALSE));

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), panel);
  window = show_in_window (overlay, 400, 300);
  g_assert_true (dossier_panel_get_window (DOSSIER_PANEL (panel)) == GTK_WINDOW (window));

  /* A toast with Undo is the window's to show (win.toast), which ties
   * its Undo to what was just done; in a window that does not offer
   * win.toast, nothing undoes, and the toast shows without Undo. */
  g_assert_true (dossier_panel_show_toast (DOSSIER_PANEL (panel), "Deleted tag “Costs”", TRUE));
  wait_until (label_shown, &(LabelShown) { overlay, "Deleted tag “Costs”" }, "the toast");
  toast_label = find_label (overlay, "Deleted tag “Costs”");
  g_assert_nonnull (toast_label);
  g_assert_null (find_button_with_action (overlay, "win.undo-step"));
  {
    g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
    g_autoptr(GSimpleAction) toast = g_simple_action_new ("toast", G_VARIANT_TYPE_STRING);
    g_autoptr(GVariant) asked = NULL;

    g_signal_connect (toast, "activate", G_CALLBACK (keep_parameter), &asked);
    g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (toast));
    gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (win));
    g_assert_true (dossier_panel_show_toast (DOSSIER_PANEL (panel), "Deleted tag “Risks”", TRUE));
    g_assert_nonnull (asked);
    g_assert_cmpstr (g_variant_get_string (asked, NULL), ==, "Deleted tag “Risks”");
    gtk_widget_insert_action_group (window, "win", NULL);
  }

  /* An error in a toast says what failed and why, and is logged. The
   * overlay shows one toast at a time: a fresh one, so it shows at once. */
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), NULL);
  close_window (window);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), panel);
  window = show_in_window (overlay, 400, 300);
  g_test_expect_message ("Dossier", G_LOG_LEVEL_MESSAGE, "Could not tag the passage: The disk is full.*");
  dossier_panel_report_error (DOSSIER_PANEL (panel), "Could not tag the passage", error);
  g_test_assert_expected_messages ();
  wait_until (label_shown,
              &(LabelShown) { overlay, "Could not tag the passage: The disk is full. Free some space and try again." },
              "the error's toast");
  g_assert_null (find_button_with_action (overlay, "win.undo-step"));

  /* An error in a dialog over the panel's window: heading and message. */
  dossier_panel_show_error (DOSSIER_PANEL (panel), "Could Not Rename Tag", error);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Rename Tag");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The disk is full. Free some space and try again.");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "close"));
  gtk_window_destroy (dialog);

  close_window (window);
  g_assert_finalize_object (panel);
}

/* ---- Rows -------------------------------------------------------------------------- */

static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  TestPanel *panel = g_object_ref_sink (g_object_new (TEST_TYPE_PANEL, NULL));
  TestRow *row = g_object_ref_sink (g_object_new (TEST_TYPE_ROW, NULL));
  GListModel *tags = dossier_project_get_tags (f->project);
  g_autoptr(DossierTag) costs = g_list_model_get_item (tags, 0);
  g_autoptr(DossierTag) benefits = g_list_model_get_item (tags, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *window;
  guint notified = 0;

  /* A row on its own shows its item; setting the same one is no change. */
  g_signal_connect (row, "notify::item", G_CALLBACK (count_notify), &notified);
  g_object_set (row, "item", costs, NULL);
  g_assert_true (dossier_row_get_item (DOSSIER_ROW (row)) == costs);
  g_assert_cmpuint (row->n_changed, ==, 1);
  dossier_row_set_item (DOSSIER_ROW (row), costs);
  g_assert_cmpuint (row->n_changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_null (dossier_row_get_panel (DOSSIER_ROW (row)));

  /* An item of another type is refused. */
  g_test_expect_message ("Dossier", G_LOG_LEVEL_CRITICAL, "*G_TYPE_CHECK_INSTANCE_TYPE*");
  dossier_row_set_item (DOSSIER_ROW (row), f->project);
  g_test_assert_expected_messages ();
  g_assert_true (dossier_row_get_item (DOSSIER_ROW (row)) == costs);

  /* Rooted in a panel: the panel is told about it, and finds it. */
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row));
  gtk_widget_set_parent (box, GTK_WIDGET (panel));
  window = show_in_window (GTK_WIDGET (panel), 300, 200);
  g_assert_true (dossier_row_get_panel (DOSSIER_ROW (row)) == DOSSIER_PANEL (panel));
  g_assert_cmpuint (panel->n_bound, ==, 1);
  g_assert_true (panel->last_bound == DOSSIER_ROW (row));
  g_assert_true (dossier_panel_find_row (DOSSIER_PANEL (panel), costs) == DOSSIER_ROW (row));
  g_assert_null (dossier_panel_find_row (DOSSIER_PANEL (panel), benefits));

  /* A new item, and the panel's own updates, bind it again. */
  dossier_row_set_item (DOSSIER_ROW (row), benefits);
  g_assert_cmpuint (panel->n_bound, ==, 2);
  g_assert_true (dossier_panel_find_row (DOSSIER_PANEL (panel), benefits) == DOSSIER_ROW (row));
  dossier_panel_update_rows (DOSSIER_PANEL (panel));
  g_assert_cmpuint (panel->n_bound, ==, 3);

  /* Taken out, it is no longer the panel's. */
  gtk_box_remove (GTK_BOX (box), GTK_WIDGET (row));
  g_assert_null (dossier_row_get_panel (DOSSIER_ROW (row)));
  g_assert_null (dossier_panel_find_row (DOSSIER_PANEL (panel), benefits));
  dossier_panel_update_rows (DOSSIER_PANEL (panel));
  g_assert_cmpuint (panel->n_bound, ==, 3);

  g_signal_handlers_disconnect_by_func (row, count_notify, &notified);
  close_window (window);
  g_assert_finalize_object (row);
  g_assert_finalize_object (panel);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/dossier/panel/project-property", Fixture, NULL, fixture_set_up, test_project_property, fixture_tear_down);
  g_test_add ("/dossier/panel/bound-from-window", Fixture, NULL, fixture_set_up, test_bound_from_window, fixture_tear_down);
  g_test_add ("/dossier/panel/toasts", Fixture, NULL, fixture_set_up, test_toasts, fixture_tear_down);
  g_test_add ("/dossier/panel/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);

  return g_test_run ();
}
