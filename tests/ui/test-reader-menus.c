/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reader-menus.c — what the reader tells and offers around a
 * selection: the "Tag…" button beside it covering no text and gone once
 * the selection is tagged; the number keys saying why they tag nothing
 * (no selection, a read-only project); the text's own menu (Tag entries,
 * no greyed Cut and Paste); the Keyboard Shortcuts window listing the
 * codebook's keys; tooltips kept off freshly opened menus; colour dots in
 * the Merge Into drop-down. Runs under xvfb-run and dbus-run-session
 * (suite "ui"). */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-reader-page-private.h"
#include "dossier-tag-chip.h"
#include "dossier-tag-choose-dialog.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  gint64         document_id;
  gint64         risks_id;
  gint64         benefits_id;
  DossierWindow *window;
} Fixture;

/* Long paragraphs, so that a selection has a line of text under it. */
static const char article[] =
  "# Harbour Ferry Fares Rise\n"
  "\n"
  "The city council voted on Tuesday to raise ferry fares by ten percent, citing the cost of "
  "diesel and two new boats for the café-lined north pier, and the harbour master said that "
  "the older boats would be sold to a company on the other side of the bay before the summer, "
  "when the timetable changes and the evening crossings are cut from six to four.\n"
  "\n"
  "Commuters on low incomes will pay “far more than before”, said Zoë Márquez, who crosses "
  "twice a day; the operator answered that season tickets will not change until the spring, "
  "and that the fares had not risen for seven years, longer than on any other route.\n";

/* Painted, and laid out at the window's size (a person selects nothing
 * before that). */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = test_create_project ("Ferries", "Ferry Fares", &f->dir, &f->path);
  f->risks_id = dossier_project_add_tag (project, "Risks", 0, "#e01b24", NULL, &error);
  g_assert_no_error (error);
  f->benefits_id = dossier_project_add_tag (project, "Benefits", 0, "#2ec27e", NULL, &error);
  g_assert_no_error (error);
  f->document_id = add_document (project, DOSSIER_FORMAT_MARKDOWN, article, "ferries.md");
  dossier_project_close (project);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  finish_reader_window (&f->window, &f->dir, &f->path);
}

static GtkTextView *
text_view (Fixture *f)
{
  return dossier_document_view_get_text_view (dossier_window_get_document_view (f->window));
}

/* Presses @keyval on the text as GTK would with the text focused: through
 * the reader's own keys (its shortcut controller on the text view);
 * TRUE if one acted. */
static gboolean
press_text_key (Fixture *f,
                guint    keyval)
{
  GtkWidget *view = GTK_WIDGET (text_view (f));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
          || g_strcmp0 (gtk_event_controller_get_name (controller), "dossier-reader-keys") != 0)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              gboolean acted = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, view,
                                                             gtk_shortcut_get_arguments (shortcut));

              flush_events ();
              return acted;
            }
        }
    }

  return FALSE;
}

/* The rectangle of the display line holding @offset, or of the one after
 * it (@next), in the text view's widget coordinates, across the whole
 * text column (from where the line's text starts, right of the stripes'
 * gutter, to the right margin). */
static graphene_rect_t
line_rect (Fixture *f,
           gint64   offset,
           gboolean next)
{
  GtkTextView *view = text_view (f);
  GtkTextIter iter;
  GdkRectangle rect;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, (int) offset);
  if (next)
    g_assert_true (gtk_text_view_forward_display_line (view, &iter));
  gtk_text_view_backward_display_line_start (view, &iter);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &wx, &wy);
  return GRAPHENE_RECT_INIT (wx, wy,
                             gtk_widget_get_width (GTK_WIDGET (view)) - wx
                             - gtk_text_view_get_right_margin (view),
                             rect.height);
}

/* The display line over the one holding @offset, as line_rect. */
static graphene_rect_t
line_rect_above (Fixture *f,
                 gint64   offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view (f)), &iter, (int) offset);
  g_assert_true (gtk_text_view_backward_display_line (text_view (f), &iter));
  return line_rect (f, gtk_text_iter_get_offset (&iter), FALSE);
}

static gboolean
button_shown (gpointer data)
{
  Fixture *f = data;
  GtkWidget *button = GTK_WIDGET (f->window->reader_page->tag_selection_button);

  return gtk_widget_get_mapped (button) && gtk_widget_get_width (button) > 0;
}

