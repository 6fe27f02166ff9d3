/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-suggestions-section.c — the open document's suggestions under a
 * panel's list.
 *
 * The suggestions are few (what one document lists or names), so they are
 * rows of a GtkListBox made afresh on each reload; a reload reads the
 * whole document in the core, so changes only queue one, and a section
 * out of view in a shown window (its panel behind another) waits until it
 * is shown: tagging would otherwise pay for a hidden panel's reload in the
 * frame that shows the tag. What a suggestion can be merged into is asked
 * for only when its merge list is opened: the project may have hundreds.
 *
 * The panel's own list may be the section's content, above the
 * suggestions: the two then share the height (see size_allocate). */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-suggestions-section.h"
#include "dossier-ui-utils.h"

struct _DossierSuggestionsSection
{
  GtkWidget                       parent_instance;

  /* template */
  GtkRevealer                    *revealer;
  GtkLabel                       *heading;
  GtkExpander                    *expander;
  GtkWidget                      *bulk_box;
  GtkScrolledWindow              *scrolled;
  GtkListBox                     *list;

  GtkWidget                      *content;       /* the panel's list, above; or NULL */
  const DossierSuggestionsSource *source;
  gpointer                        user_data;
  GPtrArray                      *suggestions;   /* as the source gave them, as listed */
  char                           *list_class;
  guint                           reload_source;
  gboolean                        stale;         /* asked for while out of view */
  gboolean                        fill;
  int                             content_room;  /* 0: the content always shares */
};

G_DEFINE_FINAL_TYPE (DossierSuggestionsSection, dossier_suggestions_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIST_LABEL,
  PROP_LIST_CLASS,
  PROP_BULK_ACTIONS,
  PROP_N_SUGGESTIONS,
  PROP_FILL,
  PROP_CONTENT,
  PROP_CONTENT_ROOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
dossier_suggestion_target_free (DossierSuggestionTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->label);
  g_free (target);
}

/* ---- acting ---------------------------------------------------------------------- */

/* The suggestion whose row holds @button (the section's own list only:
 * a merge list's rows are list box rows too, in a popover). */
static gpointer
suggestion_of_button (DossierSuggestionsSection *self,
                      GtkWidget                 *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  int index;

  if (row == NULL || self->suggestions == NULL ||
      gtk_widget_get_parent (row) != GTK_WIDGET (self->list))
    return NULL;
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (index < 0 || (guint) index >= self->suggestions->len)
    return NULL;
  return g_ptr_array_index (self->suggestions, index);
}

/* The source's action may change the project, whose signals may ask for a
 * reload: the array is kept alive until the action returns. */
static void
act (DossierSuggestionsSection *self,
     gboolean                   accepting,
     gpointer                  *suggestions,
     guint                      n)
{
  g_autoptr(GPtrArray) keep = NULL;
  gboolean changed;

  if (self->source == NULL || self->suggestions == NULL || n == 0)
    return;
  keep = g_ptr_array_ref (self->suggestions);
  changed = accepting ? self->source->accept (suggestions, n, self->user_data)
                      : self->source->dismiss (suggestions, n, self->user_data);
  if (changed)
    dossier_suggestions_section_queue_reload (self);
}

static void
on_accept (DossierSuggestionsSection *self,
           GtkWidget                 *button)
{
  gpointer suggestion = suggestion_of_button (self, button);

  if (suggestion != NULL)
    act (self, TRUE, &suggestion, 1);
}

/* Enter on a row (or a double click) accepts it, as its + does: the
 * keyboard goes down the list with the arrows and adds with Enter. */
static void
on_row_activated (DossierSuggestionsSection *self,
                  GtkListBoxRow             *row)
{
  int index = gtk_list_box_row_get_index (row);
  gpointer suggestion;

  if (self->suggestions == NULL || index < 0 || (guint) index >= self->suggestions->len)
    return;
  suggestion = g_ptr_array_index (self->suggestions, index);
  act (self, TRUE, &suggestion, 1);
}

