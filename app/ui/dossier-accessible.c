/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-accessible.c — names GTK 4.8 gets wrong for assistive
 * technologies, fixed in one place for every window.
 *
 * Read through AT-SPI, GTK 4.8 names a button whose label has a mnemonic
 * after both its label and its text ("_Cancel Cancel"), a menu button
 * without a label after its class ("GtkMenuButton"), an icon-only close
 * button (the find bar's, a toast's) after its image ("GtkImage"), and a
 * drop-down says nothing of what it shows; and every row of a list is a
 * Tab stop (seventeen presses to cross a codebook), where the arrows
 * already move between rows (a grid view's too: Pros & Cons' columns).
 * Each window is walked when it
 * is mapped (and a toast's overlay when a toast comes), and what a walk
 * fixed follows later changes of the label or the selection.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-toast-title.h"
#include "dossier-ui-utils.h"

static GQuark named_quark;

static GtkWidget *live_region (GtkWidget *overlay);

/* @label without its mnemonic underscores ("__" is a real one). */
static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            g_string_append_c (out, '_');
          if (p[1] != '\0')
            p++;
          else
            break;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* GTK 4.8 names a button after its "label" property, mnemonic and all,
 * then after the label widget inside it: without the property, the name
 * is that label's text alone. */
static void
name_button_from_label (GtkButton *button)
{
  if (gtk_button_get_label (button) != NULL && gtk_button_get_use_underline (button))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* The icon name of @button's image child, or NULL. */
static const char *
button_icon (GtkWidget *button)
{
  GtkWidget *child = GTK_IS_BUTTON (button) ? gtk_button_get_child (GTK_BUTTON (button)) : NULL;

  if (GTK_IS_IMAGE (child))
    return gtk_image_get_icon_name (GTK_IMAGE (child));
  return NULL;
}

/* The text a drop-down shows for its selected item. */
static char *
drop_down_value (GtkDropDown *drop_down)
{
  gpointer item = gtk_drop_down_get_selected_item (drop_down);
  GtkExpression *expression = gtk_drop_down_get_expression (drop_down);
  GValue value = G_VALUE_INIT;
  char *text = NULL;

  if (item == NULL)
    return NULL;
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value))
    {
      if (G_VALUE_HOLDS_STRING (&value))
        text = g_value_dup_string (&value);
      g_value_unset (&value);
    }

  return text;
}

static void
describe_drop_down (GtkDropDown *drop_down)
{
  g_autofree char *value = drop_down_value (drop_down);
  GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (drop_down));

  /* Read after the drop-down's name, as a combo box's value is; the
   * button inside that opens the list says it too. */
  if (value != NULL && *value != '\0')
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value, -1);
      if (GTK_IS_TOGGLE_BUTTON (toggle))
        gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, value, -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      if (GTK_IS_TOGGLE_BUTTON (toggle))
        gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Nothing chosen"), -1);
    }
}

/* ---- Lists: one Tab stop ------------------------------------------------------ */

static gboolean
has_focusable_descendant (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((gtk_widget_get_focusable (child) && gtk_widget_get_visible (child)) ||
        has_focusable_descendant (child))
      return TRUE;

  return FALSE;
}

GtkWidget *
dossier_focus_within (GtkWidget *widget)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || (focus != widget && !gtk_widget_is_ancestor (focus, widget)))
    return NULL;
  return focus;
}

