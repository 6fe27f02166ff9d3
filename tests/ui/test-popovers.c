/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-popovers.c — closing a window while one of its pickers is open (the
 * tag picker, the evidence picker from the reader or from a highlight
 * card), as a window manager's close button or Alt+F4 does: nothing may
 * be printed (a Gdk-CRITICAL was), and the window and its project go;
 * Ctrl+W and Ctrl+Q pressed in a picker, which close the window and
 * quit as they do from the window; and the reader's pickers and menu,
 * opened at the foot and the right edge of a 360 × 800 window, inside
 * it. Warnings and criticals are fatal here, as in every test. Runs under
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

/* Paragraphs enough to fill a 360 × 800 window's reader twice over. */
static const char long_article[] =
  "# Ferry timetable\n\n"
  "The winter timetable starts in November, with fewer sailings after dark and none on the last crossing of the night.\n\n"
  "Harbour staff say the early boat fills before it leaves, and that commuters wait on the quay in the rain.\n\n"
  "The operator says the late boat carried eleven people a night on average, and cost more than it took in fares.\n\n"
  "Students at the college on the far shore say the last boat was the only one that fitted their evening classes.\n\n"
  "The council will hear from both sides at its meeting in October, before the timetable is printed.\n\n"
  "A petition asking for the late boat to stay has been signed by some four hundred people since the summer.\n\n"
  "Shops by the pier say their trade depends on the evening crowd that the late crossing brings over.\n";

typedef struct
{
  char          *dir;
  char          *path;
  gint64         document_id;
  gint64         highlight_id;
  DossierWindow *window;
} Fixture;

/* A project of @text, with the tag "Costs" (and @n_more tags besides),
 * a highlight of @quote, and a stakeholder, open in a reader window. */
static void
set_up_project (Fixture    *f,
                const char *text,
                const char *quote,
                guint       n_more)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 tag;

  f->dir = test_make_tmp_dir ("popovers");
  f->path = g_build_filename (f->dir, "Popovers.dossier", NULL);
  project = dossier_project_create (f->path, "Popovers", &error);
  g_assert_no_error (error);
  tag = add_tag (project, "Costs", 0);
  for (guint i = 0; i < n_more; i++)
    {
      g_autofree char *name = g_strdup_printf ("Ferry tag %u", i + 1);

      add_tag (project, name, 0);
    }
  f->document_id = add_document (project, DOSSIER_FORMAT_MARKDOWN, text, "ferry.md");
  f->highlight_id = add_highlight (project, f->document_id, quote, &tag, 1, NULL);
  /* Something for the evidence picker to offer. */
  g_assert_cmpint (dossier_project_add_stakeholder (project, "Ferry operator", NULL,
                                                    DOSSIER_STAKEHOLDER_BUSINESS, &error), >, 0);
  g_assert_no_error (error);
  dossier_project_close (g_steal_pointer (&project));

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1280);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  set_up_project (f, article, "fuel costs more", 0);
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

/* ---- in a narrow window ---------------------------------------------------------- */

static void
narrow_set_up (Fixture       *f,
               gconstpointer  data)
{
  /* Enough tags for the picker's list to be long. */
  set_up_project (f, long_article, "fewer sailings after dark", 13);
  resize_toplevel (GTK_WINDOW (f->window), 360, 800);
  wait_for_animations (GTK_WIDGET (f->window));
}

/* Selects from the start of @needle to the end of its line as the reader
 * lays it out (the picker points at the right of the column), and scrolls
 * the reader until that line is at the foot of the view. Returns the
 * line's foot, in the window. */
static double
select_at_foot (Fixture    *f,
                const char *needle)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  GtkTextView *text_view = dossier_document_view_get_text_view (view);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view));
  GtkTextIter start, end;
  GdkRectangle rect;
  gint64 from, to;
  int wx, wy;
  graphene_point_t foot;

  select_in_reader (f->window, f->document_id, needle, &from, &to);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &start, (int) from);
  end = start;
  gtk_text_view_forward_display_line_end (text_view, &end);
  dossier_document_view_select_range (view, from, gtk_text_iter_get_offset (&end));
  flush_events ();

  gtk_text_view_get_iter_location (text_view, &end, &rect);
  gtk_adjustment_set_value (adjustment, rect.y + rect.height - gtk_adjustment_get_page_size (adjustment) + 24);
  wait_for_animations (GTK_WIDGET (f->window));
  gtk_text_view_get_iter_location (text_view, &end, &rect);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y + rect.height, &wx, &wy);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (text_view), GTK_WIDGET (f->window),
                                           &GRAPHENE_POINT_INIT (wx, wy), &foot));
  g_test_message ("the selection ends at %g,%g in a window %dx%d", foot.x, foot.y,
                  gtk_widget_get_width (GTK_WIDGET (f->window)), gtk_widget_get_height (GTK_WIDGET (f->window)));
  return foot.y;
}

/* The tag picker and the evidence picker, opened on a selection at the
 * foot of the reader and at the column's right, and the highlight menu,
 * opened at the view's bottom right corner, lie whole in the window (at
 * 360 × 800 the tag picker reached some 100 px below it, and past its
 * right edge: GTK keeps a popover on the monitor, not in the window). */
static void
test_narrow_in_window (Fixture       *f,
                       gconstpointer  data)
{
  DossierReaderPage *page = dossier_window_get_reader_page (f->window);
  GtkWidget *view = GTK_WIDGET (dossier_window_get_document_view (f->window));
  GtkWidget *window = GTK_WIDGET (f->window);
  const char *actions[] = { "reader.tag-selection", "reader.add-evidence" };

  g_assert_cmpint (gtk_widget_get_width (window), <, 400);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *picker;

      /* Under the line, the picker has less room than it needs. */
      g_assert_cmpfloat (select_at_foot (f, "Shops by the pier"), >, gtk_widget_get_height (window) - 250);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), actions[i], NULL));
      picker = i == 0 ? page->tag_picker : page->evidence_picker;
      wait_until (popover_placed, picker, "the picker to be placed");
      wait_for_animations (window);
      g_assert_true (popover_in_window (picker, window));
      gtk_popover_popdown (GTK_POPOVER (picker));
      flush_events ();
    }

  _dossier_reader_page_popup_highlight_menu (page, f->highlight_id, gtk_widget_get_width (view) - 4,
                                             gtk_widget_get_height (view) - 4);
  wait_until (popover_placed, page->highlight_menu, "the highlight menu to be placed");
  wait_for_animations (window);
  g_assert_true (popover_in_window (page->highlight_menu, window));
  gtk_popover_popdown (GTK_POPOVER (page->highlight_menu));
  flush_events ();
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
  g_test_add ("/dossier/popovers/narrow-in-window", Fixture, NULL, narrow_set_up, test_narrow_in_window,
              fixture_tear_down);
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