static void
on_dismiss (DossierSuggestionsSection *self,
            GtkWidget                 *button)
{
  gpointer suggestion = suggestion_of_button (self, button);

  if (suggestion != NULL)
    act (self, FALSE, &suggestion, 1);
}

/* ---- merging --------------------------------------------------------------------- */

static void
merge_into (DossierSuggestionsSection *self,
            GtkWidget                 *popover,
            GtkListBoxRow             *target_row)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_parent (popover));
  gpointer suggestion = suggestion_of_button (self, GTK_WIDGET (button));
  GPtrArray *targets = g_object_get_data (G_OBJECT (popover), "targets");
  int index = gtk_list_box_row_get_index (target_row);
  g_autoptr(GPtrArray) keep = NULL;
  DossierSuggestionTarget *target;

  gtk_popover_popdown (GTK_POPOVER (popover));
  if (suggestion == NULL || self->source == NULL || self->source->merge == NULL ||
      targets == NULL || index < 0 || (guint) index >= targets->len)
    return;
  target = g_ptr_array_index (targets, index);
  keep = g_ptr_array_ref (self->suggestions);
  if (self->source->merge (suggestion, target->id, self->user_data))
    dossier_suggestions_section_queue_reload (self);
}

static void
on_target_activated (GtkListBox    *list,
                     GtkListBoxRow *row,
                     gpointer       data)
{
  merge_into (data, gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER), row);
}

static GtkListBoxRow *
first_shown_target (GtkListBox *list)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

/* Enter in the search merges into the first match, as it is shown. */
static void
on_target_search_activate (GtkSearchEntry *entry,
                           gpointer        data)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);
  GtkListBox *list = g_object_get_data (G_OBJECT (popover), "list");
  GtkListBoxRow *row = first_shown_target (list);

  if (row != NULL)
    merge_into (data, popover, row);
}

static void
on_target_search_changed (GtkSearchEntry *entry,
                          GtkListBox     *list)
{
  gtk_list_box_invalidate_filter (list);
}

/* Down from the search goes into the list, at the first match. */
static gboolean
on_target_search_key (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkListBox            *list)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  row = first_shown_target (list);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  return row != NULL;
}

static gboolean
target_matches (GtkListBoxRow *row,
                gpointer       data)
{
  GtkEditable *search = data;
  const char *text = gtk_editable_get_text (search);
  GtkWidget *label = gtk_list_box_row_get_child (row);

  /* Word prefixes, accents and case aside: "lopez" finds "Andrés López". */
  return text[0] == '\0' || g_str_match_string (text, gtk_label_get_text (GTK_LABEL (label)), TRUE);
}

static void
focus_search (GtkWidget *popover)
{
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (popover), "search"));
}

/* GTK keeps a popover on the monitor, not in the window: centred on the
 * button at the end of a narrow sidebar's row it went past the window's
 * edge. It drops from the whole suggestion instead, no wider than it
 * (measured as it opens: the row may not have been laid out when the
 * popover was made). */
static void
drop_from_row (GtkWidget *popover)
{
  GtkWidget *button = gtk_widget_get_parent (popover);
  GtkWidget *row = button ? gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW) : NULL;
  GtkScrolledWindow *scrolled = g_object_get_data (G_OBJECT (popover), "scrolled");
  graphene_rect_t bounds;

  if (row == NULL || !gtk_widget_compute_bounds (row, button, &bounds) || gtk_widget_get_width (row) <= 0)
    return;

  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                               &(GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                                                 gtk_widget_get_width (row), gtk_widget_get_height (row) });
  gtk_scrolled_window_set_propagate_natural_width (scrolled, TRUE);
  /* Less the popover's own padding (about 24 pixels in Adwaita). */
  gtk_scrolled_window_set_max_content_width (scrolled, MAX (gtk_widget_get_width (row) - 24, 160));
}

