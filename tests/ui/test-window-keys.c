/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-keys.c — the window's regions from the keyboard, with keys
 * pressed through the X server (xdotool) as a user's: F6 and Shift+F6
 * from region to region (the header bar, the documents, the codebook, the
 * page, a toast, the right sidebar), the right sidebar's switcher worked
 * with the arrow keys, a toast's Undo reached and pressed. Runs under
 * xvfb-run and dbus-run-session (suite "ui"). */
#include "config.h"

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-codebook-panel.h"
#include "dossier-search-panel.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  DossierWindow *window;
  GtkWidget     *text_view;
} Fixture;

static gboolean
both_docked (gpointer data)
{
  DossierWindow *window = data;

  return dossier_sidebar_is_docked (window->left_sidebar) && dossier_sidebar_is_docked (window->right_sidebar)
         && adw_flap_get_reveal_progress (window->left_flap) >= 1
         && adw_flap_get_reveal_progress (window->right_flap) >= 1;
}

/* The sample project in a window wide enough for both sidebars beside
 * the reader, the focus in the document's text. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("window-keys");
  f->path = copy_sample_project (f->dir, "Sample.dossier");
  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1600);
  g_object_set (f->window, "show-left-sidebar", TRUE, "show-right-sidebar", TRUE, NULL);
  wait_until (both_docked, f->window, "both sidebars docked");
  adw_view_stack_set_visible_child_name (f->window->right_stack, "highlights");
  f->text_view = GTK_WIDGET (dossier_document_view_get_text_view (dossier_window_get_document_view (f->window)));
  g_assert_true (gtk_widget_grab_focus (f->text_view));
  flush_events ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  f->text_view = NULL;
  finish_reader_window (&f->window, &f->dir, &f->path);
}

static gboolean
focus_in (DossierWindow *window,
          GtkWidget     *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static const char *
focus_name (DossierWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing";
}

/* Presses @keys (xdotool's names) and asserts that the focus is then in
 * @region, shown with its ring. */
static void
press_to (Fixture    *f,
          const char *keys,
          GtkWidget  *region,
          const char *what)
{
  GtkWidget *focus;

  keys_through_x (GTK_WIDGET (f->window), keys);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_test_message ("%s: the focus on %s", keys, focus_name (f->window));
  if (!focus_in (f->window, region))
    g_error ("%s: the focus is on %s, not in %s", keys, focus_name (f->window), what);
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (f->window)));
}

/* F6 goes from region to region, Shift+F6 back, round the window; the
 * left sidebar's two panels are regions of their own (its GtkPaned's F6
 * went between them and never left the sidebar). Before, no key took the
 * focus from the text to a docked sidebar. */
static void
test_regions (Fixture       *f,
              gconstpointer  data)
{
  DossierWindow *w = f->window;
  GtkWidget *header = w->header_bar;
  GtkWidget *documents = GTK_WIDGET (w->documents_panel);

  press_to (f, "F6", GTK_WIDGET (w->right_sidebar), "the right sidebar");
  g_assert_true (focus_in (w, w->highlights_panel));
  press_to (f, "F6", header, "the header bar");
  press_to (f, "F6", documents, "the documents");
  press_to (f, "F6", w->codebook_panel, "the codebook");
  press_to (f, "F6", f->text_view, "the text");
  g_assert_true (gtk_widget_is_focus (f->text_view));

  press_to (f, "shift+F6", w->codebook_panel, "the codebook");
  press_to (f, "shift+F6", documents, "the documents");
  press_to (f, "shift+F6", header, "the header bar");
  press_to (f, "shift+F6", GTK_WIDGET (w->right_sidebar), "the right sidebar");
  press_to (f, "shift+F6", f->text_view, "the text");

  /* A hidden sidebar is passed over. */
  g_object_set (w, "show-left-sidebar", FALSE, NULL);
  flush_events ();
  press_to (f, "shift+F6", header, "the header bar");
  press_to (f, "F6", f->text_view, "the text");
}

static GtkWidget *switcher_tab (DossierWindow *window,
                               const char    *label);

/* The right sidebar's switcher, reached from its panel with Shift+Tab on
 * the tab of the panel on show, is worked with the arrow keys (the focus
 * from tab to tab) and Space (the panel shown); Tab from any tab goes on
 * into the panel on show. Shift+Tab landed on the last tab (Pros & Cons)
 * whatever was shown, and Tab went through the tabs after it first. */