/* The "Tag…" button is beside the selection, over neither the selection's
 * last line nor the line under it. */
static void
assert_button_clear (Fixture *f,
                     gint64   end)
{
  GtkWidget *button = GTK_WIDGET (f->window->reader_page->tag_selection_button);
  graphene_rect_t bounds, under, last;

  wait_until (button_shown, f, "the Tag… button");
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (text_view (f)), &bounds));
  under = line_rect (f, end, TRUE);
  last = line_rect (f, end - 1, FALSE);
  g_test_message ("button %g,%g %gx%g; under %g,%g %gx%g", bounds.origin.x, bounds.origin.y,
                  bounds.size.width, bounds.size.height, under.origin.x, under.origin.y,
                  under.size.width, under.size.height);
  g_assert_false (graphene_rect_intersection (&bounds, &under, NULL));
  g_assert_false (graphene_rect_intersection (&bounds, &last, NULL));
}

static void
test_tag_button (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *button;
  gint64 start, end;

  /* A wide window: the button sits in the margin. */
  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1400);
  button = GTK_WIDGET (f->window->reader_page->tag_selection_button);
  select_in_reader (f->window, f->document_id, "diesel and two new boats", &start, &end);
  assert_button_clear (f, end);

  /* Tagged: its work is done, it goes. */
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  g_assert_false (gtk_widget_get_visible (button));

  /* Another selection brings it back. */
  select_in_reader (f->window, f->document_id, "season tickets", &start, &end);
  assert_button_clear (f, end);

  /* The tag picker tags it too, and it goes. */
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.tag-selection", NULL);
  flush_events ();
  g_signal_emit_by_name (f->window->reader_page->tag_picker, "tag-chosen", f->risks_id);
  flush_events ();
  g_assert_false (gtk_widget_get_visible (button));
}

static void
test_tag_button_margin (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *button;
  graphene_rect_t bounds;
  GtkTextView *view;
  gint64 start, end;

  /* Room beside the text column: the button goes there, level with the
   * selection's last line. */
  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1600);
  select_in_reader (f->window, f->document_id, "harbour master said", &start, &end);
  assert_button_clear (f, end);
  view = text_view (f);
  button = GTK_WIDGET (f->window->reader_page->tag_selection_button);
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (view), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=,
                     gtk_widget_get_width (GTK_WIDGET (view)) - gtk_text_view_get_right_margin (view));
}

static GtkWidget *
window_focus (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

/* Tab (Shift+Tab): the shortcuts on the way to the focus, else what the
 * window's own binding does (press_key () tries keyval triggers alone). */
static void
press_tab (Fixture  *f,
           gboolean  backward)
{
  if (press_key (f->window, GDK_KEY_Tab, backward ? GDK_SHIFT_MASK : 0) != NULL)
    return;
  g_signal_emit_by_name (f->window, "move-focus", backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
  flush_events ();
}

/* Tab from the text goes to the "Tag…" button, Tab from there past the
 * text, Shift+Tab back to the text and from the text past the button,
 * wherever the selection puts the button. Before, GTK put the overlay's
 * children in the order of their centres: a selection in the upper half
 * of the view put the button before the text, and Tab went elsewhere. */
static void
test_tag_button_tab (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *button, *view, *overlay;
  graphene_rect_t bounds;
  const char *passages[] = { "diesel and two new boats", "longer than on any other route" };
  gint64 start, end;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
  button = GTK_WIDGET (f->window->reader_page->tag_selection_button);
  view = GTK_WIDGET (text_view (f));
  overlay = GTK_WIDGET (f->window->reader_page->view_overlay);

  for (guint i = 0; i < G_N_ELEMENTS (passages); i++)
    {
      select_in_reader (f->window, f->document_id, passages[i], &start, &end);
      wait_until (button_shown, f, "the Tag… button");
      g_assert_true (gtk_widget_compute_bounds (button, overlay, &bounds));
      g_test_message ("“%s”: the button's centre at %g of %d", passages[i],
                      bounds.origin.y + bounds.size.height / 2, gtk_widget_get_height (overlay));
      /* The first above the view's middle, where GTK ordered it first. */
      if (i == 0)
        g_assert_cmpfloat (bounds.origin.y + bounds.size.height / 2, <, gtk_widget_get_height (overlay) / 2.0);

      g_assert_true (window_focus (f) == view);
      press_tab (f, FALSE);
      g_assert_true (window_focus (f) == button);
      press_tab (f, FALSE);
      g_assert_nonnull (window_focus (f));
      g_assert_false (window_focus (f) == view || gtk_widget_is_ancestor (window_focus (f), overlay));
      /* Shift+Tab comes back the same way: the button, then the text. */
      press_tab (f, TRUE);
      g_assert_true (window_focus (f) == button);
      press_tab (f, TRUE);
      g_assert_true (window_focus (f) == view);

      g_assert_true (gtk_widget_grab_focus (button));
      press_tab (f, TRUE);
      g_assert_true (window_focus (f) == view);
      press_tab (f, TRUE);
      g_assert_nonnull (window_focus (f));
      g_assert_false (window_focus (f) == button || gtk_widget_is_ancestor (window_focus (f), overlay));
      /* The selection is still there (the button with it). */
      g_assert_true (dossier_document_view_get_selection (dossier_window_get_document_view (f->window),
                                                          &start, &end));
    }
}

/* Where the text column starts, in the text view's coordinates, on the
 * display line holding @offset. */
static double
text_left_at (Fixture *f,
              gint64   offset)
{
  GtkTextView *view = text_view (f);
  GtkTextIter iter;
  GdkRectangle rect;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, (int) offset);
  gtk_text_view_backward_display_line_start (view, &iter);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &wx, &wy);
  return wx;
}