/* Made each time the list is opened, with what can be merged into now. */
static void
create_merge_popover (GtkMenuButton *button,
                      gpointer       data)
{
  DossierSuggestionsSection *self = data;
  gpointer suggestion = suggestion_of_button (self, GTK_WIDGET (button));
  g_autoptr(GPtrArray) targets = NULL;
  GtkWidget *popover, *box, *search, *scrolled, *list, *empty;

  if (suggestion == NULL || self->source == NULL || self->source->merge_targets == NULL)
    return;
  targets = self->source->merge_targets (suggestion, self->user_data);
  if (targets == NULL)
    targets = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_suggestion_target_free);

  popover = gtk_popover_new ();
  gtk_widget_add_css_class (popover, "merge-targets");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  search = gtk_search_entry_new ();
  g_object_set (search, "placeholder-text", _("Search by name"), NULL);
  gtk_box_append (GTK_BOX (box), search);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (GTK_WIDGET (button)), -1);
  empty = gtk_label_new (targets->len == 0 ? _("Nothing to merge into yet") : _("No match"));
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 12);
  gtk_widget_set_margin_bottom (empty, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), empty);
  for (guint i = 0; i < targets->len; i++)
    {
      DossierSuggestionTarget *target = g_ptr_array_index (targets, i);
      GtkWidget *label = gtk_label_new (target->label);

      /* A long name takes a second line rather than widening the list
       * past the sidebar. */
      dossier_label_set_max_lines (GTK_LABEL (label), 2);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }
  gtk_list_box_set_filter_func (GTK_LIST_BOX (list), target_matches, search, NULL);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_target_activated), self, 0);
  g_signal_connect_object (search, "search-changed", G_CALLBACK (on_target_search_changed), list, 0);
  g_signal_connect_object (search, "activate", G_CALLBACK (on_target_search_activate), self, 0);
  g_signal_connect_object (search, "stop-search", G_CALLBACK (gtk_popover_popdown), popover,
                           G_CONNECT_SWAPPED);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_target_search_key), list, 0);
    gtk_widget_add_controller (search, keys);
  }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 300);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  g_object_set_data (G_OBJECT (popover), "scrolled", scrolled);
  g_signal_connect (popover, "show", G_CALLBACK (drop_from_row), NULL);
  g_object_set_data (G_OBJECT (popover), "search", search);
  g_object_set_data (G_OBJECT (popover), "list", list);
  g_object_set_data_full (G_OBJECT (popover), "targets", g_steal_pointer (&targets),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (popover, "map", G_CALLBACK (focus_search), NULL);
  gtk_menu_button_set_popover (button, popover);
}

static GtkWidget *
make_merge_button (DossierSuggestionsSection *self,
                   const char                *label)
{
  GtkWidget *button = gtk_menu_button_new ();

  /* Linked to one the project has. */
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "insert-link-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_merge_popover, self, NULL);
  return button;
}

static void
on_accept_all (DossierSuggestionsSection *self)
{
  if (self->suggestions != NULL)
    act (self, TRUE, self->suggestions->pdata, self->suggestions->len);
}

static void
on_dismiss_all (DossierSuggestionsSection *self)
{
  if (self->suggestions != NULL)
    act (self, FALSE, self->suggestions->pdata, self->suggestions->len);
}

/* ---- showing --------------------------------------------------------------------- */

static GtkWidget *
make_button (DossierSuggestionsSection *self,
             const char                *icon_name,
             const char                *label,
             GCallback                  callback)
{
  GtkWidget *button = dossier_icon_button_new (icon_name, label, GTK_ALIGN_CENTER);

  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

static GtkWidget *
make_row (DossierSuggestionsSection *self,
          gpointer                   suggestion)
{
  DossierSuggestionRow info = { NULL, };
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title;

  self->source->describe (suggestion, &info, self->user_data);

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  title = gtk_label_new (info.title);
  dossier_label_set_max_lines (GTK_LABEL (title), 3);
  gtk_box_append (GTK_BOX (labels), title);
  if (info.subtitle != NULL && info.subtitle[0] != '\0')
    {
      GtkWidget *subtitle = gtk_label_new (info.subtitle);

      /* Wrapped: "another name of" and a stakeholder's long name were cut
       * after "another name" in a narrow sidebar. */
      dossier_label_set_max_lines (GTK_LABEL (subtitle), 3);
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_widget_add_css_class (subtitle, info.subtitle_class ? info.subtitle_class : "dim-label");
      gtk_box_append (GTK_BOX (labels), subtitle);
    }
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), make_button (self, "list-add-symbolic", info.accept_label,
                                              G_CALLBACK (on_accept)));
  if (self->source->merge != NULL)
    gtk_box_append (GTK_BOX (box), make_merge_button (self, info.merge_label));
  gtk_box_append (GTK_BOX (box), make_button (self, "window-close-symbolic", info.dismiss_label,
                                              G_CALLBACK (on_dismiss)));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, info.title, -1);

  g_free (info.title);
  g_free (info.subtitle);
  g_free (info.subtitle_class);
  g_free (info.accept_label);
  g_free (info.dismiss_label);
  g_free (info.merge_label);
  return row;
}

