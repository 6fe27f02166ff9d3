/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-window.c — the main window: holds one project, its chrome (the
 * header bar, the import bar, toasts), the sidebars with their panels, and
 * the centre's pages (the reader, DossierReaderPage), and passes between
 * them what one shows and another follows: the document on show, the
 * highlight or search hit to reveal.
 *
 * The win.* actions (projects, import, undo, export, …) live in
 * dossier-window-actions.c; both share dossier-window-private.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-application.h"
#include "dossier-briefing-page.h"
#include "dossier-compare-page.h"
#include "dossier-codebook-panel.h"
#include "dossier-highlights-panel.h"
#include "dossier-search-panel.h"
#include "dossier-arguments-panel.h"
#include "dossier-stakeholders-panel.h"
#include "dossier-start-page.h"
#include "dossier-ui-utils.h"
#include "dossier-window-private.h"

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SHOW_LEFT_SIDEBAR,
  PROP_SHOW_RIGHT_SIDEBAR,
  N_PROPS
};

/* Below this width (pixels) the header bar has no room for all of its
 * buttons (it needs about 520 with minimize and maximize buttons). */
#define NARROW_WIDTH 600

/* Reading places remembered (projects), the most recent kept. */
#define MAX_READING_PLACES 100

/* A window size in the settings past this is no screen's (X11 stops at 32,767). */
#define MAX_WINDOW_SIZE 16384

static GParamSpec *properties[N_PROPS];

static void
on_reader_document_changed (DossierWindow *self);
static void
update_undo_redo (DossierWindow *self);

/* ---- Sidebars ---------------------------------------------------------------- */

static gboolean
focus_within (DossierWindow *self,
              GtkWidget     *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
focus_back_from_toast (DossierWindow *self);
static void
focus_switcher_tab (DossierWindow *self,
                    GtkWidget     *focus);

/* Each sidebar is the flap of an AdwFlap: beside the centre while the
 * window is wide enough for it and the centre's natural width, folded
 * over the centre below that (right first, then left: see the .ui). */

static void
focus_documents (DossierWindow *self)
{
  dossier_documents_panel_focus_list (self->documents_panel);
}

static void
focus_right_panel (DossierWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->right_stack), "search") == 0)
    dossier_search_panel_focus_entry (DOSSIER_SEARCH_PANEL (self->search_panel));
  else if (!gtk_widget_child_focus (adw_view_stack_get_visible_child (self->right_stack), GTK_DIR_TAB_FORWARD))
    /* Nothing to focus in the panel (no highlights yet): its switcher,
     * from where the other panels are. */
    gtk_widget_child_focus (GTK_WIDGET (self->right_sidebar), GTK_DIR_TAB_FORWARD);
}

/* Shown by a key, the sidebar shows where its focus is: GTK shows the
 * ring for a focus that a key moves while it is down, and this one moves
 * once the sidebar slides in, after the key is up. */
static void
focus_sidebar (DossierWindow  *self,
               void          (*focus_in) (DossierWindow *self),
               gboolean        ring)
{
  focus_in (self);
  if (ring)
    gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
}

/* Shows or hides a sidebar as the user asks (its header button, F9,
 * a search). Shown over the centre, it gets the focus (@focus_in) once it
 * is on screen: that is where the user is going. Hidden, it gives the
 * focus back to the page, if it had it. @focus_in may be NULL. */
static void
show_sidebar (DossierWindow  *self,
              AdwFlap        *flap,
              gboolean        show,
              void          (*focus_in) (DossierWindow *self))
{
  self->focus_flap = NULL;
  if (!show)
    {
      /* (The focus goes back in on_flap_reveal_changed.) */
      adw_flap_set_reveal_flap (flap, FALSE);
      return;
    }

  adw_flap_set_reveal_flap (flap, TRUE);
  if (focus_in == NULL)
    return;
  /* Not focusable before the flap starts to slide in. */
  if (adw_flap_get_reveal_progress (flap) > 0)
    focus_sidebar (self, focus_in, self->sidebar_key);
  else
    {
      self->focus_flap = flap;
      self->focus_in_flap = focus_in;
      self->focus_flap_ring = self->sidebar_key;
    }
}

static void
on_flap_reveal_progress (DossierWindow *self,
                         GParamSpec    *pspec,
                         AdwFlap       *flap)
{
  if (flap == self->right_flap && self->new_stakeholder_pending && adw_flap_get_reveal_progress (flap) >= 1)
    {
      self->new_stakeholder_pending = FALSE;
      dossier_stakeholders_panel_add_from_selection (DOSSIER_STAKEHOLDERS_PANEL (self->stakeholders_panel));
    }
  if (flap != self->focus_flap || adw_flap_get_reveal_progress (flap) <= 0)
    return;

  self->focus_flap = NULL;
  focus_sidebar (self, self->focus_in_flap, self->focus_flap_ring);
}

static void
on_flap_reveal_changed (DossierWindow *self,
                        GParamSpec    *pspec,
                        AdwFlap       *flap)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Hidden again before it was all in: nothing to add to. */
  if (flap == self->right_flap && !adw_flap_get_reveal_flap (flap))
    self->new_stakeholder_pending = FALSE;
  /* Hidden with the focus in it, however (a key, a button, AdwFlap's own
   * Escape over the centre, a fold): the page gets the focus back. It
   * went to whatever GTK found next, a button of the bottom bar, when
   * AdwFlap hid the sidebar. */
  if (!adw_flap_get_reveal_flap (flap) && focus != NULL &&
      gtk_widget_is_ancestor (focus, adw_flap_get_flap (flap)))
    gtk_widget_grab_focus (GTK_WIDGET (self->reader_page));
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[flap == self->left_flap ? PROP_SHOW_LEFT_SIDEBAR
                                                                : PROP_SHOW_RIGHT_SIDEBAR]);
}

/* Over the centre, a sidebar goes when the focus leaves it for what it
 * covers (Tab past its last row, a click in the reader): the keys would
 * work there on what cannot be seen. And a focus lost from a toast goes
 * back (see focus_back_from_toast). */
static void
on_focus_widget_changed (DossierWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  AdwFlap *flaps[] = { self->left_flap, self->right_flap };
  gboolean was_in_toast = self->focus_in_toast;

  self->focus_in_toast = focus != NULL && self->focused_toast != NULL && focus_within (self, self->focused_toast);
  if (focus == NULL)
    {
      self->focus_in_switcher = FALSE;
      /* Lost from a toast that F6 gave it to: its button made insensitive
       * (Undo done, nothing left to undo), or the toast taken away. */
      if (was_in_toast)
        focus_back_from_toast (self);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (flaps); i++)
    if (adw_flap_get_folded (flaps[i]) && adw_flap_get_reveal_flap (flaps[i]) &&
        gtk_widget_is_ancestor (focus, adw_flap_get_content (flaps[i])))
      show_sidebar (self, flaps[i], FALSE, NULL);
  focus_switcher_tab (self, focus);
}

/* Over the centre, a sidebar goes once what it was opened for is done:
 * the document, highlight or hit chosen in it is on show. */
static void
hide_folded_sidebar (DossierWindow *self,
                     AdwFlap       *flap)
{
  if (adw_flap_get_folded (flap) && adw_flap_get_reveal_flap (flap))
    show_sidebar (self, flap, FALSE, NULL);
}

void
_dossier_window_show_search (DossierWindow *self)
{
  adw_view_stack_set_visible_child_name (self->right_stack, "search");
  show_sidebar (self, self->right_flap, TRUE, focus_right_panel);
}

void
_dossier_window_show_documents (DossierWindow *self)
{
  show_sidebar (self, self->left_flap, TRUE, focus_documents);
}

static void
on_search_button_toggled (DossierWindow   *self,
                          GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    {
      if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->right_stack), "search") != 0
          || !adw_flap_get_reveal_flap (self->right_flap))
        _dossier_window_show_search (self);
      else
        /* Switched to by its tab (a click, Space): the panel is there to
         * type in, and the focus had stayed on the tab or in the text. */
        focus_right_panel (self);
    }
  else if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->right_stack), "search") == 0)
    adw_view_stack_set_visible_child_name (self->right_stack, "highlights");
}

static void
on_right_stack_visible_child (DossierWindow *self)
{
  gboolean search = g_strcmp0 (adw_view_stack_get_visible_child_name (self->right_stack), "search") == 0;

  if (gtk_toggle_button_get_active (self->search_button) != search)
    gtk_toggle_button_set_active (self->search_button, search);
}

/* The right sidebar's switcher is one stop for Tab and Shift+Tab, as a
 * notebook's tabs are: the focus comes in on the tab of the panel on show
 * (Shift+Tab from the panel landed on the last tab, Pros & Cons, whatever
 * was shown), the arrows go from tab to tab, and Tab goes on into the
 * panel on show (it went through the tabs after the focused one first). */

static GtkWidget *
active_tab (GtkWidget *widget)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *tab = active_tab (child);

      if (tab != NULL)
        return tab;
    }
  return NULL;
}

/* Called on every change of the focus: not from a focus controller's
 * "enter", where a grab was undone by the change still under way. */
static void
focus_switcher_tab (DossierWindow *self,
                    GtkWidget     *focus)
{
  gboolean was_in = self->focus_in_switcher;
  GtkWidget *tab;

  self->focus_in_switcher = gtk_widget_is_ancestor (focus, GTK_WIDGET (self->right_switcher));
  if (was_in || !self->focus_in_switcher)
    return;
  tab = active_tab (GTK_WIDGET (self->right_switcher));
  if (tab != NULL && focus != tab)
    gtk_widget_grab_focus (tab);
}

static gboolean
on_switcher_key (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 DossierWindow         *self)
{
  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  /* A panel with nothing to focus (no highlights yet): the next tab. */
  return gtk_widget_child_focus (adw_view_stack_get_visible_child (self->right_stack), GTK_DIR_TAB_FORWARD);
}