/* No room right of the text (both sidebars beside it), but the stripes'
 * gutter left of it: the button goes there, over no text at all — not
 * over the line above the selection, as it did (its icon alone: at this
 * width the text has its whole column, and the gutter is narrow). */
static void
test_tag_button_gutter (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *button;
  graphene_rect_t bounds;
  GtkTextView *view;
  gint64 start, end;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1280);
  select_in_reader (f->window, f->document_id, "season tickets", &start, &end);
  assert_button_clear (f, end);
  view = text_view (f);
  button = GTK_WIDGET (f->window->reader_page->tag_selection_button);
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (view), &bounds));
  g_test_message ("right margin %d, text from %g", gtk_text_view_get_right_margin (view),
                  text_left_at (f, start));
  g_assert_cmpint (gtk_text_view_get_right_margin (view), <, bounds.size.width + 24);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, text_left_at (f, start));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  /* Level with the selection's first line. */
  {
    graphene_rect_t first = line_rect (f, start, FALSE);

    g_assert_cmpfloat (bounds.origin.y, <, first.origin.y + first.size.height);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, >, first.origin.y);
  }
}

static gboolean
widget_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

/* At a phone's width (360 px, the sidebars folded away) the labelled
 * pill is wider than the stripes' gutter: the button is its icon alone,
 * in the gutter left of where the text starts, level with the selection
 * and over neither it nor the line above (the pill stood over the line
 * above). Wider again, it has its label back. */
static void
test_tag_button_narrow (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *button, *label;
  graphene_rect_t bounds, first, above;
  gint64 start, end;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 360);
  g_object_set (f->window, "show-left-sidebar", FALSE, "show-right-sidebar", FALSE, NULL);
  flush_events ();
  resize_toplevel (GTK_WINDOW (f->window), 360, 800);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, 360);
  button = GTK_WIDGET (f->window->reader_page->tag_selection_button);
  label = f->window->reader_page->tag_selection_label;

  select_in_reader (f->window, f->document_id, "season tickets", &start, &end);
  assert_button_clear (f, end);
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (text_view (f)), &bounds));
  first = line_rect (f, start, FALSE);
  above = line_rect_above (f, start);
  g_test_message ("button %g,%g %gx%g; text from %g; line above %g,%g %gx%g", bounds.origin.x,
                  bounds.origin.y, bounds.size.width, bounds.size.height, text_left_at (f, start),
                  above.origin.x, above.origin.y, above.size.width, above.size.height);
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, text_left_at (f, start));
  g_assert_false (graphene_rect_intersection (&bounds, &above, NULL));
  g_assert_cmpfloat (bounds.origin.y, <, first.origin.y + first.size.height);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, >, first.origin.y);

  resize_toplevel (GTK_WINDOW (f->window), 1400, 800);
  wait_until (widget_visible, label, "the Tag… button's label");
}