/* The index of the row of the list that has the keyboard's focus, or
 * holds it (its + or × does), or -1. */
static int
focused_row_index (DossierSuggestionsSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    return -1;
  row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list))
    return -1;
  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

static void
clear (DossierSuggestionsSection *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
}

void
dossier_suggestions_section_reload (DossierSuggestionsSection *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  guint before;
  int focused;

  g_return_if_fail (DOSSIER_IS_SUGGESTIONS_SECTION (self));

  before = self->suggestions ? self->suggestions->len : 0;
  /* The rows are made again: the focus on one (a suggestion just accepted
   * with Enter) goes to the row now in its place, the next one. */
  focused = focused_row_index (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->stale = FALSE;
  clear (self);

  if (self->source != NULL)
    {
      self->suggestions = self->source->suggest (self->user_data, &error);
      if (self->suggestions == NULL && error != NULL)
        g_message ("Could not list the suggestions: %s", error->message);
    }

  if (self->suggestions != NULL && self->suggestions->len > 0)
    {
      for (guint i = 0; i < self->suggestions->len; i++)
        gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (self->suggestions, i)));
      heading = self->source->heading (self->suggestions->len, self->user_data);
      gtk_label_set_text (self->heading, heading);
      gtk_revealer_set_reveal_child (self->revealer, TRUE);
      if (focused >= 0)
        gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list,
                                                                          MIN ((guint) focused, self->suggestions->len - 1))));
    }
  else
    gtk_revealer_set_reveal_child (self->revealer, FALSE);

  if (before != dossier_suggestions_section_get_n_suggestions (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SUGGESTIONS]);
}

static gboolean
reload_cb (gpointer data)
{
  DossierSuggestionsSection *self = data;

  self->reload_source = 0;
  dossier_suggestions_section_reload (self);
  return G_SOURCE_REMOVE;
}

/* In a window on screen but not itself mapped: nobody sees it. Not in a
 * shown window at all, it reloads as asked (a panel built off screen). */
static gboolean
out_of_view (DossierSuggestionsSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL && gtk_widget_get_mapped (GTK_WIDGET (root))
         && !gtk_widget_get_mapped (GTK_WIDGET (self));
}

void
dossier_suggestions_section_queue_reload (DossierSuggestionsSection *self)
{
  g_return_if_fail (DOSSIER_IS_SUGGESTIONS_SECTION (self));

  if (out_of_view (self))
    {
      self->stale = TRUE;
      return;
    }
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_cb, self);
}

void
dossier_suggestions_section_set_source (DossierSuggestionsSection      *self,
                                        const DossierSuggestionsSource *source,
                                        gpointer                        user_data)
{
  g_return_if_fail (DOSSIER_IS_SUGGESTIONS_SECTION (self));
  g_return_if_fail (source == NULL || (source->suggest && source->heading && source->describe &&
                                       source->accept && source->dismiss &&
                                       !source->merge == !source->merge_targets));

  self->source = source;
  self->user_data = user_data;
  if (source == NULL)
    {
      guint before = dossier_suggestions_section_get_n_suggestions (self);

      g_clear_handle_id (&self->reload_source, g_source_remove);
      self->stale = FALSE;
      clear (self);
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      if (before != 0)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SUGGESTIONS]);
    }
  else
    dossier_suggestions_section_queue_reload (self);
}