static void
init_right_switcher (DossierWindow *self)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_switcher_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->right_switcher), controller);
}

/* With no project the start page is all the window shows: no sidebars
 * (they would only say there is nothing in them), nor their buttons. Their
 * keys are disabled with the actions (_dossier_window_update_actions). */
static void
update_sidebars (DossierWindow *self)
{
  gboolean has_project = self->project != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->left_sidebar), has_project);
  gtk_widget_set_visible (adw_flap_get_separator (self->left_flap), has_project);
  gtk_widget_set_visible (GTK_WIDGET (self->right_sidebar), has_project);
  gtk_widget_set_visible (adw_flap_get_separator (self->right_flap), has_project);
  gtk_widget_set_visible (self->left_sidebar_button, has_project && !self->narrow);
  gtk_widget_set_visible (self->right_sidebar_button, has_project && !self->narrow);
  gtk_widget_set_visible (self->left_sidebar_button_narrow, has_project);
  gtk_widget_set_visible (self->right_sidebar_button_narrow, has_project);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), has_project && !self->narrow);
}

/* ---- Narrow windows -------------------------------------------------------- */

/* libadwaita 1.2 has no breakpoints: the window looks at the width it is
 * given and, narrower than NARROW_WIDTH, moves the header's undo, redo,
 * search and sidebar buttons to a bar at the bottom and makes Import one
 * menu button. (With the sidebars' buttons and a window manager's own
 * three, the header wanted 357 px: the window went no narrower than
 * 365 px with its frame, not a phone's 360.)
 * The pages' switcher goes to its own bar at the bottom when the header
 * title has no room for it (its title-visible, which libadwaita works out
 * while allocating it). Not in the allocation itself (a change of what is
 * shown lays the window out again), but right after it: a bar revealed
 * there, after the window's box had measured it hidden, was allocated no
 * height (GTK warned, allocating its boxes a height of -1, when animations
 * are off). */
static gboolean
apply_narrow (gpointer data)
{
  DossierWindow *self = data;

  self->narrow_idle_id = 0;
  adw_view_switcher_bar_set_reveal (self->page_switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->window_title));
  gtk_widget_set_visible (self->import_button, !self->narrow);
  gtk_widget_set_visible (self->import_button_narrow, self->narrow);
  gtk_widget_set_visible (self->undo_box, !self->narrow);
  update_sidebars (self);
  gtk_action_bar_set_revealed (self->narrow_bar, self->narrow);
  update_undo_redo (self);
  return G_SOURCE_REMOVE;
}

static void
queue_apply_narrow (DossierWindow *self)
{
  if (self->narrow_idle_id == 0)
    self->narrow_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_narrow, self, NULL);
}

/* ---- Toasts above the bottom bars --------------------------------------------- */

/* The window's toasts show at the bottom of one AdwToastOverlay around
 * all of it: in a narrow window they covered the bars there, the undo,
 * redo and search buttons and the pages' switcher, which the user may
 * need to act on what a toast says (and a toast's own button at 360 px
 * sat over Redo). So each toast gets a bottom margin as high as those
 * bars (nothing in a wide window): measured after each allocation, so
 * that toasts follow the bars as they slide in and out, and set in an
 * idle, as apply_narrow does, not while the window is being laid out. */
static int
bottom_bars_height (DossierWindow *self)
{
  GtkWidget *bars[] = { GTK_WIDGET (self->narrow_bar), GTK_WIDGET (self->page_switcher_bar) };
  int height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (bars); i++)
    if (gtk_widget_get_mapped (bars[i]))
      height += gtk_widget_get_height (bars[i]);
  return height;
}

static void
lift_toasts (DossierWindow *self)
{
  GtkWidget *content = adw_toast_overlay_get_child (self->toast_overlay);

  for (GtkWidget *toast = gtk_widget_get_first_child (GTK_WIDGET (self->toast_overlay)); toast != NULL;
       toast = gtk_widget_get_next_sibling (toast))
    if (toast != content && gtk_widget_get_margin_bottom (toast) != self->toast_lift)
      gtk_widget_set_margin_bottom (toast, self->toast_lift);
}

static gboolean
lift_toasts_idle (gpointer data)
{
  DossierWindow *self = data;

  self->toast_lift_idle_id = 0;
  lift_toasts (self);
  return G_SOURCE_REMOVE;
}

static void
dossier_window_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  gboolean narrow = width < NARROW_WIDTH;
  int lift;

  GTK_WIDGET_CLASS (dossier_window_parent_class)->size_allocate (widget, width, height, baseline);

  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      queue_apply_narrow (self);
    }

  lift = bottom_bars_height (self);
  if (lift != self->toast_lift)
    {
      self->toast_lift = lift;
      if (self->toast_lift_idle_id == 0)
        self->toast_lift_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, lift_toasts_idle, self, NULL);
    }
}

/* ---- Reading places ------------------------------------------------------------ */

/* Each project is opened again where it was read: the same document, the
 * same line at the top, the same panel in the right sidebar. Remembered by
 * the project's UUID, so that a copy made with Save As goes on where the
 * original was. */

/* Puts @entry (floating; a tuple whose first member is the project's UUID)
 * first in the setting @key, in place of the project's older entry; the
 * MAX_READING_PLACES - 1 other projects most recent keep theirs. */
static void
remember_for_project (DossierWindow *self,
                      const char    *key,
                      GVariant      *entry)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, key);
  const char *uuid = dossier_project_get_uuid (self->project);
  GVariantBuilder builder;
  guint n = 1;

  g_variant_builder_init (&builder, g_variant_get_type (old));
  g_variant_builder_add_value (&builder, entry);
  for (gsize i = 0; i < g_variant_n_children (old) && n < MAX_READING_PLACES; i++)
    {
      g_autoptr(GVariant) other = g_variant_get_child_value (old, i);
      const char *other_uuid;

      g_variant_get_child (other, 0, "&s", &other_uuid);
      if (g_strcmp0 (other_uuid, uuid) != 0)
        {
          g_variant_builder_add_value (&builder, other);
          n++;
        }
    }
  g_settings_set_value (self->settings, key, g_variant_builder_end (&builder));
}

/* The project's entry in the setting @key, or NULL. */
static GVariant *
find_for_project (DossierWindow *self,
                  const char    *key)
{
  g_autoptr(GVariant) entries = g_settings_get_value (self->settings, key);
  const char *uuid = dossier_project_get_uuid (self->project);

  for (gsize i = 0; i < g_variant_n_children (entries); i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (entries, i);
      const char *entry_uuid;

      g_variant_get_child (entry, 0, "&s", &entry_uuid);
      if (g_strcmp0 (entry_uuid, uuid) == 0)
        return g_steal_pointer (&entry);
    }
  return NULL;
}

/* The size the window was left at. One no window has (0, negative, more
 * than any screen: another program's, or typed by hand) gives the
 * default: GTK refused a negative width with a critical, and 2^31 - 1 asked
 * for a window of two billion pixels. */
static void
restore_window_size (DossierWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  if (width <= 0 || width > MAX_WINDOW_SIZE || height <= 0 || height > MAX_WINDOW_SIZE)
    {
      g_autoptr(GVariant) default_width = g_settings_get_default_value (self->settings, "window-width");
      g_autoptr(GVariant) default_height = g_settings_get_default_value (self->settings, "window-height");

      width = g_variant_get_int32 (default_width);
      height = g_variant_get_int32 (default_height);
    }
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
}

static void
save_reading_place (DossierWindow *self)
{
  const char *uuid;

  if (self->project == NULL)
    return;

  uuid = dossier_project_get_uuid (self->project);
  remember_for_project (self, "reading-places",
                        g_variant_new ("(sxx)", uuid,
                                       dossier_reader_page_get_document_id (self->reader_page),
                                       dossier_reader_page_get_top_offset (self->reader_page)));
  remember_for_project (self, "right-sidebar-panels",
                        g_variant_new ("(ss)", uuid,
                                       adw_view_stack_get_visible_child_name (self->right_stack)));
}

/* The right sidebar's panel the project was left at; the highlights when
 * none was remembered, or when the name remembered is no panel's (the
 * settings may hold anything). */
static void
open_right_panel (DossierWindow *self)
{
  g_autoptr(GVariant) entry = find_for_project (self, "right-sidebar-panels");
  const char *name = NULL;

  if (entry != NULL)
    g_variant_get_child (entry, 1, "&s", &name);
  if (name == NULL || adw_view_stack_get_child_by_name (self->right_stack, name) == NULL)
    name = "highlights";
  /* Search comes back as a panel, not as a search the user just asked
   * for: its button follows without bringing the sidebar over a narrow
   * window's reader or taking the focus. */
  g_signal_handlers_block_by_func (self->search_button, on_search_button_toggled, self);
  adw_view_stack_set_visible_child_name (self->right_stack, name);
  g_signal_handlers_unblock_by_func (self->search_button, on_search_button_toggled, self);
}

/* Shows the document the project was last read at, scrolled as it was;
 * else its first document. */
static void
open_reading_place (DossierWindow *self)
{
  GListModel *documents = dossier_project_get_documents (self->project);
  g_autoptr(GVariant) place = find_for_project (self, "reading-places");
  gint64 document_id = 0, offset = 0;

  open_right_panel (self);
  if (place != NULL)
    {
      g_variant_get (place, "(&sxx)", NULL, &document_id, &offset);
      dossier_window_open_document (self, document_id);
    }
  if (dossier_reader_page_get_document_id (self->reader_page) != 0)
    {
      dossier_reader_page_scroll_to_top_offset (self->reader_page, offset);
      return;
    }

  if (g_list_model_get_n_items (documents) > 0)
    {
      g_autoptr(DossierDocument) first = g_list_model_get_item (documents, 0);

      dossier_window_open_document (self, dossier_document_get_id (first));
    }
}

/* The arrow of the Import split button (its GtkMenuButton). */
GtkWidget *
_dossier_window_get_import_arrow (DossierWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->import_button); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      return child;

  g_return_val_if_reached (self->import_button);
}