static void
test_switcher (Fixture       *f,
               gconstpointer  data)
{
  DossierWindow *w = f->window;
  GtkWidget *switcher = find_descendant (GTK_WIDGET (w->right_sidebar), ADW_TYPE_VIEW_SWITCHER);

  g_assert_nonnull (switcher);
  press_to (f, "F6", w->highlights_panel, "the highlights");
  press_to (f, "shift+Tab", switcher_tab (w, "Highlights"), "the Highlights' tab");

  /* To the Stakeholders' tab, and Tab from the Search tab on the way:
   * into the highlights, still on show. */
  press_to (f, "Right", switcher_tab (w, "Search"), "the Search tab");
  press_to (f, "Tab", w->highlights_panel, "the highlights");
  press_to (f, "shift+Tab", switcher_tab (w, "Highlights"), "the Highlights' tab");
  press_to (f, "Right", switcher_tab (w, "Search"), "the Search tab");
  press_to (f, "Right", switcher_tab (w, "Stakeholders"), "the Stakeholders' tab");
  press_to (f, "space", switcher, "the switcher");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (w->right_stack), ==, "stakeholders");
  press_to (f, "Tab", w->stakeholders_panel, "the stakeholders");
  press_to (f, "shift+Tab", switcher_tab (w, "Stakeholders"), "the Stakeholders' tab");
  press_to (f, "Right", switcher, "the switcher");
  press_to (f, "Tab", w->stakeholders_panel, "the stakeholders");

  /* F6 from the page comes back to the panel on show. */
  press_to (f, "shift+F6", f->text_view, "the text");
  press_to (f, "F6", w->stakeholders_panel, "the stakeholders");
}

static gboolean
is_tab (GtkWidget     *widget,
        gconstpointer  label)
{
  g_autofree char *text = NULL;

  if (!GTK_IS_TOGGLE_BUTTON (widget))
    return FALSE;
  g_object_get (widget, "label", &text, NULL);
  return g_strcmp0 (text, label) == 0;
}

/* The right sidebar's switcher's tab labelled @label. */
static GtkWidget *
switcher_tab (DossierWindow *window,
              const char    *label)
{
  GtkWidget *switcher = find_descendant (GTK_WIDGET (window->right_sidebar), ADW_TYPE_VIEW_SWITCHER);
  GtkWidget *tab;

  g_assert_nonnull (switcher);
  tab = find_matching (switcher, is_tab, label);
  g_assert_nonnull (tab);
  return tab;
}

static GtkWidget *
search_entry (DossierWindow *window)
{
  GtkWidget *entry = find_descendant (window->search_panel, GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  return entry;
}

/* The focus in the search entry, its words all selected: what is typed
 * next replaces them. */
static void
assert_entry_ready (Fixture    *f,
                    const char *how)
{
  GtkWidget *entry = search_entry (f->window);
  const char *words = gtk_editable_get_text (GTK_EDITABLE (entry));
  int start = -1, end = -1;

  g_test_message ("%s: the focus on %s", how, focus_name (f->window));
  if (!focus_in (f->window, entry))
    g_error ("%s: the focus is on %s, not in the search entry", how, focus_name (f->window));
  g_assert_true (gtk_widget_get_mapped (entry));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, g_utf8_strlen (words, -1));
}

static gboolean left_gone (gpointer data);
static gboolean focus_in_documents (gpointer data);

static gboolean
right_folded_away (gpointer data)
{
  DossierWindow *window = data;

  return adw_flap_get_folded (window->right_flap) && adw_flap_get_reveal_progress (window->right_flap) <= 0;
}

static gboolean
right_all_in (gpointer data)
{
  DossierWindow *window = data;

  return adw_flap_get_reveal_progress (window->right_flap) >= 1;
}

/* The Search tab, clicked or chosen with Space, puts the focus in the
 * search entry with its words selected, as Ctrl+Shift+F does; beside the
 * text and over it (360 px). Before, the focus stayed on the tab (or in
 * the text) and what was typed went nowhere. */