guint
dossier_suggestions_section_get_n_suggestions (DossierSuggestionsSection *self)
{
  g_return_val_if_fail (DOSSIER_IS_SUGGESTIONS_SECTION (self), 0);

  return self->suggestions ? self->suggestions->len : 0;
}

void
dossier_suggestions_section_set_fill (DossierSuggestionsSection *self,
                                      gboolean                   fill)
{
  g_return_if_fail (DOSSIER_IS_SUGGESTIONS_SECTION (self));

  fill = !!fill;
  if (fill == self->fill)
    return;
  self->fill = fill;
  /* Below an empty list the suggestions are what there is to do: they
   * scroll in the whole height left, not in a box of 260 px under a big
   * empty space; unfolded as they start filling it. */
  if (fill)
    gtk_expander_set_expanded (self->expander, TRUE);
  gtk_scrolled_window_set_max_content_height (self->scrolled, fill ? -1 : 260);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILL]);
}

gboolean
dossier_suggestions_section_get_fill (DossierSuggestionsSection *self)
{
  g_return_val_if_fail (DOSSIER_IS_SUGGESTIONS_SECTION (self), FALSE);

  return self->fill;
}

void
dossier_suggestions_section_set_content (DossierSuggestionsSection *self,
                                         GtkWidget                 *content)
{
  g_return_if_fail (DOSSIER_IS_SUGGESTIONS_SECTION (self));
  g_return_if_fail (content == NULL || GTK_IS_WIDGET (content));

  if (content == self->content)
    return;
  g_clear_pointer (&self->content, gtk_widget_unparent);
  if (content != NULL)
    {
      self->content = content;
      /* Before the suggestions: first for the keyboard too. */
      gtk_widget_insert_before (content, GTK_WIDGET (self), GTK_WIDGET (self->revealer));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

GtkWidget *
dossier_suggestions_section_get_content (DossierSuggestionsSection *self)
{
  g_return_val_if_fail (DOSSIER_IS_SUGGESTIONS_SECTION (self), NULL);

  return self->content;
}

void
dossier_suggestions_section_set_content_room (DossierSuggestionsSection *self,
                                              int                        content_room)
{
  g_return_if_fail (DOSSIER_IS_SUGGESTIONS_SECTION (self));

  content_room = MAX (content_room, 0);
  if (content_room == self->content_room)
    return;
  self->content_room = content_room;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_ROOM]);
}

int
dossier_suggestions_section_get_content_room (DossierSuggestionsSection *self)
{
  g_return_val_if_fail (DOSSIER_IS_SUGGESTIONS_SECTION (self), 0);

  return self->content_room;
}

/* ---- layout ---------------------------------------------------------------------- */

/* Under a list that wants the height, the suggestions take at most this
 * share of it: their box of up to 260 px left the list 255 px of a panel
 * 600 px high (a 360 × 800 window), four rows of a long list. */
#define SUGGESTIONS_SHARE 0.4

/* Whether @child is laid out: the content counts while it is visible,
 * though out of sight behind the suggestions (the section hides it
 * itself, and would otherwise measure a different section each time). */
static gboolean
lays_out (DossierSuggestionsSection *self,
          GtkWidget                 *child)
{
  if (child == NULL)
    return FALSE;
  return child == self->content ? gtk_widget_get_visible (child) : gtk_widget_should_layout (child);
}

static void
dossier_suggestions_section_measure (GtkWidget      *widget,
                                     GtkOrientation  orientation,
                                     int             for_size,
                                     int            *minimum,
                                     int            *natural,
                                     int            *minimum_baseline,
                                     int            *natural_baseline)
{
  DossierSuggestionsSection *self = DOSSIER_SUGGESTIONS_SECTION (widget);
  GtkWidget *children[] = { self->content, GTK_WIDGET (self->revealer) };

  *minimum = *natural = 0;
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      int child_min = 0, child_nat = 0;

      if (!lays_out (self, children[i]))
        continue;
      /* One above the other: a height is not split before allocation. */
      gtk_widget_measure (children[i], orientation,
                          orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                          &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          *minimum += child_min;
          *natural += child_nat;
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }
}