gboolean
dossier_focus_leave (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean moved;

  if (root == NULL)
    return FALSE;

  /* @widget left out of the focus chain for one move. */
  gtk_widget_set_can_focus (widget, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  if (!moved)
    {
      /* Past the last widget: round to the first, as GTK's Tab does. */
      gtk_root_set_focus (root, NULL);
      moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
  gtk_widget_set_can_focus (widget, TRUE);

  return moved;
}

/* The child of @list (its list item) that holds @focus, or NULL. */
static GtkWidget *
item_holding (GtkWidget *list,
              GtkWidget *focus)
{
  while (focus != NULL && gtk_widget_get_parent (focus) != list)
    focus = gtk_widget_get_parent (focus);
  return focus;
}

/* Tab on a row goes past the list, not to the next row (the arrows move
 * between rows). A row with buttons of its own (an argument's menu and
 * passages) has Tab go through them first, then past the list. */
static gboolean
leave_list (GtkWidget *list,
            GVariant  *args,
            gpointer   user_data)
{
  GtkWidget *focus = dossier_focus_within (list);
  GtkDirectionType direction = g_variant_get_boolean (args) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  GtkWidget *item;

  if (focus == NULL)
    return FALSE;
  item = focus != list ? item_holding (list, focus) : NULL;
  if (item != NULL && has_focusable_descendant (item) && gtk_widget_child_focus (item, direction))
    return TRUE;

  if (!dossier_focus_leave (list, direction))
    return FALSE;
  /* Tab or Shift+Tab back into a list box goes to its focus child, which
   * GTK has just unset (so it went to the first or the last row): set
   * again to the row left, as a list view keeps its cursor. */
  if (GTK_IS_LIST_BOX (list) && GTK_IS_LIST_BOX_ROW (item))
    gtk_widget_set_focus_child (list, item);
  return TRUE;
}

static void
add_tab_key (GtkShortcutController *controller,
             guint                  keyval,
             GdkModifierType        mods,
             gboolean               backward)
{
  gtk_shortcut_controller_add_shortcut (controller,
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (keyval, mods),
                                     gtk_callback_action_new (leave_list, NULL, NULL),
                                     "b", backward));
}

static void
single_tab_stop (GtkWidget *list)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (controller, "dossier-list-tab");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_tab_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Tab, 0, FALSE);
  add_tab_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_Tab, 0, FALSE);
  add_tab_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, TRUE);
  add_tab_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Tab, GDK_SHIFT_MASK, TRUE);
  gtk_widget_add_controller (list, controller);
}

void
dossier_accessible_one_tab_stop (GtkListBox *list)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  single_tab_stop (GTK_WIDGET (list));
}

static void
name_widget (GtkWidget *widget)
{
  if (g_object_get_qdata (G_OBJECT (widget), named_quark) != NULL)
    return;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    {
      g_object_set_qdata (G_OBJECT (widget), named_quark, GINT_TO_POINTER (TRUE));
      name_button_from_label (GTK_BUTTON (widget));
      g_signal_connect (widget, "notify::label", G_CALLBACK (name_button_from_label), NULL);
    }
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
      const char *tooltip = gtk_widget_get_tooltip_text (widget);
      g_autofree char *name = NULL;

      /* Named after its label, else after its tooltip, which says what it
       * is for; the toggle button inside it that takes the focus is named
       * after it. */
      if (label != NULL)
        name = gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (widget)) ? strip_mnemonic (label)
                                                                           : g_strdup (label);
      else if (tooltip != NULL)
        name = g_strdup (tooltip);
      g_object_set_qdata (G_OBJECT (widget), named_quark, GINT_TO_POINTER (TRUE));
      if (name != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL &&
           g_strcmp0 (button_icon (widget), "window-close-symbolic") == 0)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      g_object_set_qdata (G_OBJECT (widget), named_quark, GINT_TO_POINTER (TRUE));
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip != NULL ? tooltip : _("Close"), -1);
    }
  else if (GTK_IS_LIST_VIEW (widget) || GTK_IS_GRID_VIEW (widget))
    {
      g_object_set_qdata (G_OBJECT (widget), named_quark, GINT_TO_POINTER (TRUE));
      single_tab_stop (widget);
    }
  else if (ADW_IS_TOAST_OVERLAY (widget))
    {
      /* Made before any toast, so that it is in the tree assistive
       * technologies have read: a toast only shows it. */
      g_object_set_qdata (G_OBJECT (widget), named_quark, GINT_TO_POINTER (TRUE));
      live_region (widget);
    }
  else if (GTK_IS_DROP_DOWN (widget))
    {
      g_object_set_qdata (G_OBJECT (widget), named_quark, GINT_TO_POINTER (TRUE));
      describe_drop_down (GTK_DROP_DOWN (widget));
      g_signal_connect (widget, "notify::selected-item", G_CALLBACK (describe_drop_down), NULL);
    }
}