/* 1–9 with nothing selected, or in a read-only project, say why. */
static void
test_number_keys_say_why (Fixture       *f,
                          gconstpointer  data)
{
  const char *select_first = "Select a passage first, then press its tag’s number";
  gint64 start, end;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
  gtk_widget_grab_focus (GTK_WIDGET (text_view (f)));
  dossier_document_view_select_range (dossier_window_get_document_view (f->window), 5, 5);
  flush_events ();
  g_assert_false (shows_text (GTK_WIDGET (f->window), select_first));
  g_assert_true (press_text_key (f, GDK_KEY_1));
  wait_for_text (GTK_WIDGET (f->window), select_first);

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  flush_events ();

  /* Read-only: the key is answered, nothing is tagged. */
  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_ONLY, 1200);
  select_in_reader (f->window, f->document_id, "diesel", &start, &end);
  g_assert_true (press_text_key (f, GDK_KEY_1));
  wait_for_text (GTK_WIDGET (f->window), "This project is open read-only");
  {
    g_autoptr(GPtrArray) highlights = dossier_project_list_highlights (dossier_window_get_project (f->window),
                                                                       f->document_id, 0, NULL);

    g_assert_cmpuint (highlights->len, ==, 0);
  }
  /* No "Tag…" button where nothing can be tagged. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->reader_page->tag_selection_button)));
}

/* Whether the text menu (opened by the Menu key, with a passage selected)
 * offers "New Stakeholder from Selection" on; the menu closed again. */
static gboolean
new_stakeholder_item_on (Fixture *f)
{
  GtkWidget *menu, *item;
  gboolean on;

  g_assert_true (press_text_key (f, GDK_KEY_Menu));
  menu = f->window->reader_page->highlight_menu;
  g_assert_true (gtk_widget_get_visible (menu));
  item = find_menu_item (menu, "New Stakeholder from Selection");
  g_assert_nonnull (item);
  on = gtk_widget_get_sensitive (item);
  gtk_popover_popdown (GTK_POPOVER (menu));
  flush_events ();
  return on;
}

/* "New Stakeholder from Selection" adds to the project: in a read-only
 * one it is greyed, a passage selected or not, and Shift+Ctrl+N brings in
 * neither the Stakeholders panel nor its +; nothing is added. */
static void
test_new_stakeholder_read_only (Fixture       *f,
                                gconstpointer  data)
{
  DossierProject *project;
  gint64 start, end;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
  select_in_reader (f->window, f->document_id, "the harbour master", &start, &end);
  g_assert_true (new_stakeholder_item_on (f));
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  flush_events ();

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_ONLY, 1200);
  project = dossier_window_get_project (f->window);
  g_assert_true (dossier_project_get_read_only (project));
  select_in_reader (f->window, f->document_id, "the harbour master", &start, &end);
  g_assert_false (new_stakeholder_item_on (f));
  g_object_set (f->window, "show-right-sidebar", FALSE, NULL);
  flush_events ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->right_stack), !=, "stakeholders");
  gtk_widget_grab_focus (GTK_WIDGET (text_view (f)));
  press_key (f->window, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_false (adw_flap_get_reveal_flap (f->window->right_flap));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->right_stack), !=, "stakeholders");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_stakeholders (project)), ==, 0);
}

/* The labels of @model's items, submenus and sections included, one a
 * line, each followed by its accel in brackets if it has one. */
static void
collect_menu (GMenuModel *model,
              GString    *out)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *accel = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        {
          g_string_append (out, label);
          if (g_menu_model_get_item_attribute (model, i, "accel", "s", &accel))
            g_string_append_printf (out, " [%s]", accel);
          g_string_append_c (out, '\n');
        }
      if (section != NULL)
        collect_menu (section, out);
      if (submenu != NULL)
        collect_menu (submenu, out);
    }
}

static GtkGesture *
secondary_click (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller)
          && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        return GTK_GESTURE (controller);
    }
  return NULL;
}

/* The text's own menu, by right click and by the Menu key: Tag entries
 * (the codebook's keys in Tag With), Copy and Select All; never the text
 * view's greyed Cut and Paste. */