/* ---- Project -------------------------------------------------------------- */

static void name_page_keys (DossierWindow *self,
                            GtkWidget     *switcher);

static void
update_title (DossierWindow *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *shown = NULL;
  const char *title;

  /* The pages' switcher only with a project: the start page has no
   * pages to switch between. */
  adw_view_switcher_title_set_stack (self->window_title, self->project ? self->page_stack : NULL);
  adw_view_switcher_bar_set_stack (self->page_switcher_bar, self->project ? self->page_stack : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", self->project != NULL);
  if (self->project != NULL)
    {
      name_page_keys (self, GTK_WIDGET (self->window_title));
      name_page_keys (self, GTK_WIDGET (self->page_switcher_bar));
    }

  if (self->project == NULL)
    {
      adw_view_switcher_title_set_title (self->window_title, _("Dossier"));
      adw_view_switcher_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Dossier"));
      return;
    }

  /* The project's title, from its file, may be of any length. */
  shown = dossier_shown_text (dossier_project_get_title (self->project));
  title = shown[0] != '\0' ? shown : _("Untitled Project");
  basename = g_path_get_basename (dossier_project_get_path (self->project));
  if (dossier_project_get_read_only (self->project))
    /* Translators: the window subtitle: a project's file name */
    subtitle = g_strdup_printf (_("%s (read-only)"), basename);
  else
    subtitle = g_steal_pointer (&basename);

  adw_view_switcher_title_set_title (self->window_title, title);
  adw_view_switcher_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Setting a tooltip asks the X server where the pointer is: Undo and Redo
 * are told of every action up to four times, so only a new text is set. */
static void
set_tooltip_if_changed (GtkWidget  *widget,
                        const char *text)
{
  const char *current = gtk_widget_get_tooltip_text (widget);

  if (g_strcmp0 (current, text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
update_undo_redo (DossierWindow *self)
{
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  if (self->project != NULL && dossier_project_get_can_undo (self->project)
      && dossier_project_get_undo_label (self->project) != NULL)
    /* Translators: tooltip of the Undo button, e.g. "Undo Tag “Risks”" */
    undo_tip = g_strdup_printf (_("Undo %s"), dossier_project_get_undo_label (self->project));
  if (self->project != NULL && dossier_project_get_can_redo (self->project)
      && dossier_project_get_redo_label (self->project) != NULL)
    /* Translators: tooltip of the Redo button, e.g. "Redo Tag “Risks”" */
    redo_tip = g_strdup_printf (_("Redo %s"), dossier_project_get_redo_label (self->project));

  /* Only the pair on show: the other is told when it shows (apply_narrow). */
  set_tooltip_if_changed (GTK_WIDGET (self->narrow ? self->undo_button_narrow : self->undo_button),
                          undo_tip ? undo_tip : _("Undo"));
  set_tooltip_if_changed (GTK_WIDGET (self->narrow ? self->redo_button_narrow : self->redo_button),
                          redo_tip ? redo_tip : _("Redo"));
  _dossier_window_update_actions (self);
}
static gboolean
lists_document (GListModel *documents,
                gint64      document_id)
{
  guint n = g_list_model_get_n_items (documents);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, i);

      if (dossier_document_get_id (doc) == document_id)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  DossierWindow *self;
  gint64         document_id;
} OpenLater;

static gboolean
open_later_cb (gpointer data)
{
  OpenLater *later = data;
  DossierWindow *self = later->self;

  /* Unless the user (or the documents list) showed another meanwhile. */
  if (!_dossier_window_is_closed (self) && self->project != NULL
      && dossier_reader_page_get_document_id (self->reader_page) == 0
      && dossier_project_get_document (self->project, later->document_id) != NULL)
    dossier_window_open_document (self, later->document_id);

  return G_SOURCE_REMOVE;
}

static void
open_later_free (gpointer data)
{
  OpenLater *later = data;

  g_object_unref (later->self);
  g_free (later);
}

/* The Keyboard Shortcuts window lists each number key's tag: it follows
 * the codebook's list, and each tag's name, place and pinned key, which
 * change on the tag itself (pinning one moves others' keys: the list is
 * worked out again, and only a change rebuilds the window). */
static void
on_tags_items_changed (DossierWindow *self,
                       guint          position,
                       guint          removed,
                       guint          added,
                       GListModel    *tags)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) tag = g_list_model_get_item (tags, i);

      g_signal_handlers_disconnect_by_func (tag, _dossier_window_help_keys_changed, self);
      g_signal_connect_object (tag, "notify", G_CALLBACK (_dossier_window_help_keys_changed), self,
                               G_CONNECT_SWAPPED);
    }
  _dossier_window_help_keys_changed (self);
}

static void
on_documents_items_changed (DossierWindow *self,
                            guint          position,
                            guint          removed,
                            guint          added,
                            GListModel    *documents)
{
  /* The document on show was deleted. The list itself is asked, not the
   * project's lookup, which may not know yet while the list changes. */
  if (dossier_reader_page_get_document_id (self->reader_page) != 0 && removed > 0)
    {
      gint64 shown = dossier_reader_page_get_document_id (self->reader_page);
      guint n = g_list_model_get_n_items (documents);

      if (!lists_document (documents, shown))
        {
          /* The next one in import order (the one before, if it was the
           * last); the documents list, if it deleted it, then shows the
           * next as it lists them. */
          gint64 next = 0;

          if (n > 0 && removed == 1 && added == 0)
            {
              g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, MIN (position, n - 1));

              next = dossier_document_get_id (doc);
            }
          /* Nothing shows the deleted one from now; the next is shown
           * once every list has heard of the deletion. */
          dossier_window_open_document (self, 0);
          if (next != 0)
            {
              OpenLater *later = g_new0 (OpenLater, 1);

              later->self = g_object_ref (self);
              later->document_id = next;
              g_idle_add_full (G_PRIORITY_DEFAULT, open_later_cb, later, open_later_free);
            }
        }
    }

  /* The first import into an empty project: show it. */
  if (dossier_reader_page_get_document_id (self->reader_page) == 0 && added > 0 && !dossier_window_is_importing (self)
      && g_list_model_get_n_items (documents) == added)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, position);

      dossier_window_open_document (self, dossier_document_get_id (doc));
    }
}

static void
update_highlights_panel (DossierWindow *self)
{
  gint64 tag_id = 0;

  if (self->codebook_panel != NULL)
    tag_id = dossier_codebook_panel_get_selected_tag_id (DOSSIER_CODEBOOK_PANEL (self->codebook_panel));

  /* A tag chosen in the codebook shows its highlights across documents;
   * otherwise the panel follows the document on show. */
  g_object_set (self->highlights_panel,
                "document-id", tag_id != 0 ? (gint64) 0 : dossier_reader_page_get_document_id (self->reader_page),
                "tag-id", tag_id,
                NULL);
}

static void
apply_author (DossierWindow *self)
{
  g_autofree char *author = NULL;

  if (self->project == NULL || dossier_project_get_read_only (self->project))
    return;

  author = g_settings_get_string (self->settings, "author-name");
  g_strstrip (author);
  dossier_project_set_author (self->project, author[0] != '\0' ? author : g_get_real_name ());
}

/* What the start page shows of @project: its title and how many documents
 * it holds now. */
static void
remember_project (DossierWindow  *self,
                  DossierProject *project,
                  gboolean        opened_now)
{
  g_autofree char *title = NULL;

  if (project == NULL)
    return;

  /* Kept in the settings, and shown on the start page. */
  title = dossier_shown_text (dossier_project_get_title (project));
  dossier_application_remember_project (self->settings, dossier_project_get_path (project),
                                        title,
                                        g_list_model_get_n_items (dossier_project_get_documents (project)),
                                        opened_now);
}

void
_dossier_window_remember_project (DossierWindow *self)
{
  remember_project (self, self->project, TRUE);
}

/* ---- The banner ---------------------------------------------------------- */

void
_dossier_window_show_banner (DossierWindow *self,
                             const char    *icon_name,
                             const char    *text)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  if (text == NULL)
    {
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
      return;
    }
  gtk_image_set_from_icon_name (self->banner_icon, icon_name);
  gtk_label_set_text (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

/* ---- Another program's changes ------------------------------------------ */

gboolean
_dossier_window_check_changed_elsewhere (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  if (self->project == NULL || !dossier_project_reload_if_changed_elsewhere (self->project))
    return FALSE;
  /* What is typed in a note and not yet saved stays in the editor (the
   * briefing page keeps typing over a body read again), and is saved. */
  _dossier_window_show_banner (self, "view-refresh-symbolic",
                               _("The project was changed by another program and has been "
                                 "reloaded."));
  return TRUE;
}

static gboolean
check_elsewhere_cb (gpointer data)
{
  _dossier_window_check_changed_elsewhere (data);
  return G_SOURCE_CONTINUE;
}

static void
on_is_active_changed (DossierWindow *self,
                      GParamSpec    *pspec,
                      gpointer       data)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    _dossier_window_check_changed_elsewhere (self);
}

static void
on_banner_close_clicked (DossierWindow *self)
{
  _dossier_window_show_banner (self, NULL, NULL);
}

static void on_not_indexed (DossierWindow *self,
                            const char    *message);