static GtkWidget *live_region (GtkWidget *overlay);

void
dossier_accessible_name_widgets (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (named_quark == 0)
    named_quark = g_quark_from_static_string ("dossier-accessible-named");

  name_widget (widget);
  /* The live region is in the tree from the start: a reader that has read
   * the tree hears it when a toast's text arrives. */
  if (ADW_IS_TOAST_OVERLAY (widget))
    live_region (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dossier_accessible_name_widgets (child);
}

static void
window_mapped_cb (GtkWidget *window)
{
  dossier_accessible_name_widgets (window);
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_signal_handler_find (window, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, window_mapped_cb, NULL) != 0)
        continue;
      g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), NULL);
      if (gtk_widget_get_mapped (window))
        window_mapped_cb (window);
    }
}

void
dossier_accessible_watch_toplevels (void)
{
  static GListModel *toplevels;
  guint n;

  if (toplevels != NULL)
    return;

  toplevels = gtk_window_get_toplevels ();
  n = g_list_model_get_n_items (toplevels);
  g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
  toplevels_changed_cb (toplevels, 0, 0, n);
}

/* ---- Toasts ------------------------------------------------------------------ */

static GQuark region_quark;

/* The live region of @overlay: a label with the "alert" role at the end of
 * the overlay's box (the window's), not drawn and one pixel high,
 * empty but while a toast shows; made on first use. NULL when the
 * overlay's child is no box. */
static GtkWidget *
live_region (GtkWidget *overlay)
{
  GtkWidget *child = adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay));
  GtkWidget *region;
  PangoAttrList *attributes;

  if (region_quark == 0)
    region_quark = g_quark_from_static_string ("dossier-live-region");

  region = g_object_get_qdata (G_OBJECT (overlay), region_quark);
  if (region != NULL || !GTK_IS_BOX (child))
    return region;

  region = g_object_new (GTK_TYPE_LABEL,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                         "can-target", FALSE,
                         "ellipsize", PANGO_ELLIPSIZE_END,
                         "max-width-chars", 1,
                         "css-classes", (const char * const []) { "dossier-live-region", NULL },
                         NULL);
  /* Never seen, whatever the CSS: drawn at no opacity in a line of a
   * 1 px font (style.css takes that pixel back). Without the application's
   * style.css (in a test; a user's gtk.css outranks it) the whole text
   * showed on one line at the window's bottom edge. */
  gtk_widget_set_opacity (region, 0.0);
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_size_new_absolute (PANGO_SCALE));
  gtk_label_set_attributes (GTK_LABEL (region), attributes);
  pango_attr_list_unref (attributes);
  gtk_box_append (GTK_BOX (child), region);
  /* A toast can be dismissed while the window goes, after its box. */
  g_object_set_qdata_full (G_OBJECT (overlay), region_quark, g_object_ref (region), g_object_unref);
  return region;
}

/* libadwaita 1.2 frees a toast's bookkeeping when its hiding animation
 * ends, while its showing animation may still be running, and that one
 * then clears a pointer in the freed memory (a crash wherever freed memory
 * is reused or scribbled over, as under MALLOC_PERTURB_; fixed in 1.3 by
 * commit 1674ebc9). Hiding takes 300 ms, sliding in 300, or 500 when the
 * toast before is still sliding out: a toast closed, timed out or replaced
 * within 200 ms of showing hit it. So a toast is not let go before it has
 * been on show this long; an earlier dismissal is held back and done then. */
#define TOAST_IN_US (550 * G_TIME_SPAN_MILLISECOND)

