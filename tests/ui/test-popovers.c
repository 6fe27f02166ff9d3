/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-popovers.c — closing a window while one of its pickers is open (the
 * tag picker, the evidence picker from the reader or from a highlight
 * card), as a window manager's close button or Alt+F4 does: nothing may
 * be printed (a Gdk-CRITICAL was), and the window and its project go;
 * and Ctrl+W and Ctrl+Q pressed in a picker, which close the window and
 * quit as they do from the window. Warnings and criticals are fatal here, as in every test. Runs under
 * xvfb-run and dbus-run-session (suite "ui"). */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <dossier/dossier.h>

#include "dossier-application.h"
#include "dossier-evidence-picker.h"
#include "dossier-highlight-card.h"
#include "dossier-reader-page-private.h"
#include "dossier-tag-picker.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

static const char article[] =
  "# Ferry fares\n\n"
  "The ferry fare rises by a fifth in April, the operator said on Monday.\n\n"
  "Commuters say the increase is unfair; the operator says fuel costs more.\n";

typedef struct
{
  char          *dir;
  char          *path;
  gint64         document_id;
  gint64         highlight_id;
  DossierWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 tag;

  f->dir = test_make_tmp_dir ("popovers");
  f->path = g_build_filename (f->dir, "Popovers.dossier", NULL);
  project = dossier_project_create (f->path, "Popovers", &error);
  g_assert_no_error (error);
  tag = add_tag (project, "Costs", 0);
  f->document_id = add_document (project, DOSSIER_FORMAT_MARKDOWN, article, "ferry.md");
  f->highlight_id = add_highlight (project, f->document_id, "fuel costs more", &tag, 1, NULL);
  /* Something for the evidence picker to offer. */
  g_assert_cmpint (dossier_project_add_stakeholder (project, "Ferry operator", NULL,
                                                    DOSSIER_STAKEHOLDER_BUSINESS, &error), >, 0);
  g_assert_no_error (error);
  dossier_project_close (g_steal_pointer (&project));

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1280);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  finish_reader_window (&f->window, &f->dir, &f->path);
}

/* Puts the pointer over the middle of @popover, as a user about to pick
 * from it: GTK starts the delay of a tooltip for what is under it. */
static void
point_at (GtkWidget *popover)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
  GdkDisplay *display = gtk_widget_get_display (popover);
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);

  XWarpPointer (xdisplay, None, gdk_x11_surface_get_xid (surface), 0, 0, 0, 0,
                gdk_surface_get_width (surface) / 2, gdk_surface_get_height (surface) / 2);
  XFlush (xdisplay);
  flush_events ();
}

/* Closes the window as a window manager asks it to (the window's close
 * button, Alt+F4), with @popover open and the pointer over it (NULL: with
 * nothing open), and waits past a tooltip's delay: the window goes, and
 * its project with it. */
static void
close_window_with (Fixture   *f,
                   GtkWidget *popover)
{
  g_autoptr(DossierProject) left = NULL;
  GWeakRef project;
  gint64 until;

  if (popover != NULL)
    {
      g_assert_true (gtk_widget_get_mapped (popover));
      point_at (popover);
    }
  g_weak_ref_init (&project, dossier_window_get_project (f->window));

  gtk_window_close (GTK_WINDOW (f->window));
  flush_events ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_clear_object (&f->window);

  /* Longer than GTK's tooltip delay (500 ms). */
  until = g_get_monotonic_time () + G_TIME_SPAN_SECOND;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);

  left = g_weak_ref_get (&project);
  g_weak_ref_clear (&project);
  g_assert_null (left);
}

static void
test_nothing_open (Fixture       *f,
                   gconstpointer  data)
{
  close_window_with (f, NULL);
}

/* The tag picker, opened with Ctrl+T on a selection. */
static void
test_tag_picker (Fixture       *f,
                 gconstpointer  data)
{
  DossierReaderPage *page = dossier_window_get_reader_page (f->window);
  gint64 start, end;

  select_in_reader (f->window, f->document_id, "rises by a fifth", &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reader.tag-selection", NULL));
  flush_events ();
  gtk_editable_set_text (dossier_tag_picker_get_entry (DOSSIER_TAG_PICKER (page->tag_picker)), "Co");
  flush_events ();
  close_window_with (f, page->tag_picker);
}

/* The evidence picker, opened on a selection. */
static void
test_evidence_picker (Fixture       *f,
                      gconstpointer  data)
{
  DossierReaderPage *page = dossier_window_get_reader_page (f->window);
  gint64 start, end;

  select_in_reader (f->window, f->document_id, "the increase is unfair", &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reader.add-evidence", NULL));
  flush_events ();
  close_window_with (f, page->evidence_picker);
}

/* The application, registered once for the whole run as test-about
 * registers it (a second one of the same id, made while the first is
 * still held, is refused the bus): its accelerators are the window's. */
static DossierApplication *app;

/* Ctrl+W and Ctrl+Q pressed in a picker (its entry has the focus) close
 * the window and quit, as they do from the window: a popover's keys never
 * reach the window's shortcuts, where the application's accelerators
 * are, and they did nothing. A key without Ctrl or Alt is the entry's. */
static void
test_app_keys (Fixture       *f,
               gconstpointer  data)
{
  DossierReaderPage *page = dossier_window_get_reader_page (f->window);
  gboolean evidence = strstr (data, "evidence") != NULL;
  guint keyval = strstr (data, "quit") != NULL ? GDK_KEY_q : GDK_KEY_w;
  GtkWidget *picker;
  gint64 start, end;

  gtk_window_set_application (GTK_WINDOW (f->window), GTK_APPLICATION (app));

  select_in_reader (f->window, f->document_id, "rises by a fifth", &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                             evidence ? "reader.add-evidence" : "reader.tag-selection",
                                             NULL));
  picker = evidence ? page->evidence_picker : page->tag_picker;
  flush_events ();
  g_assert_true (gtk_widget_get_mapped (picker));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), picker));

  /* Without Ctrl, the key is left to the entry. */
  g_assert_false (press_key_on (picker, keyval, 0));
  flush_events ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (gtk_widget_get_mapped (picker));

  g_assert_true (press_key_on (picker, keyval, GDK_CONTROL_MASK));
  flush_events ();
  g_assert_false (gtk_widget_get_visible (picker));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_clear_object (&f->window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = dossier_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/dossier/popovers/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("close-window/nothing-open", test_nothing_open);
  ADD ("close-window/tag-picker", test_tag_picker);
  ADD ("close-window/evidence-picker", test_evidence_picker);
  g_test_add ("/dossier/popovers/app-keys/tag-picker/close", Fixture, "tag close",
              fixture_set_up, test_app_keys, fixture_tear_down);
  g_test_add ("/dossier/popovers/app-keys/tag-picker/quit", Fixture, "tag quit",
              fixture_set_up, test_app_keys, fixture_tear_down);
  g_test_add ("/dossier/popovers/app-keys/evidence-picker/close", Fixture, "evidence close",
              fixture_set_up, test_app_keys, fixture_tear_down);
  g_test_add ("/dossier/popovers/app-keys/evidence-picker/quit", Fixture, "evidence quit",
              fixture_set_up, test_app_keys, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