/* Without content, the suggestions take the whole height. Under a list,
 * each gets at least its minimum; then, filling (an empty list's one
 * line above), the list its natural height and the suggestions the rest;
 * otherwise the suggestions their natural height up to a share of the
 * whole (more if the list's natural height leaves it), the list the
 * rest. Both are measured at this width: the suggestions wrap.
 *
 * Where that would leave the list less than "content-room" (and less
 * than it needs), the suggestions unfolded take the whole height and the
 * list is out of sight until they are folded again: in a 360 × 800
 * window the Pros & Cons panel's two columns, one above the other, were
 * left some 85 px each under them, a third of an argument. */
static void
dossier_suggestions_section_size_allocate (GtkWidget *widget,
                                           int        width,
                                           int        height,
                                           int        baseline)
{
  DossierSuggestionsSection *self = DOSSIER_SUGGESTIONS_SECTION (widget);
  GtkWidget *revealer = GTK_WIDGET (self->revealer);
  int content_min = 0, content_nat = 0, suggestions_min = 0, suggestions_nat = 0;
  int suggestions;
  gboolean taken;

  if (!lays_out (self, self->content))
    {
      if (gtk_widget_should_layout (revealer))
        gtk_widget_allocate (revealer, width, height, -1, NULL);
      return;
    }
  if (!gtk_widget_should_layout (revealer))
    {
      gtk_widget_set_child_visible (self->content, TRUE);
      gtk_widget_allocate (self->content, width, height, -1, NULL);
      return;
    }

  gtk_widget_measure (self->content, GTK_ORIENTATION_VERTICAL, width, &content_min, &content_nat, NULL, NULL);
  gtk_widget_measure (revealer, GTK_ORIENTATION_VERTICAL, width, &suggestions_min, &suggestions_nat, NULL, NULL);

  if (self->fill)
    suggestions = height - MAX (content_min, MIN (content_nat, height - suggestions_min));
  else
    suggestions = MIN (suggestions_nat, MAX ((int) (height * SUGGESTIONS_SHARE), height - content_nat));
  suggestions = CLAMP (suggestions, suggestions_min, MAX (suggestions_min, height - content_min));

  taken = gtk_expander_get_expanded (self->expander) &&
          height - suggestions < MIN (self->content_room, content_nat);
  gtk_widget_set_child_visible (self->content, !taken);
  if (taken)
    {
      gtk_widget_allocate (revealer, width, height, -1, NULL);
      return;
    }

  gtk_widget_allocate (self->content, width, MAX (0, height - suggestions), -1, NULL);
  gtk_widget_allocate (revealer, width, suggestions, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, MAX (0, height - suggestions))));
}

/* ---- GObject --------------------------------------------------------------------- */

static void
dossier_suggestions_section_map (GtkWidget *widget)
{
  DossierSuggestionsSection *self = DOSSIER_SUGGESTIONS_SECTION (widget);

  GTK_WIDGET_CLASS (dossier_suggestions_section_parent_class)->map (widget);

  if (self->stale)
    dossier_suggestions_section_queue_reload (self);
}

/* A GtkWidget expands only if told to: the section as its children do
 * (the panel's list above, or its own, filling a panel). */
static void
dossier_suggestions_section_compute_expand (GtkWidget *widget,
                                            gboolean  *hexpand,
                                            gboolean  *vexpand)
{
  DossierSuggestionsSection *self = DOSSIER_SUGGESTIONS_SECTION (widget);
  gboolean content = self->content != NULL && gtk_widget_get_visible (self->content);

  *hexpand = gtk_widget_compute_expand (GTK_WIDGET (self->revealer), GTK_ORIENTATION_HORIZONTAL) ||
             (content && gtk_widget_compute_expand (self->content, GTK_ORIENTATION_HORIZONTAL));
  *vexpand = gtk_widget_compute_expand (GTK_WIDGET (self->revealer), GTK_ORIENTATION_VERTICAL) ||
             (content && gtk_widget_compute_expand (self->content, GTK_ORIENTATION_VERTICAL));
}