void
dossier_window_set_project (DossierWindow  *self,
                            DossierProject *project)
{
  g_autoptr(DossierProject) old = NULL;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (project == NULL || DOSSIER_IS_PROJECT (project));

  if (project == self->project)
    return;

  /* The old project's toasts (a failure with its Reopen or Save As, an
   * Undo) speak of a project no longer on show: queued, they came up over
   * the next one. */
  if (self->project != NULL)
    dossier_accessible_dismiss_toasts (GTK_WIDGET (self->toast_overlay), NULL);
  _dossier_window_import_cancel (self);
  save_reading_place (self);
  remember_project (self, self->project, FALSE);

  if (self->project != NULL)
    {
      GListModel *tags = dossier_project_get_tags (self->project);

      g_signal_handlers_disconnect_by_data (dossier_project_get_documents (self->project), self);
      g_signal_handlers_disconnect_by_data (tags, self);
      for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
        {
          g_autoptr(GObject) tag = g_list_model_get_item (tags, i);

          g_signal_handlers_disconnect_by_func (tag, _dossier_window_help_keys_changed, self);
        }
    }

  old = g_steal_pointer (&self->project);
  self->project = project ? g_object_ref (project) : NULL;
  g_signal_group_set_target (self->project_signals, self->project);
  _dossier_window_dismiss_stale_undo_toast (self);

  /* Connected before the panels and pages get the project, so that the
   * window moves them off a deleted document before they react to its
   * deletion. */
  if (self->project != NULL)
    {
      g_signal_connect_object (dossier_project_get_documents (self->project), "items-changed",
                               G_CALLBACK (on_documents_items_changed), self, G_CONNECT_SWAPPED);
      GListModel *tags = dossier_project_get_tags (self->project);

      g_signal_connect_object (tags, "items-changed", G_CALLBACK (on_tags_items_changed), self,
                               G_CONNECT_SWAPPED);
      on_tags_items_changed (self, 0, 0, g_list_model_get_n_items (tags), tags);
      apply_author (self);
    }
  _dossier_window_help_keys_changed (self);

  /* The pages and panels follow the "project" property (bound in the .ui). */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);

  /* The old project is closed only once nothing shows it any more. */
  if (old != NULL)
    dossier_project_close (old);

  gtk_stack_set_visible_child_name (self->center_stack, self->project != NULL ? "pages" : "no-project");
  if (self->project != NULL && self->elsewhere_id == 0)
    self->elsewhere_id = g_timeout_add_seconds (1, check_elsewhere_cb, self);
  else if (self->project == NULL)
    g_clear_handle_id (&self->elsewhere_id, g_source_remove);

  /* What the banner said was of the old project; the new one may have
   * its own word (why it is read-only). */
  _dossier_window_show_banner (self, "changes-prevent-symbolic",
                               self->project != NULL ? dossier_project_get_shared_name (self->project)
                                                     : NULL);
  update_sidebars (self);
  update_title (self);
  update_undo_redo (self);

  if (self->project != NULL)
    open_reading_place (self);
  on_reader_document_changed (self);

  /* Said while it was opened, before the window listened (a rebuild or
   * indexing that failed then): said now. */
  if (self->project != NULL && dossier_project_get_not_indexed (self->project) != NULL)
    on_not_indexed (self, dossier_project_get_not_indexed (self->project));

  /* A project just opened starts the keyboard in its reader: the document
   * on show, or the empty page's Import button. Left to GTK, the focus went
   * to the header's first button, or nowhere when the start page's row that
   * had it went away. */
  if (self->project != NULL &&
      adw_view_stack_get_visible_child (self->page_stack) == GTK_WIDGET (self->reader_page))
    gtk_widget_grab_focus (GTK_WIDGET (self->reader_page));
}

/* The project's search index was found out of step with its texts when
 * it was opened (a file edited by another program), and was made again:
 * searches before that may have missed what is there or found what is
 * not. */
static void
on_search_index_rebuilt (DossierWindow *self)
{
  dossier_show_toast (GTK_WIDGET (self->toast_overlay),
                      _("The search index was out of step with the documents and has been "
                        "rebuilt"), FALSE);
}

/* Texts could not be indexed for search (the core's message says why
 * and what to do, once while the project is open): searches miss them,
 * which the person using the window would not learn from the log. It
 * stays until closed, for the command it may name to be read. */
static void
on_not_indexed (DossierWindow *self,
                const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  dossier_accessible_show_toast (GTK_WIDGET (self->toast_overlay), toast);
}

DossierProject *
dossier_window_get_project (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->project;
}

gboolean
dossier_window_open_project (DossierWindow     *self,
                             GFile             *file,
                             DossierOpenFlags   flags,
                             GError           **error)
{
  g_autoptr(DossierProject) project = NULL;
  g_autofree char *path = NULL;
  gboolean reopen_on_failure = FALSE;
  gboolean was_read_only = FALSE;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                   _("“%s” is not a local file. Copy it to this computer first."), uri);
      return FALSE;
    }

  /* Opening the project already on show again would lock ourselves out:
   * it is closed first, and reopened as it was if the new way fails. */
  if (self->project != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (dossier_project_get_path (self->project));

      if (g_file_equal (current, file))
        {
          if (((flags & DOSSIER_OPEN_READ_ONLY) != 0) == dossier_project_get_read_only (self->project))
            return TRUE;
          was_read_only = dossier_project_get_read_only (self->project);
          reopen_on_failure = TRUE;
          dossier_window_set_project (self, NULL);
        }
    }

  /* Texts stored are indexed for search by a thread, not in the action
   * the user waits for (the search panel shows it), and the mention counts
   * the file stores are checked by one after the window shows (the rows say
   * "Counting mentions…" meanwhile). The window takes id 0 for none: a
   * file with ids below 1 is refused read-only (opened for writing, they
   * are given others). */
  project = dossier_project_open (path, flags | DOSSIER_OPEN_INDEX_IN_BACKGROUND |
                                  DOSSIER_OPEN_MENTIONS_IN_BACKGROUND | DOSSIER_OPEN_KEYED_IDS,
                                  error);
  if (project == NULL)
    {
      if (reopen_on_failure)
        {
          g_autoptr(DossierProject) again =
            dossier_project_open (path, (was_read_only ? DOSSIER_OPEN_READ_ONLY
                                                       : DOSSIER_OPEN_INDEX_IN_BACKGROUND) |
                                        DOSSIER_OPEN_MENTIONS_IN_BACKGROUND |
                                        DOSSIER_OPEN_KEYED_IDS, NULL);

          if (again != NULL)
            dossier_window_set_project (self, again);
        }
      return FALSE;
    }

  dossier_window_set_project (self, project);
  dossier_application_add_recent (self->settings, path);
  _dossier_window_remember_project (self);
  return TRUE;
}

typedef struct
{
  DossierWindow *self;
  GFile         *file;
} OpenReadOnlyData;

static void
open_read_only_data_free (gpointer data)
{
  OpenReadOnlyData *d = data;

  g_object_unref (d->self);
  g_object_unref (d->file);
  g_free (d);
}

static void
on_open_error_response (AdwMessageDialog *dialog,
                        const char       *response,
                        OpenReadOnlyData *d)
{
  if (g_strcmp0 (response, "read-only") == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!dossier_window_open_project (d->self, d->file, DOSSIER_OPEN_READ_ONLY, &error))
        {
          g_autofree char *name = g_file_get_basename (d->file);
          g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

          _dossier_window_show_error_dialog (d->self, heading, error->message);
        }
    }
}

/* A file that Dossier imports (a page, Markdown, plain text) rather than a
 * project: what a user picks by mistake in Open, or opens from a file
 * manager. */
gboolean
dossier_window_is_article_file (GFile *file)
{
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  if (name == NULL || g_str_has_suffix (name, ".dossier"))
    return FALSE;
  type = g_content_type_guess (name, NULL, 0, NULL);
  return g_content_type_is_a (type, "text/plain") || g_content_type_is_a (type, "text/html");
}

/* Articles offered for import, and the window offering them. */
typedef struct
{
  DossierWindow *self;
  GPtrArray     *files;
} Articles;

static void
articles_free (gpointer data)
{
  Articles *a = data;

  g_object_unref (a->self);
  g_ptr_array_unref (a->files);
  g_free (a);
}

static void
on_article_response (AdwMessageDialog *dialog,
                     const char       *response,
                     Articles         *a)
{
  if (_dossier_window_is_closed (a->self))
    return;

  if (g_strcmp0 (response, "import") == 0 && a->self->project != NULL)
    dossier_window_import_files (a->self, (GFile **) a->files->pdata, a->files->len);
  else if (g_strcmp0 (response, "new") == 0)
    _dossier_window_new_project_for (a->self, (GFile **) a->files->pdata, a->files->len);
}

void
dossier_window_offer_articles (DossierWindow  *self,
                               GFile         **files,
                               guint           n_files)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *project_title = NULL;
  gboolean into_open;
  AdwMessageDialog *dialog;
  Articles *a;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0)
    return;

  if (self->project != NULL)
    project_title = dossier_shown_text (dossier_project_get_title (self->project));

  into_open = self->project != NULL && !dossier_project_get_read_only (self->project);
  if (n_files == 1)
    {
      g_autofree char *name = g_file_get_basename (files[0]);

      heading = g_strdup_printf (_("“%s” Is an Article, Not a Project"), name);
      if (into_open)
        body = g_strdup_printf (_("Projects collect articles. Import this one into “%s”?"),
                                project_title);
      else
        body = g_strdup (_("Projects collect articles. Create a project for this one, and import it there?"));
    }
  else
    {
      heading = g_strdup_printf (ngettext ("Import %u Article?", "Import %u Articles?", n_files), n_files);
      if (into_open)
        /* Translators: %s is the project's title */
        body = g_strdup_printf (_("Projects collect articles. Import these into “%s”?"),
                                project_title);
      else
        body = g_strdup (_("Projects collect articles. Create a project for these, and import them there?"));
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (into_open)
    adw_message_dialog_add_response (dialog, "import", _("_Import"));
  else
    adw_message_dialog_add_response (dialog, "new", _("_New Project…"));
  adw_message_dialog_set_response_appearance (dialog, into_open ? "import" : "new", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, into_open ? "import" : "new");
  adw_message_dialog_set_close_response (dialog, "cancel");

  a = g_new0 (Articles, 1);
  a->self = g_object_ref (self);
  a->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (a->files, g_object_ref (files[i]));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_article_response), a,
                         (GClosureNotify) (void (*) (void)) articles_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_project_interactive (DossierWindow *self,
                          GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  OpenReadOnlyData *d;

  if (dossier_window_open_project (self, file, DOSSIER_OPEN_READ_WRITE, &error))
    return;

  if ((g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_SQLITE) ||
       g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_PROJECT))
      && dossier_window_is_article_file (file))
    {
      dossier_window_offer_articles (self, &file, 1);
      return;
    }

  name = g_file_get_basename (file);
  if (g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED))
    heading = g_strdup_printf (_("“%s” Is Open Elsewhere"), name);
  else
    heading = g_strdup_printf (_("Could Not Open “%s”"), name);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");

  /* Another Dossier writes it, or the file or its folder cannot be
   * written (the message says to open it read-only): looking is safe,
   * writing is not. */
  if (g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED) ||
      g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY))
    {
      adw_message_dialog_add_response (dialog, "read-only", _("Open _Read-Only"));
      adw_message_dialog_set_response_appearance (dialog, "read-only", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "read-only");
      d = g_new0 (OpenReadOnlyData, 1);
      d->self = g_object_ref (self);
      d->file = g_object_ref (file);
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_open_error_response), d,
                             (GClosureNotify) (void (*) (void)) open_read_only_data_free, 0);
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