static void
test_search_tab (Fixture       *f,
                 gconstpointer  data)
{
  DossierWindow *w = f->window;
  GtkWidget *entry = search_entry (w);

  dossier_search_panel_search (DOSSIER_SEARCH_PANEL (w->search_panel), "bridge");

  /* Docked: a click on the tab, from the text. */
  click_through_x (switcher_tab (w, "Search"), 10, 10);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (w->right_stack), ==, "search");
  assert_entry_ready (f, "the Search tab clicked");
  keys_through_x (GTK_WIDGET (w), "f");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "f");

  /* Space on the tab, reached from the Highlights' tab (a click on a tab
   * leaves the focus where it was). */
  dossier_search_panel_search (DOSSIER_SEARCH_PANEL (w->search_panel), "bridge");
  click_through_x (switcher_tab (w, "Highlights"), 10, 10);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (w->right_stack), ==, "highlights");
  g_assert_true (gtk_widget_grab_focus (switcher_tab (w, "Highlights")));
  press_to (f, "Right", switcher_tab (w, "Search"), "the Search tab");
  keys_through_x (GTK_WIDGET (w), "space");
  assert_entry_ready (f, "Space on the Search tab");

  /* Over the text: the sidebar shown on the highlights, then the tab
   * clicked; and Ctrl+Shift+F from its Highlights tab. */
  adw_view_stack_set_visible_child_name (w->right_stack, "highlights");
  resize_toplevel (GTK_WINDOW (w), 360, 800);
  wait_until (right_folded_away, w, "the right sidebar to fold away");
  g_assert_true (gtk_widget_grab_focus (f->text_view));
  keys_through_x (GTK_WIDGET (w), "shift+F9");
  wait_until (right_all_in, w, "the right sidebar over the text");
  click_through_x (switcher_tab (w, "Search"), 10, 10);
  assert_entry_ready (f, "the Search tab clicked over the text");

  click_through_x (switcher_tab (w, "Highlights"), 10, 10);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (w->right_stack), ==, "highlights");
  keys_through_x (GTK_WIDGET (w), "ctrl+shift+f");
  assert_entry_ready (f, "Ctrl+Shift+F over the text");
}

static gboolean
right_shown_with_focus (gpointer data)
{
  DossierWindow *window = data;

  return right_all_in (window) && focus_in (window, GTK_WIDGET (window->right_sidebar));
}

/* The focus back in the document's text, with the sidebars over it gone. */
static void
assert_back_in_text (Fixture    *f,
                     const char *how)
{
  g_test_message ("%s: the focus on %s", how, focus_name (f->window));
  if (!gtk_widget_is_focus (f->text_view))
    g_error ("%s: the focus is on %s, not in the text", how, focus_name (f->window));
}

/* Over the text (360 px), Escape closes a sidebar shown there, and the
 * focus goes back to the text: from the documents, the highlights and
 * the search. In the search entry Escape first clears the words, as a
 * search entry does, and the next Escape closes. Before, Escape in the
 * search entry only ever cleared it: the sidebar stayed over the text. */
static void
test_escape_closes (Fixture       *f,
                    gconstpointer  data)
{
  DossierWindow *w = f->window;
  GtkWidget *entry = search_entry (w);

  resize_toplevel (GTK_WINDOW (w), 360, 800);
  wait_until (left_gone, w, "the left sidebar to fold away");
  wait_until (right_folded_away, w, "the right sidebar to fold away");
  g_assert_true (gtk_widget_grab_focus (f->text_view));

  keys_through_x (GTK_WIDGET (w), "F9");
  wait_until (focus_in_documents, w, "the focus in the documents");
  keys_through_x (GTK_WIDGET (w), "Escape");
  wait_until (left_gone, w, "the left sidebar to go");
  assert_back_in_text (f, "Escape in the documents");

  keys_through_x (GTK_WIDGET (w), "shift+F9");
  wait_until (right_shown_with_focus, w, "the highlights over the text");
  keys_through_x (GTK_WIDGET (w), "Escape");
  wait_until (right_folded_away, w, "the right sidebar to go");
  assert_back_in_text (f, "Escape in the highlights");

  keys_through_x (GTK_WIDGET (w), "ctrl+shift+f");
  wait_until (right_shown_with_focus, w, "the search over the text");
  keys_through_x (GTK_WIDGET (w), "b");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "b");
  keys_through_x (GTK_WIDGET (w), "Escape");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (adw_flap_get_reveal_flap (w->right_flap));
  g_assert_true (focus_in (w, entry));
  keys_through_x (GTK_WIDGET (w), "Escape");
  wait_until (right_folded_away, w, "the right sidebar to go");
  assert_back_in_text (f, "Escape in the empty search");
}

static GtkWidget *
focused_toast_button (Fixture *f)
{
  GtkWidget *toast = window_toast (f->window);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  if (toast == NULL || focus == NULL || !gtk_widget_is_ancestor (focus, toast) || !GTK_IS_BUTTON (focus))
    return NULL;
  return focus;
}

static gboolean
toast_fully_shown (gpointer data)
{
  Fixture *f = data;
  GtkWidget *toast = window_toast (f->window);

  return toast != NULL && gtk_widget_get_mapped (toast) && gtk_widget_get_can_focus (toast);
}

/* A tag added, and a toast offering to undo it, as the codebook shows. */
static gint64
add_tag_with_toast (Fixture *f)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(GError) error = NULL;
  gint64 tag_id;

  tag_id = dossier_project_add_tag (project, "Ferry Safety", 0, "#3584e4", NULL, &error);
  g_assert_no_error (error);
  dossier_window_show_toast (f->window, "Tag “Ferry Safety” added", TRUE);
  wait_until (toast_fully_shown, f, "the toast");
  return tag_id;
}