static void
test_text_menu (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) items = g_string_new (NULL);
  DossierReaderPage *page;
  GtkGesture *click;
  GtkTextIter iter;
  GdkRectangle rect;
  gint64 start, end;
  int wx, wy;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
  page = f->window->reader_page;

  /* A right click on plain text. */
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view (f)), &iter, 40);
  gtk_text_view_get_iter_location (text_view (f), &iter, &rect);
  gtk_text_view_buffer_to_window_coords (text_view (f), GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &wx, &wy);
  click = secondary_click (GTK_WIDGET (text_view (f)));
  g_assert_nonnull (click);
  g_signal_emit_by_name (click, "pressed", 1, (double) wx + 1, (double) wy + 2);
  flush_events ();
  g_assert_nonnull (page->highlight_menu);
  g_assert_true (gtk_widget_get_visible (page->highlight_menu));
  collect_menu (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (page->highlight_menu)), items);
  g_test_message ("%s", items->str);
  g_assert_nonnull (strstr (items->str, "_Tag Selection… [<Control>t]\n"));
  g_assert_nonnull (strstr (items->str, "Risks [1]\n"));
  g_assert_nonnull (strstr (items->str, "Benefits [2]\n"));
  g_assert_nonnull (strstr (items->str, "_Copy [<Control>c]\n"));
  g_assert_nonnull (strstr (items->str, "_Next Highlight [F8]\n"));
  g_assert_nonnull (strstr (items->str, "_Previous Highlight [<Shift>F8]\n"));
  g_assert_null (strstr (items->str, "Cu_t"));
  g_assert_null (strstr (items->str, "_Paste"));
  /* Nothing selected: what works on the selection is greyed, Add
   * Selection as Evidence… too (it was not: it said to select a passage
   * first when chosen); Select All is not. */
  {
    const char *greyed[] = { "Tag Selection…", "Add Selection as Evidence…", "Copy" };

    for (guint i = 0; i < G_N_ELEMENTS (greyed); i++)
      {
        GtkWidget *item = find_menu_item (page->highlight_menu, greyed[i]);

        g_assert_nonnull (item);
        g_assert_false (gtk_widget_get_sensitive (item));
      }
    g_assert_true (gtk_widget_get_sensitive (find_menu_item (page->highlight_menu, "Select All")));
  }
  /* Nothing to tag (the entries are greyed). */
  gtk_widget_activate_action (GTK_WIDGET (page), "reader.tag-with", "i", 1);
  {
    g_autoptr(GPtrArray) highlights = dossier_project_list_highlights (dossier_window_get_project (f->window),
                                                                       f->document_id, 0, NULL);

    g_assert_cmpuint (highlights->len, ==, 0);
  }
  gtk_popover_popdown (GTK_POPOVER (page->highlight_menu));
  flush_events ();

  /* With a selection, by the Menu key: Tag With tags it. */
  select_in_reader (f->window, f->document_id, "diesel and two new boats", &start, &end);
  g_assert_true (press_text_key (f, GDK_KEY_Menu));
  g_assert_true (gtk_widget_get_visible (page->highlight_menu));
  g_string_truncate (items, 0);
  collect_menu (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (page->highlight_menu)), items);
  g_assert_nonnull (strstr (items->str, "Risks [1]\n"));
  g_assert_true (gtk_widget_get_sensitive (find_menu_item (page->highlight_menu, "Add Selection as Evidence…")));
  g_assert_true (gtk_widget_get_sensitive (find_menu_item (page->highlight_menu, "Tag Selection…")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reader.tag-with", "i", 2));
  gtk_popover_popdown (GTK_POPOVER (page->highlight_menu));
  flush_events ();
  {
    g_autoptr(GPtrArray) highlights = dossier_project_list_highlights (dossier_window_get_project (f->window),
                                                                       f->document_id, 0, NULL);

    g_assert_cmpuint (highlights->len, ==, 1);
    g_assert_true (dossier_highlight_has_tag (g_ptr_array_index (highlights, 0), f->benefits_id));
  }
}

/* The highlight whose menu the reader shows (its items' target), or 0. */
static gint64
menu_highlight (DossierReaderPage *page)
{
  GMenuModel *menu;
  g_autoptr(GMenuModel) section = NULL;
  g_autoptr(GVariant) target = NULL;

  if (page->highlight_menu == NULL || !gtk_widget_get_visible (page->highlight_menu))
    return 0;
  menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (page->highlight_menu));
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  target = g_menu_model_get_item_attribute_value (section, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_INT64);
  return target != NULL ? g_variant_get_int64 (target) : 0;
}

/* F8 (Shift+F8) selects the highlight of @quote, the caret at its start,
 * the focus in the text; the Menu key then opens its menu. */