static GQuark shown_quark;
static GQuark held_quark;
/* On an overlay: its toasts on show or queued (a GPtrArray holding them),
 * for dossier_accessible_dismiss_toasts(). */
static GQuark toasts_quark;

/* The toast a child of a toast overlay shows, or NULL for its content. */
static AdwToast *
toast_of (GtkWidget *child)
{
  AdwToast *toast = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (child), "toast") == NULL)
    return NULL;
  g_object_get (child, "toast", &toast, NULL);
  if (toast != NULL)
    g_object_unref (toast);   /* the widget holds it */
  return toast;
}

/* When @toast was first seen on show in @overlay (now, if it shows and was
 * not seen yet), or 0 if it does not show: queued or sliding out. */
static gint64
toast_shown_at (GtkWidget *overlay,
                AdwToast  *toast)
{
  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (toast_of (child) == toast && gtk_widget_get_can_target (child))
      {
        gint64 *shown = g_object_get_qdata (G_OBJECT (toast), shown_quark);

        if (shown == NULL)
          {
            shown = g_new (gint64, 1);
            *shown = g_get_monotonic_time ();
            g_object_set_qdata_full (G_OBJECT (toast), shown_quark, shown, g_free);
          }
        return *shown;
      }
  return 0;
}

static gboolean
dismiss_held_toast (gpointer data)
{
  AdwToast *toast = data;

  g_object_set_qdata (G_OBJECT (toast), held_quark, NULL);
  /* Not adw_toast_dismiss(): the toast forgot its overlay on the first
   * emission, and would not emit again. */
  g_signal_emit_by_name (toast, "dismissed");
  return G_SOURCE_REMOVE;
}

/* Whether the dismissal of @toast, in progress, is held back (and done
 * later) because the toast is still sliding in. */
static gboolean
hold_early_dismissal (GtkWidget *overlay,
                      AdwToast  *toast)
{
  gint64 shown = toast_shown_at (overlay, toast);
  gint64 on_show = g_get_monotonic_time () - shown;

  if (g_object_get_qdata (G_OBJECT (toast), held_quark) == NULL &&
      (shown == 0 || on_show >= TOAST_IN_US))
    return FALSE;

  /* Stops libadwaita's own handler, connected after ours. */
  g_signal_stop_emission_by_name (toast, "dismissed");
  if (g_object_get_qdata (G_OBJECT (toast), held_quark) == NULL)
    {
      g_object_set_qdata (G_OBJECT (toast), held_quark, GINT_TO_POINTER (TRUE));
      g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) ((TOAST_IN_US - on_show) / G_TIME_SPAN_MILLISECOND) + 1,
                          dismiss_held_toast, g_object_ref (toast), g_object_unref);
    }
  return TRUE;
}

static gboolean
name_toasts_idle (gpointer data)
{
  g_autoptr(GtkWidget) overlay = g_weak_ref_get (data);

  if (overlay == NULL)
    return G_SOURCE_REMOVE;

  dossier_accessible_name_widgets (overlay);
  /* The toast now on show: from when (see hold_early_dismissal). */
  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (toast_of (child) != NULL)
      toast_shown_at (overlay, toast_of (child));
  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Its close button comes with the toast widget, which libadwaita makes
 * when the toast is shown: now, or when the one before it goes. */
static void
name_toasts_soon (GtkWidget *overlay)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, overlay);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, name_toasts_idle, ref, weak_ref_free);
}

static void
toast_dismissed_cb (AdwToast  *toast,
                    GtkWidget *overlay)
{
  GtkWidget *region = g_object_get_qdata (G_OBJECT (overlay), region_quark);
  GPtrArray *toasts = g_object_get_qdata (G_OBJECT (overlay), toasts_quark);

  if (hold_early_dismissal (overlay, toast))
    return;

  /* The overlay still holds the toast while it is told. */
  if (toasts != NULL)
    g_ptr_array_remove (toasts, toast);
  if (region != NULL && gtk_widget_get_parent (region) != NULL &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (region)), dossier_toast_get_text (toast)) == 0)
    gtk_label_set_text (GTK_LABEL (region), "");
  name_toasts_soon (overlay);
}