void
dossier_window_open_project_interactive (DossierWindow *self,
                                         GFile         *file)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* An article is offered for import into the project, which stays. */
  if (dossier_window_is_article_file (file))
    open_project_interactive (self, file);
  else
    _dossier_window_leave_project (self, open_project_interactive, file);
}

/* ---- Documents -------------------------------------------------------------- */

void
dossier_window_open_document (DossierWindow *self,
                              gint64         document_id)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  dossier_reader_page_set_document_id (self->reader_page, document_id);
}

/* The reader shows another document: the sidebars follow. A document
 * opened by an import or a paste takes the place of what had the focus (the
 * chooser, gone; the empty page's Import button, hidden): the reader takes
 * it then, so that the keyboard goes on in the new document, not from the
 * header's first button. A focus elsewhere stays where the user left it. */
static void
on_reader_document_changed (DossierWindow *self)
{
  gint64 document_id = dossier_reader_page_get_document_id (self->reader_page);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (document_id != 0 && (focus == NULL || !gtk_widget_get_mapped (focus)) &&
      gtk_widget_get_mapped (GTK_WIDGET (self->reader_page)))
    gtk_widget_grab_focus (GTK_WIDGET (self->reader_page));
  dossier_documents_panel_select_document (self->documents_panel, document_id);
  update_highlights_panel (self);
  g_object_set (self->stakeholders_panel, "document-id", document_id, NULL);
  g_object_set (self->arguments_panel, "document-id", document_id, NULL);
  _dossier_window_update_actions (self);
}

/* "New Stakeholder from Selection" (the reader's text menu, Shift+Ctrl+N):
 * greyed with nothing selected, as the menu's other entries on the
 * selection are, and in a project that takes no changes. */
void
_dossier_window_update_new_stakeholder (DossierWindow *self)
{
  gint64 start = 0, end = 0;
  gboolean can = self->project != NULL && !dossier_project_get_read_only (self->project) &&
                 dossier_reader_page_get_tag_range (self->reader_page, &start, &end) && start < end;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-stakeholder", can);
}

/* The panels that cite the reader's selection as evidence follow it: the
 * range the reader would tag (whole words, when so set). */
static void
on_reader_selection_changed (DossierWindow *self)
{
  gint64 start = 0, end = 0;

  if (!dossier_reader_page_get_tag_range (self->reader_page, &start, &end))
    start = end = 0;
  dossier_stakeholders_panel_set_selection (DOSSIER_STAKEHOLDERS_PANEL (self->stakeholders_panel), start, end);
  dossier_arguments_panel_set_selection (DOSSIER_ARGUMENTS_PANEL (self->arguments_panel), start, end);
  _dossier_window_update_new_stakeholder (self);
}

/* win.new-stakeholder: the selection in the reader on show becomes a
 * stakeholder's name in the Stakeholders panel's +, and its evidence
 * once added (dossier_stakeholders_panel_add_from_selection ()). */
static void
new_stakeholder_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->project == NULL ||
      adw_view_stack_get_visible_child (self->page_stack) != GTK_WIDGET (self->reader_page))
    return;
  adw_view_stack_set_visible_child_name (self->right_stack, "stakeholders");
  show_sidebar (self, self->right_flap, TRUE, NULL);
  if (adw_flap_get_reveal_progress (self->right_flap) >= 1)
    dossier_stakeholders_panel_add_from_selection (DOSSIER_STAKEHOLDERS_PANEL (self->stakeholders_panel));
  else
    self->new_stakeholder_pending = TRUE;
}

gint64
dossier_window_get_document_id (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), 0);

  return dossier_reader_page_get_document_id (self->reader_page);
}

DossierDocumentView *
dossier_window_get_document_view (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return dossier_reader_page_get_document_view (self->reader_page);
}

DossierReaderPage *
dossier_window_get_reader_page (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->reader_page;
}

gint64
dossier_window_get_tag_slot (DossierWindow *self,
                             guint          slot)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), 0);

  if (self->project == NULL || slot < 1 || slot > DOSSIER_CODEBOOK_N_SLOTS)
    return 0;

  return dossier_project_get_key_tag (self->project, slot);
}

/* Brings the reader to the front of the centre. */
static void
show_reader (DossierWindow *self)
{
  adw_view_stack_set_visible_child (self->page_stack, GTK_WIDGET (self->reader_page));
}

/* ---- Template callbacks ----------------------------------------------------- */

/* A document the reader could not show leaves the one on show: the list
 * goes back to that one. */
static void
open_listed_document (DossierWindow *self,
                      gint64         document_id)
{
  dossier_window_open_document (self, document_id);
  if (dossier_reader_page_get_document_id (self->reader_page) != document_id)
    dossier_documents_panel_select_document (self->documents_panel,
                                             dossier_reader_page_get_document_id (self->reader_page));
}

static void
on_document_selected (DossierWindow *self,
                      gint64         document_id)
{
  open_listed_document (self, document_id);
}

static void
on_document_activated (DossierWindow *self,
                       gint64         document_id)
{
  /* Choosing a document asks for its highlights: a tag still chosen in the
   * codebook would keep the panel on that tag's. */
  dossier_codebook_panel_set_selected_tag_id (DOSSIER_CODEBOOK_PANEL (self->codebook_panel), 0);
  open_listed_document (self, document_id);
  if (document_id != 0 && dossier_reader_page_get_document_id (self->reader_page) == document_id)
    {
      hide_folded_sidebar (self, self->left_flap);
      show_reader (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->reader_page));
    }
}

/* Over the centre, a click on a document opens it as Return does: the
 * sidebar makes way for it, as for a highlight or a search hit chosen
 * (beside the centre, a click only selects, and the list keeps the
 * focus). */
static void
on_document_clicked (DossierWindow *self,
                     gint64         document_id)
{
  if (adw_flap_get_folded (self->left_flap))
    on_document_activated (self, document_id);
}

static void
on_codebook_selected_tag (DossierWindow *self)
{
  gint64 tag_id = dossier_codebook_panel_get_selected_tag_id (DOSSIER_CODEBOOK_PANEL (self->codebook_panel));

  update_highlights_panel (self);
  if (tag_id != 0)
    adw_view_stack_set_visible_child_name (self->right_stack, "highlights");
}

/* The highlights panel's back button: the panel follows the document again.
 * The button is gone, so the focus goes to the reader (the panel moves it on
 * to its cards, if it has some). */
static void
on_highlights_leave_tag (DossierWindow *self)
{
  dossier_codebook_panel_set_selected_tag_id (DOSSIER_CODEBOOK_PANEL (self->codebook_panel), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_page));
}

static void
on_panel_highlight_activated (DossierWindow *self,
                              gint64         document_id,
                              gint64         highlight_id)
{
  hide_folded_sidebar (self, self->right_flap);
  show_reader (self);
  dossier_reader_page_reveal_highlight (self->reader_page, highlight_id);
}

/* A panel cited the reader's selection: it shows what was cited (the
 * whole words), as tagging does. */
static void
on_panel_selection_cited (DossierWindow *self,
                          gint64         document_id,
                          gint64         start,
                          gint64         end)
{
  dossier_reader_page_note_cited (self->reader_page, document_id, start, end);
}

static void
on_search_hit_activated (DossierWindow *self,
                         gint64         document_id,
                         gint64         start,
                         gint64         end)
{
  hide_folded_sidebar (self, self->right_flap);
  show_reader (self);
  dossier_reader_page_reveal_range (self->reader_page, document_id, start, end);
}

/* The Compare page's passages open in the reader; its citations go into
 * the briefing note on show. */
static void
on_compare_passage_activated (DossierWindow *self,
                              gint64         document_id,
                              gint64         highlight_id,
                              gint64         start,
                              gint64         end)
{
  show_reader (self);
  if (highlight_id != 0)
    dossier_reader_page_reveal_highlight (self->reader_page, highlight_id);
  else
    dossier_reader_page_reveal_range (self->reader_page, document_id, start, end);
}

static void
on_compare_cite_highlight (DossierWindow *self,
                           gint64         highlight_id)
{
  DossierBriefingPage *briefing = DOSSIER_BRIEFING_PAGE (self->briefing_page);

  adw_view_stack_set_visible_child (self->page_stack, self->briefing_page);
  if (!dossier_briefing_page_cite_highlight (briefing, highlight_id))
    dossier_window_show_toast (self, _("Choose or start a briefing note first, then cite again"), FALSE);
}

/* ---- Drag and drop -------------------------------------------------------- */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DossierWindow *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GdkFileList *list;
  GSList *l;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = g_value_get_boxed (value);
  for (l = gdk_file_list_get_files (list); l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);

  /* A project is opened (in place of the one open), not imported. */
  if (files->len == 1)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (files, 0));

      if (name != NULL && g_str_has_suffix (name, ".dossier"))
        {
          dossier_window_open_project_interactive (self, g_ptr_array_index (files, 0));
          return TRUE;
        }
    }
  if (files->len == 0 || self->project == NULL)
    return FALSE;

  dossier_window_import_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