static void
assert_went_to (Fixture    *f,
                gboolean    forward,
                const char *quote,
                gint64      id)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  DossierReaderPage *page = f->window->reader_page;
  gint64 want_start, want_end, start, end;

  find_text_range (dossier_window_get_project (f->window), f->document_id, quote, &want_start, &want_end);
  g_assert_nonnull (press_key (f->window, GDK_KEY_F8, forward ? 0 : GDK_SHIFT_MASK));
  g_assert_true (dossier_document_view_get_selection (view, &start, &end));
  g_assert_cmpint (start, ==, want_start);
  g_assert_cmpint (end, ==, want_end);
  g_assert_cmpint (dossier_document_view_get_caret (view), ==, want_start);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (text_view (f))));
  g_assert_true (press_text_key (f, GDK_KEY_Menu));
  g_assert_cmpint (menu_highlight (page), ==, id);
  gtk_popover_popdown (GTK_POPOVER (page->highlight_menu));
  flush_events ();
}

/* F8 and Shift+F8 go from highlight to highlight in the order of their
 * starts (a highlight inside another after it), without wrapping round:
 * at either end the selection stays and a toast says there is no more.
 * There was no key for it. */
static void
test_highlight_keys (Fixture       *f,
                     gconstpointer  data)
{
  DossierDocumentView *view;
  DossierProject *project;
  gint64 fares, percent, incomes, start, end;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
  view = dossier_window_get_document_view (f->window);
  project = dossier_window_get_project (f->window);
  fares = add_highlight (project, f->document_id, "raise ferry fares by ten percent", &f->risks_id, 1, NULL);
  percent = add_highlight (project, f->document_id, "ten percent", &f->benefits_id, 1, NULL);
  incomes = add_highlight (project, f->document_id, "Commuters on low incomes", &f->risks_id, 1, NULL);
  flush_events ();
  wait_until (view_painted, f->window, "the highlights to be painted");

  /* From the top: the first, the one inside it, the next paragraph's. */
  gtk_widget_grab_focus (GTK_WIDGET (text_view (f)));
  dossier_document_view_select_range (view, 0, 0);
  flush_events ();
  assert_went_to (f, TRUE, "raise ferry fares by ten percent", fares);
  assert_went_to (f, TRUE, "ten percent", percent);
  assert_went_to (f, TRUE, "Commuters on low incomes", incomes);

  /* None after the last: it stays selected, and the user is told. */
  g_assert_nonnull (press_key (f->window, GDK_KEY_F8, 0));
  wait_for_text (GTK_WIDGET (f->window), "No further highlight in this document");
  g_assert_true (dossier_document_view_get_selection (view, &start, &end));
  g_assert_cmpint (dossier_document_view_get_caret (view), ==, start);
  {
    gint64 s, e;

    find_text_range (project, f->document_id, "Commuters on low incomes", &s, &e);
    g_assert_cmpint (start, ==, s);
    g_assert_cmpint (end, ==, e);
  }

  /* And back, from the caret in the middle of the last one. */
  dossier_document_view_select_range (view, start + 3, start + 3);
  flush_events ();
  assert_went_to (f, FALSE, "Commuters on low incomes", incomes);
  assert_went_to (f, FALSE, "ten percent", percent);
  assert_went_to (f, FALSE, "raise ferry fares by ten percent", fares);
  g_assert_nonnull (press_key (f->window, GDK_KEY_F8, GDK_SHIFT_MASK));
  wait_for_text (GTK_WIDGET (f->window), "No earlier highlight in this document");
}

typedef struct
{
  Fixture    *f;
  const char *accelerator;
  const char *title;
} Listed;

static gboolean
key_listed (gpointer data)
{
  Listed *listed = data;
  /* As Ctrl+? would show it (it is made when asked for). */
  GtkShortcutsWindow *overlay = _dossier_window_update_help_overlay (listed->f->window);
  GtkWidget *shortcut = overlay ? find_shortcut (GTK_WIDGET (overlay), listed->accelerator, NULL) : NULL;
  g_autofree char *title = NULL;

  if (shortcut == NULL)
    return FALSE;
  g_object_get (shortcut, "title", &title, NULL);
  return g_strcmp0 (title, listed->title) == 0;
}

/* The Keyboard Shortcuts window names the tag of each number key, and
 * follows the codebook. */