static void
dossier_suggestions_section_dispose (GObject *object)
{
  DossierSuggestionsSection *self = DOSSIER_SUGGESTIONS_SECTION (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->source = NULL;
  self->user_data = NULL;

  g_clear_pointer (&self->content, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_SUGGESTIONS_SECTION);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_suggestions_section_parent_class)->dispose (object);
}

static void
dossier_suggestions_section_finalize (GObject *object)
{
  DossierSuggestionsSection *self = DOSSIER_SUGGESTIONS_SECTION (object);

  g_free (self->list_class);

  G_OBJECT_CLASS (dossier_suggestions_section_parent_class)->finalize (object);
}

static void
dossier_suggestions_section_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  DossierSuggestionsSection *self = DOSSIER_SUGGESTIONS_SECTION (object);

  switch (prop_id)
    {
    case PROP_LIST_CLASS:
      g_value_set_string (value, self->list_class);
      break;
    case PROP_BULK_ACTIONS:
      g_value_set_boolean (value, gtk_widget_get_visible (self->bulk_box));
      break;
    case PROP_N_SUGGESTIONS:
      g_value_set_uint (value, dossier_suggestions_section_get_n_suggestions (self));
      break;
    case PROP_FILL:
      g_value_set_boolean (value, self->fill);
      break;
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_CONTENT_ROOM:
      g_value_set_int (value, self->content_room);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_suggestions_section_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  DossierSuggestionsSection *self = DOSSIER_SUGGESTIONS_SECTION (object);

  switch (prop_id)
    {
    case PROP_LIST_LABEL:
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      g_value_get_string (value), -1);
      break;
    case PROP_LIST_CLASS:
      if (self->list_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self->list), self->list_class);
      g_free (self->list_class);
      self->list_class = g_value_dup_string (value);
      if (self->list_class != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->list), self->list_class);
      break;
    case PROP_BULK_ACTIONS:
      gtk_widget_set_visible (self->bulk_box, g_value_get_boolean (value));
      break;
    case PROP_FILL:
      dossier_suggestions_section_set_fill (self, g_value_get_boolean (value));
      break;
    case PROP_CONTENT:
      dossier_suggestions_section_set_content (self, g_value_get_object (value));
      break;
    case PROP_CONTENT_ROOM:
      dossier_suggestions_section_set_content_room (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_suggestions_section_class_init (DossierSuggestionsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_suggestions_section_dispose;
  object_class->finalize = dossier_suggestions_section_finalize;
  object_class->get_property = dossier_suggestions_section_get_property;
  object_class->set_property = dossier_suggestions_section_set_property;
  widget_class->map = dossier_suggestions_section_map;
  widget_class->compute_expand = dossier_suggestions_section_compute_expand;
  widget_class->measure = dossier_suggestions_section_measure;
  widget_class->size_allocate = dossier_suggestions_section_size_allocate;

  properties[PROP_LIST_LABEL] =
    g_param_spec_string ("list-label", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIST_CLASS] =
    g_param_spec_string ("list-class", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BULK_ACTIONS] =
    g_param_spec_boolean ("bulk-actions", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SUGGESTIONS] =
    g_param_spec_uint ("n-suggestions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILL] =
    g_param_spec_boolean ("fill", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT_ROOM] =
    g_param_spec_int ("content-room", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-suggestions-section.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSuggestionsSection, revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierSuggestionsSection, heading);
  gtk_widget_class_bind_template_child (widget_class, DossierSuggestionsSection, bulk_box);
  gtk_widget_class_bind_template_child (widget_class, DossierSuggestionsSection, expander);
  gtk_widget_class_bind_template_child (widget_class, DossierSuggestionsSection, scrolled);
  gtk_widget_class_bind_template_child (widget_class, DossierSuggestionsSection, list);
  gtk_widget_class_bind_template_callback (widget_class, on_accept_all);
  gtk_widget_class_bind_template_callback (widget_class, on_dismiss_all);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_css_name (widget_class, "suggestionssection");
}

static void
dossier_suggestions_section_init (DossierSuggestionsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_suggestions_section_new (void)
{
  return g_object_new (DOSSIER_TYPE_SUGGESTIONS_SECTION, NULL);
}