/* ---- Settings --------------------------------------------------------------- */

static void
on_author_changed (DossierWindow *self)
{
  apply_author (self);
}

static void
save_window_state (DossierWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  g_settings_set_int (self->settings, "left-sidebar-width", dossier_sidebar_get_width (self->left_sidebar));
  g_settings_set_int (self->settings, "right-sidebar-width", dossier_sidebar_get_width (self->right_sidebar));
  save_reading_place (self);
}

typedef struct
{
  DossierWindow    *self;
  DossierLeaveFunc  then;
  GFile            *file;
} Leave;

static void
leave_free (gpointer data)
{
  Leave *leave = data;

  g_object_unref (leave->self);
  g_clear_object (&leave->file);
  g_free (leave);
}

static void
on_leave_response (AdwMessageDialog *dialog,
                   const char       *response,
                   Leave            *leave)
{
  DossierWindow *self = leave->self;

  if (_dossier_window_is_closed (self))
    return;

  if (g_strcmp0 (response, "close") == 0)
    {
      /* Closed now, whatever comes next: it also holds the lock on its
       * name, which a project opened or created there needs. */
      dossier_window_set_project (self, NULL);
      leave->then (self, leave->file);
    }
  else if (g_strcmp0 (response, "save-as") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
  else if (g_strcmp0 (response, "reopen") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.reopen-project", NULL);
}

void
_dossier_window_leave_project (DossierWindow    *self,
                               DossierLeaveFunc  then,
                               GFile            *file)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  Leave *leave;

  if (self->project == NULL || dossier_project_get_read_only (self->project) ||
      dossier_project_verify_in_place (self->project, &error))
    {
      then (self, file);
      return;
    }

  if (g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_REPLACED))
    {
      /* Overwritten where it is (a copy put back over it): this session's
       * work went with what the file held, and a copy would only copy what
       * is there now. Closing loses nothing more; reopening shows what the
       * file holds. */
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Project File Overwritten"),
                                                           NULL));
      adw_message_dialog_format_body (dialog, "%s %s", error->message,
                                      _("Changes made here that it lacks cannot be saved. Reopen it to see what it holds now."));
      adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      adw_message_dialog_add_response (dialog, "reopen", _("_Reopen"));
      adw_message_dialog_set_response_appearance (dialog, "reopen", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "reopen");
    }
  else
    {
      /* Moved, deleted or replaced by another file while open: what this
       * session did is only in the file SQLite has open, which a deleted
       * file takes with it at close. The user chooses: a copy first, or
       * close. */
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Save a Copy Before Closing?"),
                                                           NULL));
      adw_message_dialog_format_body (dialog, "%s %s", error->message,
                                      _("If it was deleted, closing loses the project. Save As… keeps the work in a copy."));
      adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
      adw_message_dialog_add_response (dialog, "close", _("Close _Anyway"));
      adw_message_dialog_add_response (dialog, "save-as", _("_Save As…"));
      adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "save-as");
    }
  adw_message_dialog_set_close_response (dialog, "cancel");

  leave = g_new0 (Leave, 1);
  leave->self = g_object_ref (self);
  leave->then = then;
  leave->file = file != NULL ? g_object_ref (file) : NULL;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_leave_response), leave,
                         (GClosureNotify) (void (*) (void)) leave_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reopen (DossierWindow *self,
        GFile         *file)
{
  /* Closed first: opening the file on show again would do nothing. */
  dossier_window_set_project (self, NULL);
  open_project_interactive (self, file);
}

/* The project's file again, as it is on disk now (overwritten where it is
 * by a copy): a file moved or deleted asks first, as closing does. */
static void
reopen_project_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;
  file = g_file_new_for_path (dossier_project_get_path (self->project));
  if (dossier_project_verify_in_place (self->project, &error) ||
      g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_REPLACED))
    reopen (self, file);
  else
    _dossier_window_leave_project (self, reopen, file);
}

static void
close_anyway (DossierWindow *self,
              GFile         *file)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
dossier_window_close_request (GtkWindow *window)
{
  DossierWindow *self = DOSSIER_WINDOW (window);

  if (!self->close_confirmed && self->project != NULL &&
      !dossier_project_get_read_only (self->project) &&
      !dossier_project_verify_in_place (self->project, NULL))
    {
      _dossier_window_leave_project (self, close_anyway, NULL);
      return TRUE;
    }

  save_window_state (self);
  remember_project (self, self->project, FALSE);
  return GTK_WINDOW_CLASS (dossier_window_parent_class)->close_request (window);
}

/* ---- Keys passed on to the page ---------------------------------------------- */

/* The page on show in the centre, if a project is open. */
static GtkWidget *
visible_page (DossierWindow *self)
{
  if (self->project == NULL)
    return NULL;
  return adw_view_stack_get_visible_child (self->page_stack);
}

/* Ctrl+T, Ctrl+M and Ctrl+F act on the page on show wherever the focus is
 * in the window (a list in a sidebar, the header bar): the window's
 * bindings, which come after the focused widget's own, pass them on to
 * that page's action of the name given (as gnome-text-editor's window
 * does with its pages). */
/* F9 and Shift+F9: what the sidebars' buttons do, the focus ring shown
 * if the sidebar comes over the centre (see focus_sidebar). */
static gboolean
sidebar_key (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  gboolean activated;

  self->sidebar_key = TRUE;
  activated = gtk_widget_activate_action_variant (widget, g_variant_get_string (args, NULL), NULL);
  self->sidebar_key = FALSE;
  return activated;
}

static gboolean
forward_to_page (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  GtkWidget *page = visible_page (DOSSIER_WINDOW (widget));

  if (page == NULL)
    return FALSE;
  return gtk_widget_activate_action_variant (page, g_variant_get_string (args, NULL), NULL);
}

/* ---- The centre's pages by key ------------------------------------------------- */

/* Alt+1, Alt+2 and Alt+3 bring the centre's pages to the front, in the
 * switcher's order, as tabbed GNOME applications number their tabs (the
 * digits alone tag the selection in the reader). */
static const struct
{
  const char *name;
  guint       keyval;
  guint       keypad;
} page_keys[] = {
  { "reader", GDK_KEY_1, GDK_KEY_KP_1 },
  { "compare", GDK_KEY_2, GDK_KEY_KP_2 },
  { "briefing", GDK_KEY_3, GDK_KEY_KP_3 },
};

/* The focus goes where the page is worked: the document's text, the
 * matrix (on a cell: before, none was marked until the first arrow key),
 * the note; failing that, the page's first control. */
static void
focus_page (DossierWindow *self,
            GtkWidget     *page)
{
  if (page == self->compare_page)
    {
      if (dossier_compare_page_focus_matrix (DOSSIER_COMPARE_PAGE (page)))
        return;
    }
  else if (gtk_widget_get_visible (page) && gtk_widget_grab_focus (page))
    return;
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *page;

  if (self->project == NULL)
    return;
  page = adw_view_stack_get_child_by_name (self->page_stack, g_variant_get_string (parameter, NULL));
  if (page == NULL)
    return;
  adw_view_stack_set_visible_child (self->page_stack, page);
  focus_page (self, page);
}

/* The switchers' buttons (libadwaita 1.2 gives them no tooltip) name
 * their key: "Compare (Alt+2)". They are made anew whenever a switcher is
 * given the stack. */
static void
name_page_keys (DossierWindow *self,
                GtkWidget     *switcher)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GPtrArray *stack = g_ptr_array_new ();

  g_ptr_array_add (stack, switcher);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_TOGGLE_BUTTON (widget))
        g_ptr_array_add (buttons, widget);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);

  for (guint i = 0; i < G_N_ELEMENTS (page_keys); i++)
    {
      GtkWidget *page = adw_view_stack_get_child_by_name (self->page_stack, page_keys[i].name);
      const char *title = adw_view_stack_page_get_title (adw_view_stack_get_page (self->page_stack, page));
      g_autofree char *key = gtk_accelerator_get_label (page_keys[i].keyval, GDK_ALT_MASK);
      /* TRANSLATORS: a page's tooltip in the header's switcher: its name,
       * then the key that shows it ("Compare (Alt+2)") */
      g_autofree char *tooltip = g_strdup_printf (_("%s (%s)"), title, key);

      for (guint k = 0; k < buttons->len; k++)
        {
          GtkWidget *button = g_ptr_array_index (buttons, k);
          g_autofree char *label = NULL;

          g_object_get (button, "label", &label, NULL);
          /* Not yet mapped as a project opens (the switcher makes its
           * buttons anew): set without asking X where the pointer is. */
          if (g_strcmp0 (label, title) == 0)
            dossier_set_tooltip (button, tooltip);
        }
    }
}

/* ---- F6: from region to region ------------------------------------------------- */

/* F6 and Shift+F6 take the focus to the next (previous) region of the
 * window, as GTK's panes and GNOME's applications do: the header bar, the
 * documents, the codebook, the page in the centre, the toast while one
 * shows (its Undo or Open, which Tab reaches only past every other
 * control: 32 presses from the sample's text; next to the page, where the
 * user mostly is when one comes, and to the sidebar whose panels show
 * most of them), the right sidebar's panel, a narrow window's bars at the
 * bottom. A region not on show (a hidden sidebar) or with nothing to
 * focus is passed over. */
typedef enum
{
  REGION_HEADER,
  REGION_DOCUMENTS,
  REGION_CODEBOOK,
  REGION_CENTRE,
  REGION_TOAST,
  REGION_RIGHT_SIDEBAR,
  REGION_NARROW_BAR,
  REGION_PAGE_SWITCHER,
  N_REGIONS
} Region;

/* The toast on show, or NULL: the newest of the overlay's (libadwaita
 * adds them last), not one going (which it makes unfocusable). */