/* With a toast on show, F6 from the page lands on its Undo (as Tab never
 * did); there the toast stays (libadwaita holds it while it has the
 * focus); Enter undoes, and the focus goes back to the text once the
 * toast goes. Escape closes a toast so reached; Ctrl+Z undoes what a
 * toast offers to undo, from anywhere. */
static void
test_toast (Fixture       *f,
            gconstpointer  data)
{
  DossierWindow *w = f->window;
  DossierProject *project = dossier_window_get_project (w);
  GtkWidget *button;
  gint64 tag_id;

  tag_id = add_tag_with_toast (f);
  press_to (f, "F6", window_toast (w), "the toast");
  button = focused_toast_button (f);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Undo");
  /* Shift+F6 back to the text, F6 to the toast again. */
  press_to (f, "shift+F6", f->text_view, "the text");
  press_to (f, "F6", window_toast (w), "the toast");

  keys_through_x (GTK_WIDGET (w), "Return");
  g_test_message ("after Return: the focus on %s", focus_name (w));
  g_assert_null (dossier_project_get_tag (project, tag_id));
  /* The undo's own toast ("Undone: …") sent away as its timeout would,
   * not waited out. */
  dismiss_toasts (GTK_WIDGET (w));
  g_test_message ("the toast gone: the focus on %s", focus_name (w));
  g_assert_true (gtk_widget_is_focus (f->text_view));

  /* Escape. */
  tag_id = add_tag_with_toast (f);
  press_to (f, "F6", window_toast (w), "the toast");
  keys_through_x (GTK_WIDGET (w), "Escape");
  wait_until (shows_no_toast, w, "the toast to go");
  g_assert_true (gtk_widget_is_focus (f->text_view));
  g_assert_nonnull (dossier_project_get_tag (project, tag_id));

  /* Ctrl+Z, the focus in the right sidebar. */
  dossier_window_show_toast (w, "Tag “Ferry Safety” added", TRUE);
  wait_until (toast_fully_shown, f, "the toast");
  press_to (f, "F6", window_toast (w), "the toast");
  press_to (f, "F6", GTK_WIDGET (w->right_sidebar), "the right sidebar");
  keys_through_x (GTK_WIDGET (w), "ctrl+z");
  g_assert_null (dossier_project_get_tag (project, tag_id));
}

static gboolean
left_gone (gpointer data)
{
  DossierWindow *window = data;

  return adw_flap_get_reveal_progress (window->left_flap) <= 0;
}

static gboolean
focus_in_documents (gpointer data)
{
  DossierWindow *window = data;

  return focus_in (window, GTK_WIDGET (window->documents_panel));
}

/* At a phone's width: F6 from the text goes to the bars at the bottom
 * (undo, redo, search, the sidebars' buttons; the pages' switcher), the
 * header and back, never into a sidebar folded away; a sidebar shown over
 * the text (F9) is two regions, and F6 from its codebook goes to the text,
 * the sidebar hidden as Tab out of it does. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  DossierWindow *w = f->window;
  guint presses = 0;

  resize_toplevel (GTK_WINDOW (w), 360, 800);
  wait_until (left_gone, w, "the left sidebar to fold away");
  g_assert_true (gtk_widget_grab_focus (f->text_view));

  press_to (f, "F6", GTK_WIDGET (w->narrow_bar), "the bottom bar");
  do
    {
      g_assert_cmpuint (++presses, <, 4);
      keys_through_x (GTK_WIDGET (w), "F6");
      g_test_message ("F6: the focus on %s", focus_name (w));
      g_assert_false (focus_in (w, GTK_WIDGET (w->left_sidebar)));
      g_assert_false (focus_in (w, GTK_WIDGET (w->right_sidebar)));
      g_assert_true (gtk_widget_get_mapped (gtk_root_get_focus (GTK_ROOT (w))));
    }
  while (!focus_in (w, w->header_bar));
  press_to (f, "F6", f->text_view, "the text");

  keys_through_x (GTK_WIDGET (w), "F9");
  wait_until (focus_in_documents, w, "the focus in the documents");
  press_to (f, "F6", w->codebook_panel, "the codebook");
  press_to (f, "F6", f->text_view, "the text");
  wait_until (left_gone, w, "the left sidebar to go");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/dossier/window-keys/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("regions", test_regions);
  ADD ("switcher", test_switcher);
  ADD ("search-tab", test_search_tab);
  ADD ("escape-closes", test_escape_closes);
  ADD ("toast", test_toast);
  ADD ("narrow", test_narrow);
#undef ADD

  return g_test_run ();
}