gboolean
dossier_accessible_show_toast (GtkWidget *widget,
                               AdwToast  *toast)
{
  GtkWidget *overlay;
  GtkWidget *region;
  GPtrArray *toasts;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST (toast), FALSE);

  if (shown_quark == 0)
    {
      shown_quark = g_quark_from_static_string ("dossier-toast-shown");
      held_quark = g_quark_from_static_string ("dossier-toast-held");
      toasts_quark = g_quark_from_static_string ("dossier-toasts");
    }

  overlay = ADW_IS_TOAST_OVERLAY (widget) ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return FALSE;
    }

  /* A message may name what a file from elsewhere holds, of any length. */
  if (adw_toast_get_custom_title (toast) == NULL)
    {
      g_autofree char *shown = dossier_shown_text (adw_toast_get_title (toast));

      if (g_strcmp0 (shown, adw_toast_get_title (toast)) != 0)
        adw_toast_set_title (toast, shown);
    }

  /* Always there (GTK 4.8 leaves hidden widgets out of the tree, and a
   * widget that appears later may not reach a reader that has read the
   * tree): the alert gets the toast's text while the toast shows. */
  region = live_region (overlay);
  if (region != NULL)
    gtk_label_set_text (GTK_LABEL (region), dossier_toast_get_text (toast));

  /* Said in full, on more lines when one is not enough (libadwaita 1.2
   * ellipsizes a toast's title). */
  if (adw_toast_get_custom_title (toast) == NULL)
    adw_toast_set_custom_title (toast, dossier_toast_title_new (adw_toast_get_title (toast)));
  /* Long enough to be read whole; one that stays until closed stays. */
  if (adw_toast_get_timeout (toast) != 0)
    adw_toast_set_timeout (toast, MAX (adw_toast_get_timeout (toast),
                                       dossier_toast_reading_time (dossier_toast_get_text (toast))));

  toasts = g_object_get_qdata (G_OBJECT (overlay), toasts_quark);
  if (toasts == NULL)
    {
      toasts = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_qdata_full (G_OBJECT (overlay), toasts_quark, toasts, (GDestroyNotify) g_ptr_array_unref);
    }
  g_ptr_array_add (toasts, g_object_ref (toast));

  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), overlay, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  name_toasts_soon (overlay);
  return TRUE;
}

/* The toasts of the overlay around @widget on show or queued, or NULL. */
static GPtrArray *
toasts_around (GtkWidget *widget)
{
  GtkWidget *overlay = ADW_IS_TOAST_OVERLAY (widget) ? widget
                                                     : gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL || toasts_quark == 0)
    return NULL;
  return g_object_get_qdata (G_OBJECT (overlay), toasts_quark);
}

void
dossier_accessible_dismiss_toasts (GtkWidget  *widget,
                                   const char *action_name)
{
  GPtrArray *toasts;
  g_autoptr(GPtrArray) dismissed = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  toasts = toasts_around (widget);
  if (toasts == NULL)
    return;

  /* Each dismissal takes its toast off the list: a copy is walked. */
  dismissed = g_ptr_array_copy (toasts, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (dismissed, g_object_unref);
  for (guint i = 0; i < dismissed->len; i++)
    {
      AdwToast *toast = g_ptr_array_index (dismissed, i);

      if (action_name == NULL || g_strcmp0 (adw_toast_get_action_name (toast), action_name) == 0)
        adw_toast_dismiss (toast);
    }
}

gboolean
dossier_accessible_has_toast (GtkWidget  *widget,
                              const char *title)
{
  GPtrArray *toasts;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  toasts = toasts_around (widget);
  for (guint i = 0; toasts != NULL && i < toasts->len; i++)
    if (g_strcmp0 (dossier_toast_get_text (g_ptr_array_index (toasts, i)), title) == 0)
      return TRUE;
  return FALSE;
}