static GtkWidget *
shown_toast (DossierWindow *self)
{
  GtkWidget *content = adw_toast_overlay_get_child (self->toast_overlay);
  GtkWidget *toast = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toast_overlay)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != content && gtk_widget_get_visible (child) && gtk_widget_get_can_focus (child))
      toast = child;
  return toast;
}

static gboolean
sidebar_on_show (AdwFlap *flap)
{
  return gtk_widget_get_visible (adw_flap_get_flap (flap)) && adw_flap_get_reveal_flap (flap);
}

/* What @region covers, or NULL if it is not on show. */
static GtkWidget *
region_widget (DossierWindow *self,
               Region         region)
{
  switch (region)
    {
    case REGION_HEADER:
      return self->header_bar;
    case REGION_DOCUMENTS:
      return sidebar_on_show (self->left_flap) ? GTK_WIDGET (self->documents_panel) : NULL;
    case REGION_CODEBOOK:
      return sidebar_on_show (self->left_flap) ? self->codebook_panel : NULL;
    case REGION_CENTRE:
      return GTK_WIDGET (self->center_stack);
    case REGION_RIGHT_SIDEBAR:
      return sidebar_on_show (self->right_flap) ? GTK_WIDGET (self->right_sidebar) : NULL;
    case REGION_NARROW_BAR:
      return gtk_action_bar_get_revealed (self->narrow_bar) ? GTK_WIDGET (self->narrow_bar) : NULL;
    case REGION_PAGE_SWITCHER:
      return adw_view_switcher_bar_get_reveal (self->page_switcher_bar) ? GTK_WIDGET (self->page_switcher_bar)
                                                                         : NULL;
    case REGION_TOAST:
      return shown_toast (self);
    case N_REGIONS:
    default:
      break;
    }
  g_assert_not_reached ();
  return NULL;
}

/* Gives @region (@widget) the focus where it is worked, as the keys that
 * show it do: the documents' and codebook's lists, the page's text, matrix
 * or note, the right sidebar's panel; failing that, its first control.
 * Whether the focus is in it. */
static gboolean
focus_region (DossierWindow *self,
              Region         region,
              GtkWidget     *widget)
{
  switch (region)
    {
    case REGION_DOCUMENTS:
      dossier_documents_panel_focus_list (self->documents_panel);
      break;
    case REGION_CODEBOOK:
      dossier_codebook_panel_focus_list (DOSSIER_CODEBOOK_PANEL (self->codebook_panel));
      break;
    case REGION_CENTRE:
      if (visible_page (self) != NULL)
        focus_page (self, visible_page (self));
      break;
    case REGION_RIGHT_SIDEBAR:
      focus_right_panel (self);
      break;
    case REGION_HEADER:
    case REGION_NARROW_BAR:
    case REGION_PAGE_SWITCHER:
    case REGION_TOAST:
    case N_REGIONS:
    default:
      break;
    }
  if (!focus_within (self, widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
  return focus_within (self, widget);
}

/* A toast that F6 gave the focus to hands it back, as it goes, to where
 * it came from: libadwaita 1.2 leaves it on the button of the toast going,
 * then nowhere; and its Undo, once nothing is left to undo, is made
 * insensitive, which leaves it nowhere at once. */
static void
focus_back_from_toast (DossierWindow *self)
{
  GtkWidget *back = self->toast_return_focus;

  self->focus_in_toast = FALSE;
  if (back == NULL || !gtk_widget_get_mapped (back) || !gtk_widget_grab_focus (back))
    focus_region (self, REGION_CENTRE, GTK_WIDGET (self->center_stack));
  g_clear_weak_pointer (&self->focused_toast);
  g_clear_weak_pointer (&self->toast_return_focus);
}

static void
on_focused_toast_dismissed (DossierWindow *self,
                            AdwToast      *toast)
{
  g_autoptr(AdwToast) followed = NULL;

  if (self->focused_toast != NULL)
    g_object_get (self->focused_toast, "toast", &followed, NULL);
  /* An older toast that had the focus once. */
  if (followed == NULL || followed != toast)
    return;
  if (focus_within (self, self->focused_toast))
    focus_back_from_toast (self);
  else
    {
      g_clear_weak_pointer (&self->focused_toast);
      g_clear_weak_pointer (&self->toast_return_focus);
    }
}

static void
follow_focused_toast (DossierWindow *self,
                      GtkWidget     *toast_widget,
                      GtkWidget     *previous)
{
  g_autoptr(AdwToast) toast = NULL;

  g_object_get (toast_widget, "toast", &toast, NULL);
  if (toast == NULL)
    return;
  g_set_weak_pointer (&self->focused_toast, toast_widget);
  g_clear_weak_pointer (&self->toast_return_focus);
  if (previous != NULL && !gtk_widget_is_ancestor (previous, toast_widget))
    g_set_weak_pointer (&self->toast_return_focus, previous);
  g_signal_handlers_disconnect_by_func (toast, on_focused_toast_dismissed, self);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_focused_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
}

static gboolean
region_key (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *previous = gtk_root_get_focus (GTK_ROOT (self));
  guint step = g_variant_get_boolean (args) ? N_REGIONS - 1 : 1;
  guint current = N_REGIONS, tries = N_REGIONS - 1;

  /* A menu or picker open: its own keys. */
  if (previous != NULL && gtk_widget_get_ancestor (previous, GTK_TYPE_POPOVER) != NULL)
    return FALSE;
  for (guint region = 0; region < N_REGIONS && current == N_REGIONS; region++)
    {
      GtkWidget *root = region_widget (self, region);

      if (root != NULL && focus_within (self, root))
        current = region;
    }
  /* From no region (or no focus), the centre first. */
  if (current == N_REGIONS)
    {
      current = (REGION_CENTRE + N_REGIONS - step) % N_REGIONS;
      tries = N_REGIONS;
    }

  for (guint i = 1; i <= tries; i++)
    {
      Region region = (current + i * step) % N_REGIONS;
      GtkWidget *root = region_widget (self, region);

      if (root == NULL || !focus_region (self, region, root))
        continue;
      gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
      if (region == REGION_TOAST)
        follow_focused_toast (self, root, previous);
      break;
    }
  /* Taken even where it went nowhere: the left sidebar's GtkPaned would
   * take F6 for itself, between its two panels only. */
  return TRUE;
}

/* Escape on a toast closes it (the focus goes back, see above). In the
 * search's entry with nothing typed, over the centre, it closes the
 * sidebar, as it does from the other panels there (AdwFlap's own key):
 * the entry kept every Escape for itself, to clear words it did not hold,
 * and the sidebar stayed over the text. */
static gboolean
escape_key (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *toast_widget = shown_toast (self);
  g_autoptr(AdwToast) toast = NULL;

  if (adw_flap_get_folded (self->right_flap) && adw_flap_get_reveal_flap (self->right_flap) &&
      dossier_search_panel_entry_empty_with_focus (DOSSIER_SEARCH_PANEL (self->search_panel)))
    {
      show_sidebar (self, self->right_flap, FALSE, NULL);
      return TRUE;
    }

  if (toast_widget == NULL || !focus_within (self, toast_widget))
    return FALSE;
  g_object_get (toast_widget, "toast", &toast, NULL);
  if (toast == NULL)
    return FALSE;
  adw_toast_dismiss (toast);
  return TRUE;
}

/* In the capture phase, before the focused widget's own keys (GtkPaned's
 * F6). */
static void
add_region_keys (DossierWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut;

  gtk_event_controller_set_name (controller, "dossier-region-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, 0),
                               gtk_callback_action_new (region_key, NULL, NULL));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (FALSE));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, GDK_SHIFT_MASK),
                               gtk_callback_action_new (region_key, NULL, NULL));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (TRUE));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                               gtk_callback_action_new (escape_key, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  /* Ends what the window started: an import, a paste, a launch. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->narrow_idle_id, g_source_remove);
  g_clear_handle_id (&self->toast_lift_idle_id, g_source_remove);
  if (self->toast_overlay_children != NULL)
    g_signal_handlers_disconnect_by_data (self->toast_overlay_children, self);
  g_clear_object (&self->toast_overlay_children);

  g_clear_handle_id (&self->help_idle_id, g_source_remove);
  g_clear_handle_id (&self->elsewhere_id, g_source_remove);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_weak_pointer (&self->focused_toast);
  g_clear_weak_pointer (&self->toast_return_focus);
  self->focus_in_toast = FALSE;
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (dossier_project_get_documents (self->project), self);
      g_signal_handlers_disconnect_by_data (dossier_project_get_tags (self->project), self);
    }
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);

  if (self->project != NULL)
    dossier_project_close (self->project);
  g_clear_object (&self->project);
  g_clear_object (&self->project_signals);

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

static void
dossier_window_finalize (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  g_clear_pointer (&self->last_import_folder, g_free);
  g_clear_pointer (&self->import_after_new, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->import_status);
  g_clear_pointer (&self->pending_imports, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_window_parent_class)->finalize (object);
}

static void
dossier_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_SHOW_LEFT_SIDEBAR:
      /* (Asked for by its action while the template is being built.) */
      g_value_set_boolean (value, self->left_flap == NULL || adw_flap_get_reveal_flap (self->left_flap));
      break;
    case PROP_SHOW_RIGHT_SIDEBAR:
      g_value_set_boolean (value, self->right_flap == NULL || adw_flap_get_reveal_flap (self->right_flap));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DossierWindow *self = DOSSIER_WINDOW (object);
  gboolean show = g_value_get_boolean (value);

  /* Over the centre, a sidebar shown takes the focus; beside it, not. */
  switch (prop_id)
    {
    case PROP_SHOW_LEFT_SIDEBAR:
      show_sidebar (self, self->left_flap, show,
                    adw_flap_get_folded (self->left_flap) ? focus_documents : NULL);
      break;
    case PROP_SHOW_RIGHT_SIDEBAR:
      show_sidebar (self, self->right_flap, show,
                    adw_flap_get_folded (self->right_flap) ? focus_right_panel : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dossier_window_dispose;
  object_class->finalize = dossier_window_finalize;
  object_class->get_property = dossier_window_get_property;
  object_class->set_property = dossier_window_set_property;
  widget_class->size_allocate = dossier_window_size_allocate;
  window_class->close_request = dossier_window_close_request;

  /* The project on show; the window closes it when it shows another or
   * goes. Pages and panels bind theirs to it in the .ui. */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, DOSSIER_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether each sidebar is shown (beside the centre or over it). */
  properties[PROP_SHOW_LEFT_SIDEBAR] =
    g_param_spec_boolean ("show-left-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_RIGHT_SIDEBAR] =
    g_param_spec_boolean ("show-right-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template names these by type: register them first. */
  g_type_ensure (DOSSIER_TYPE_DOCUMENT);
  g_type_ensure (DOSSIER_TYPE_READER_PAGE);
  g_type_ensure (DOSSIER_TYPE_BRIEFING_PAGE);
  g_type_ensure (DOSSIER_TYPE_COMPARE_PAGE);
  g_type_ensure (DOSSIER_TYPE_START_PAGE);
  g_type_ensure (DOSSIER_TYPE_SIDEBAR);
  g_type_ensure (DOSSIER_TYPE_DOCUMENTS_PANEL);
  g_type_ensure (DOSSIER_TYPE_CODEBOOK_PANEL);
  g_type_ensure (DOSSIER_TYPE_HIGHLIGHTS_PANEL);
  g_type_ensure (DOSSIER_TYPE_SEARCH_PANEL);
  g_type_ensure (DOSSIER_TYPE_STAKEHOLDERS_PANEL);
  g_type_ensure (DOSSIER_TYPE_ARGUMENTS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/ui/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, page_switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_button_narrow);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, undo_box);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, undo_button_narrow);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, redo_button_narrow);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, narrow_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, left_sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, right_sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, left_sidebar_button_narrow);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, right_sidebar_button_narrow);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, left_flap);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, right_flap);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, left_sidebar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, right_sidebar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, sidebar_paned);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, documents_panel);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, codebook_panel);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, center_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, reader_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, compare_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, briefing_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, right_switcher);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, right_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, highlights_panel);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, search_panel);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, stakeholders_panel);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, arguments_panel);
  gtk_widget_class_bind_template_child_full (widget_class, "recent_menu", FALSE,
                                             G_STRUCT_OFFSET (DossierWindow, recent_menu));

  gtk_widget_class_bind_template_callback (widget_class, on_banner_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_document_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_document_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_document_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_highlights_leave_tag);
  gtk_widget_class_bind_template_callback (widget_class, on_codebook_selected_tag);
  gtk_widget_class_bind_template_callback (widget_class, on_panel_highlight_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_panel_selection_cited);
  gtk_widget_class_bind_template_callback (widget_class, on_search_hit_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_passage_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_cite_highlight);
  gtk_widget_class_bind_template_callback (widget_class, on_reader_document_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_button_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_right_stack_visible_child);
  gtk_widget_class_bind_template_callback (widget_class, on_flap_reveal_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_flap_reveal_progress);

  _dossier_window_class_init_actions (widget_class);

  /* F9 for the left sidebar, as in Files and Builder; Shift+F9 for the
   * right one. */
  gtk_widget_class_install_property_action (widget_class, "win.show-left-sidebar", "show-left-sidebar");
  gtk_widget_class_install_property_action (widget_class, "win.show-right-sidebar", "show-right-sidebar");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F9, 0, sidebar_key, "s", "win.show-left-sidebar");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F9, GDK_SHIFT_MASK, sidebar_key,
                                "s", "win.show-right-sidebar");

  gtk_widget_class_add_binding (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, forward_to_page,
                                "s", "reader.tag-selection");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, forward_to_page,
                                "s", "reader.edit-memo");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, forward_to_page,
                                "s", "reader.find");

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.reopen-project", NULL, reopen_project_action);
  /* Beside Ctrl+Shift+E (Add Selection as Evidence…); Ctrl+N is a new
   * project. */
  gtk_widget_class_install_action (widget_class, "win.new-stakeholder", NULL, new_stakeholder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-stakeholder", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (page_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, page_keys[i].keyval, GDK_ALT_MASK,
                                           "win.show-page", "s", page_keys[i].name);
      gtk_widget_class_add_binding_action (widget_class, page_keys[i].keypad, GDK_ALT_MASK,
                                           "win.show-page", "s", page_keys[i].name);
    }
}