static void
test_shortcuts_list_keys (Fixture       *f,
                          gconstpointer  data)
{
  Listed one = { f, "1", "Tag the selection “Risks”" };
  Listed two = { f, "2", "Tag the selection “Benefits”" };
  Listed three = { f, "3", "Tag the selection “Costs”" };
  g_autoptr(GError) error = NULL;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
  wait_until (key_listed, &one, "key 1 listed");
  wait_until (key_listed, &two, "key 2 listed");
  g_assert_false (key_listed (&three));

  dossier_project_add_tag (dossier_window_get_project (f->window), "Costs", 0, "#3584e4", NULL, &error);
  g_assert_no_error (error);
  wait_until (key_listed, &three, "key 3 listed once the tag is added");
}

static gboolean
key_free (gpointer data)
{
  Listed *listed = data;
  GtkShortcutsWindow *overlay = _dossier_window_update_help_overlay (listed->f->window);

  return overlay != NULL && find_shortcut (GTK_WIDGET (overlay), listed->accelerator, NULL) == NULL;
}

/* Pinning a tag to a key in the codebook (its Key menu): the Keyboard
 * Shortcuts window lists the tag on its new key and no longer on its old
 * one; undoing the pin lists it where it was. */
static void
test_shortcuts_follow_pinned_key (Fixture       *f,
                                  gconstpointer  data)
{
  Listed benefits_on_2 = { f, "2", "Tag the selection “Benefits”" };
  Listed benefits_on_7 = { f, "7", "Tag the selection “Benefits”" };
  Listed two_free = { f, "2", NULL };
  g_autoptr(GError) error = NULL;
  GtkWidget *codebook;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
  wait_until (key_listed, &benefits_on_2, "Benefits on key 2");

  codebook = f->window->codebook_panel;
  g_object_set (codebook, "selected-tag-id", f->benefits_id, NULL);
  g_assert_true (gtk_widget_activate_action (codebook, "codebook.key", "i", 7));
  flush_events ();
  g_assert_cmpuint (dossier_project_get_tag_key (dossier_window_get_project (f->window), f->benefits_id), ==, 7);
  wait_until (key_listed, &benefits_on_7, "Benefits on key 7");
  wait_until (key_free, &two_free, "key 2 free");

  g_assert_true (dossier_project_undo (dossier_window_get_project (f->window), &error));
  g_assert_no_error (error);
  wait_until (key_listed, &benefits_on_2, "Benefits back on key 2");
  g_assert_false (key_listed (&benefits_on_7));
}

/* A menu just opened is not covered by the tooltip of what opened it. */
static void
test_tooltips_off_menus (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *menu_button;
  GtkWidget *view;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
  menu_button = GTK_WIDGET (f->window->main_menu_button);
  g_assert_true (gtk_widget_get_has_tooltip (menu_button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  flush_events ();
  g_assert_false (gtk_widget_get_has_tooltip (menu_button));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  flush_events ();
  g_assert_true (gtk_widget_get_has_tooltip (menu_button));

  /* Import's arrow has a tooltip of its own ("More Ways to Import"):
   * off its menu too. */
  {
    GtkWidget *arrow = _dossier_window_get_import_arrow (f->window);

    g_assert_true (GTK_IS_MENU_BUTTON (arrow));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (arrow), ==, "More Ways to Import");
    g_assert_true (gtk_widget_get_has_tooltip (arrow));
    gtk_menu_button_popup (GTK_MENU_BUTTON (arrow));
    flush_events ();
    g_assert_false (gtk_widget_get_has_tooltip (arrow));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (arrow));
    flush_events ();
    g_assert_true (gtk_widget_get_has_tooltip (arrow));
  }

  /* The text's tooltip (a highlight's tags) stays off its menu, and off
   * the tag picker. */
  view = GTK_WIDGET (text_view (f));
  g_assert_true (gtk_widget_get_has_tooltip (view));
  _dossier_reader_page_popup_text_menu (f->window->reader_page, 10, 10);
  flush_events ();
  g_assert_false (gtk_widget_get_has_tooltip (view));
  gtk_popover_popdown (GTK_POPOVER (f->window->reader_page->highlight_menu));
  flush_events ();
  g_assert_true (gtk_widget_get_has_tooltip (view));
}