/* briefing.cite ("s", a highlight's UUID), answered from anywhere in the
 * window — a highlight card's menu in a sidebar, the Compare page — by the
 * Brief page, which is shown and cites it at its cursor. (Inside the page
 * its own briefing.cite answers first, the same way.) */
static void
cite_in_briefing (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DossierWindow *self = user_data;
  GtkWidget *page = adw_view_stack_get_child_by_name (self->page_stack, "briefing");

  if (page == NULL)
    return;
  adw_view_stack_set_visible_child (self->page_stack, page);
  dossier_briefing_page_cite_uuid (DOSSIER_BRIEFING_PAGE (page), g_variant_get_string (parameter, NULL));
}

static void
add_briefing_actions (DossierWindow *self)
{
  static const GActionEntry entries[] = {
    { .name = "cite", .activate = cite_in_briefing, .parameter_type = "s" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "briefing", G_ACTION_GROUP (group));
}

static void
dossier_window_init (DossierWindow *self)
{
  GtkDropTarget *drop;

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->pending_imports = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_focus_widget_changed), NULL);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed), NULL);
  add_region_keys (self);
  init_right_switcher (self);
  /* Every window from now on, dialogs included, when it is mapped. */
  dossier_accessible_watch_toplevels ();

  restore_window_size (self);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  dossier_sidebar_set_width (self->left_sidebar, g_settings_get_int (self->settings, "left-sidebar-width"));
  dossier_sidebar_set_width (self->right_sidebar, g_settings_get_int (self->settings, "right-sidebar-width"));
  g_settings_bind (self->settings, "zoom", dossier_reader_page_get_document_view (self->reader_page),
                   "zoom", G_SETTINGS_BIND_DEFAULT);
  /* Underlining unreviewed mentions: a setting, toggled from the
   * Stakeholders panel (view.show-mentions), shown by the reader. */
  g_settings_bind (self->settings, "show-mentions", self->reader_page, "show-mentions", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "whole-words", self->reader_page, "whole-words", G_SETTINGS_BIND_GET);
  {
    g_autoptr(GSimpleActionGroup) view = g_simple_action_group_new ();
    g_autoptr(GAction) show_mentions = g_settings_create_action (self->settings, "show-mentions");

    g_action_map_add_action (G_ACTION_MAP (view), show_mentions);
    gtk_widget_insert_action_group (GTK_WIDGET (self), "view", G_ACTION_GROUP (view));
  }
  g_signal_connect_object (self->settings, "changed::author-name",
                           G_CALLBACK (on_author_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->window_title, "notify::title-visible", G_CALLBACK (queue_apply_narrow), self,
                           G_CONNECT_SWAPPED);
  /* A toast comes in at the height the bars have now. */
  self->toast_overlay_children = gtk_widget_observe_children (GTK_WIDGET (self->toast_overlay));
  g_signal_connect_swapped (self->toast_overlay_children, "items-changed", G_CALLBACK (lift_toasts), self);
  adw_view_switcher_bar_set_reveal (self->page_switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->window_title));

  self->project_signals = g_signal_group_new (DOSSIER_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "notify::title",
                                 G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::read-only",
                                 G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::can-undo",
                                 G_CALLBACK (update_undo_redo), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::can-redo",
                                 G_CALLBACK (update_undo_redo), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::undo-label",
                                 G_CALLBACK (update_undo_redo), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::redo-label",
                                 G_CALLBACK (update_undo_redo), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::undo-step",
                                 G_CALLBACK (_dossier_window_dismiss_stale_undo_toast), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "search-index-rebuilt",
                                 G_CALLBACK (on_search_index_rebuilt), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "not-indexed",
                                 G_CALLBACK (on_not_indexed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (dossier_reader_page_get_document_view (self->reader_page), "selection-changed",
                           G_CALLBACK (on_reader_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader_page, "notify::whole-words",
                           G_CALLBACK (on_reader_selection_changed), self, G_CONNECT_SWAPPED);

  /* The header's menus: no tooltip of their button over them. */
  dossier_hold_tooltip_while_open (GTK_WIDGET (self->main_menu_button),
                                   gtk_menu_button_get_popover (self->main_menu_button));
  dossier_hold_tooltip_while_open (self->import_button,
                                   adw_split_button_get_popover (ADW_SPLIT_BUTTON (self->import_button)));
  /* The split button's arrow has a tooltip of its own ("More Ways to
   * Import"): the one that would show over the menu it opens. */
  dossier_hold_tooltip_while_open (_dossier_window_get_import_arrow (self),
                                   adw_split_button_get_popover (ADW_SPLIT_BUTTON (self->import_button)));
  dossier_hold_tooltip_while_open (self->import_button_narrow,
                                   gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->import_button_narrow)));

  /* Files dropped anywhere on the window are imported, on the document's
   * text too: the text view's own drop target takes text, which a file
   * list offers as well, and refused the drop where the window is
   * most often aimed at. Captured first, the window takes only files. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop), GTK_PHASE_CAPTURE);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  add_briefing_actions (self);

  _dossier_window_update_recent_menu (self);
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (_dossier_window_update_recent_menu), self, G_CONNECT_SWAPPED);

  update_title (self);
  gtk_stack_set_visible_child_name (self->center_stack, "no-project");
  update_sidebars (self);
  on_reader_document_changed (self);
  update_undo_redo (self);
}

DossierWindow *
dossier_window_new (GtkApplication *application)
{
  return g_object_new (DOSSIER_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