static void
collect_chips (GtkWidget *widget,
               GPtrArray *chips)
{
  if (DOSSIER_IS_TAG_CHIP (widget) && gtk_widget_get_opacity (widget) > 0)
    g_ptr_array_add (chips, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_chips (child, chips);
}

static gboolean
benefits_dot_shown (gpointer drop_down)
{
  g_autoptr(GPtrArray) chips = g_ptr_array_new ();

  collect_chips (drop_down, chips);
  for (guint i = 0; i < chips->len; i++)
    if (g_strcmp0 (dossier_tag_chip_get_color (g_ptr_array_index (chips, i)), "#2ec27e") == 0
        && g_strcmp0 (dossier_tag_chip_get_tag_name (g_ptr_array_index (chips, i)), "Benefits") == 0)
      return TRUE;
  return FALSE;
}

/* Merge Into lists each tag with its colour dot. */
static void
test_merge_dots (Fixture       *f,
                 gconstpointer  data)
{
  DossierProject *project;
  GtkWidget *dialog, *drop_down;
  g_autoptr(GPtrArray) chips = g_ptr_array_new ();
  gboolean benefits = FALSE;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
  project = dossier_window_get_project (f->window);
  dialog = dossier_tag_choose_dialog_new (GTK_WINDOW (f->window), project,
                                          dossier_project_get_tag (project, f->risks_id),
                                          DOSSIER_TAG_CHOOSE_MERGE);
  gtk_window_present (GTK_WINDOW (dialog));
  flush_events ();
  drop_down = find_descendant (dialog, GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (drop_down);
  g_signal_emit_by_name (drop_down, "activate");
  wait_until (benefits_dot_shown, drop_down, "Benefits with its green dot in the drop-down");

  collect_chips (drop_down, chips);
  g_assert_cmpuint (chips->len, >=, 1);
  for (guint i = 0; i < chips->len; i++)
    if (g_strcmp0 (dossier_tag_chip_get_color (g_ptr_array_index (chips, i)), "#2ec27e") == 0
        && g_strcmp0 (dossier_tag_chip_get_tag_name (g_ptr_array_index (chips, i)), "Benefits") == 0)
      benefits = TRUE;
  g_assert_true (benefits);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* At 800 px the header has no room for the pages' switcher: the bar at
 * the bottom shows it, laid out whole, and goes again at 1400 px. It was
 * revealed in the middle of the window's allocation (bound to the header
 * title's title-visible, which libadwaita works out there), after the
 * window's box had measured it hidden: with animations off (as here) GTK
 * warned "attempt to allocate GtkBox … with width 0 and height -1", which
 * gtk_test_init makes fatal. */
static void
test_switcher_bar_narrow (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *bar;

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 800);
  flush_events ();
  bar = GTK_WIDGET (f->window->page_switcher_bar);
  g_assert_true (adw_view_switcher_title_get_title_visible (f->window->window_title));
  g_assert_true (adw_view_switcher_bar_get_reveal (f->window->page_switcher_bar));
  g_assert_cmpint (gtk_widget_get_height (bar), >=, gtk_widget_get_height (find_descendant (bar, ADW_TYPE_VIEW_SWITCHER)));
  g_assert_cmpint (gtk_widget_get_height (find_descendant (bar, ADW_TYPE_VIEW_SWITCHER)), >, 0);

  resize_toplevel (GTK_WINDOW (f->window), 1400, 800);
  flush_events ();
  g_assert_false (adw_view_switcher_title_get_title_visible (f->window->window_title));
  g_assert_false (adw_view_switcher_bar_get_reveal (f->window->page_switcher_bar));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* The "Tag…" button's size is the application's style's. */
  g_object_unref (load_application_style ());

#define ADD(path, func) \
  g_test_add ("/dossier/reader-menus/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("tag-button", test_tag_button);
  ADD ("tag-button-margin", test_tag_button_margin);
  ADD ("tag-button-gutter", test_tag_button_gutter);
  ADD ("tag-button-narrow", test_tag_button_narrow);
  ADD ("tag-button-tab", test_tag_button_tab);
  ADD ("number-keys-say-why", test_number_keys_say_why);
  ADD ("text-menu", test_text_menu);
  ADD ("new-stakeholder-read-only", test_new_stakeholder_read_only);
  ADD ("highlight-keys", test_highlight_keys);
  ADD ("shortcuts-list-keys", test_shortcuts_list_keys);
  ADD ("shortcuts-follow-pinned-key", test_shortcuts_follow_pinned_key);
  ADD ("tooltips-off-menus", test_tooltips_off_menus);
  ADD ("merge-dots", test_merge_dots);
  ADD ("switcher-bar-narrow", test_switcher_bar_narrow);

#undef ADD

  return g_test_run ();
}
