/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-ui-utils.c — small helpers the application's widgets share. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include <dossier/dossier.h>

#include "dossier-accessible.h"
#include "dossier-ui-utils.h"

void
dossier_present_error (GtkWindow  *parent,
                       const char *heading,
                       const char *message)
{
  GtkWidget *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (heading != NULL);

  dialog = adw_message_dialog_new (parent, heading, message ? message : _("unknown error"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
dossier_dialog_fit_parent (GtkWindow *dialog)
{
  GtkWindow *parent;
  int width, height, parent_width, parent_height;

  g_return_if_fail (GTK_IS_WINDOW (dialog));

  parent = gtk_window_get_transient_for (dialog);
  if (parent == NULL)
    return;
  parent_width = gtk_widget_get_width (GTK_WIDGET (parent));
  parent_height = gtk_widget_get_height (GTK_WIDGET (parent));
  /* Not laid out yet: its size says nothing. */
  if (parent_width <= 0 || parent_height <= 0)
    return;

  gtk_window_get_default_size (dialog, &width, &height);
  if (width > parent_width)
    width = parent_width;
  if (height > parent_height)
    height = parent_height;
  gtk_window_set_default_size (dialog, width, height);
}

AdwMessageDialog *
dossier_replace_question_new (GtkWindow *parent,
                              GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), name);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_name = folder != NULL ? g_file_get_parse_name (folder) : g_strdup ("/");
  AdwMessageDialog *question;

  question = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, NULL));
  adw_message_dialog_format_body (question,
                                  _("A file of that name is already in “%s”. Replacing it "
                                    "overwrites what it holds."), folder_name);
  adw_message_dialog_add_responses (question, "cancel", _("_Cancel"), "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (question, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (question, "cancel");
  adw_message_dialog_set_close_response (question, "cancel");
  return question;
}

gboolean
dossier_set_str (char       **dest,
                 const char  *value)
{
  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;

  g_free (*dest);
  *dest = g_strdup (value);
  return TRUE;
}

GtkWidget *
dossier_context_menu_new (GtkWidget *parent)
{
  GtkWidget *menu = gtk_popover_menu_new_from_model (NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);

  gtk_popover_set_has_arrow (GTK_POPOVER (menu), FALSE);
  gtk_widget_set_halign (menu, GTK_ALIGN_START);
  gtk_widget_set_parent (menu, parent);
  return menu;
}

typedef struct
{
  GtkWidget           *widget;   /* a reference */
  DossierSavePathFunc  func;
  gpointer             user_data;
  GDestroyNotify       destroy;
} SavePathRequest;

static void
on_save_path_response (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         data)
{
  SavePathRequest *request = data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  if (path != NULL)
    request->func (request->widget, path, request->user_data);

  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_object_unref (request->widget);
  g_free (request);
  g_object_unref (dialog);
}

void
dossier_ask_save_path (GtkWidget           *widget,
                       DossierProject      *project,
                       const char          *title,
                       const char          *accept_label,
                       const char          *suggested_name,
                       DossierSavePathFunc  func,
                       gpointer             user_data,
                       GDestroyNotify       destroy)
{
  SavePathRequest *request;
  GtkFileChooserNative *dialog;
  GtkRoot *root;
  g_autofree char *name = g_strdup (suggested_name);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  root = gtk_widget_get_root (widget);
  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* Beside the project, as the Export dialog starts: not in whatever
   * folder the program was started from. */
  if (project != NULL && dossier_project_get_path (project) != NULL)
    {
      g_autofree char *folder_path = g_path_get_dirname (dossier_project_get_path (project));
      g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  /* A title may hold a slash; a file name cannot. */
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  request = g_new0 (SavePathRequest, 1);
  request->widget = g_object_ref (widget);
  request->func = func;
  request->user_data = user_data;
  request->destroy = destroy;
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_path_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

typedef struct
{
  GWeakRef previous;   /* the widget that had the focus */
} FocusReturn;

static void
focus_return_free (gpointer data)
{
  FocusReturn *state = data;

  g_weak_ref_clear (&state->previous);
  g_free (state);
}

/* Whether the focus, after a popover closed, is somewhere a person can
 * carry on from. */
static gboolean
focus_is_usable (GtkWidget *focus,
                 GtkWidget *popover)
{
  return focus != NULL && gtk_widget_get_focusable (focus) && gtk_widget_is_drawable (focus) &&
         focus != popover && !gtk_widget_is_ancestor (focus, popover) &&
         !gtk_widget_is_ancestor (popover, focus);
}

static void
popover_closed_cb (GtkPopover  *popover,
                   FocusReturn *state)
{
  g_autoptr(GtkWidget) previous = g_weak_ref_get (&state->previous);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (popover));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  g_weak_ref_set (&state->previous, NULL);

  /* A menu item that moved the focus on purpose (the tag picker's
   * entry) keeps it. */
  if (previous == NULL || focus == previous || focus_is_usable (focus, GTK_WIDGET (popover)))
    return;
  if (gtk_widget_get_root (previous) == root && gtk_widget_is_drawable (previous))
    gtk_widget_grab_focus (previous);
}

void
dossier_popup_returning_focus (GtkPopover *popover)
{
  static GQuark quark;
  FocusReturn *state;
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (GTK_IS_POPOVER (popover));

  if (quark == 0)
    quark = g_quark_from_static_string ("dossier-focus-return");

  state = g_object_get_qdata (G_OBJECT (popover), quark);
  if (state == NULL)
    {
      state = g_new0 (FocusReturn, 1);
      g_weak_ref_init (&state->previous, NULL);
      g_object_set_qdata_full (G_OBJECT (popover), quark, state, focus_return_free);
      g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), state);
    }

  root = gtk_widget_get_root (GTK_WIDGET (popover));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* Opened again while open: keep what had the focus before. */
  if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (popover)))
    g_weak_ref_set (&state->previous, focus);

  gtk_popover_popup (popover);
}

char *
dossier_format_day (GDateTime *day)
{
  char *formatted;

  g_return_val_if_fail (day != NULL, NULL);

  /* Translators: a document's date in the sidebar, see g_date_time_format() */
  formatted = g_date_time_format (day, _("%e %b %Y"));
  if (formatted == NULL)
    return g_date_time_format (day, "%Y-%m-%d");
  /* %e pads single-digit days with a figure space (U+2007), which
   * g_strstrip leaves. */
  if (g_str_has_prefix (formatted, "\u2007"))
    memmove (formatted, formatted + 3, strlen (formatted + 3) + 1);
  return g_strstrip (formatted);
}

char *
dossier_format_iso_day (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *with_time = NULL;

  if (iso == NULL || iso[0] == '\0')
    return NULL;

  if (strlen (iso) == 10)
    with_time = g_strconcat (iso, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (with_time ? with_time : iso, NULL);
  if (dt == NULL)
    return dossier_text_shorten (iso, 40);   /* (a project file may hold anything there) */

  return dossier_format_day (dt);
}

/* Holds @owner's tooltip off (TRUE) or lets it go (FALSE); counted: two
 * popovers over one owner (a menu, then the picker). */
static void
hold_tooltip (GtkWidget *owner,
              gboolean   hold)
{
  guint held = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (owner), "dossier-tooltip-held"));

  if (hold)
    {
      if (held == 0)
        g_object_set_data (G_OBJECT (owner), "dossier-tooltip-had",
                           GINT_TO_POINTER (gtk_widget_get_has_tooltip (owner)));
      g_object_set_data (G_OBJECT (owner), "dossier-tooltip-held", GUINT_TO_POINTER (held + 1));
      gtk_widget_set_has_tooltip (owner, FALSE);
      gtk_widget_trigger_tooltip_query (owner);
    }
  else
    {
      if (held == 0)
        return;
      g_object_set_data (G_OBJECT (owner), "dossier-tooltip-held", GUINT_TO_POINTER (held - 1));
      if (held == 1)
        gtk_widget_set_has_tooltip (owner,
                                    GPOINTER_TO_INT (g_object_get_data (G_OBJECT (owner), "dossier-tooltip-had")));
    }
}

static void
on_held_popover_visible (GtkWidget  *owner,
                         GParamSpec *pspec,
                         GtkPopover *popover)
{
  hold_tooltip (owner, gtk_widget_get_visible (GTK_WIDGET (popover)));
}

static void
whole_item_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  AdwComboRow              *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
whole_item_update_check (GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  AdwComboRow *row = g_object_get_data (G_OBJECT (item), "dossier-combo-row");

  if (box == NULL || row == NULL)
    return;
  gtk_widget_set_opacity (gtk_widget_get_last_child (box),
                          adw_combo_row_get_selected (row) == gtk_list_item_get_position (item) ? 1 : 0);
}

static void
whole_item_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 AdwComboRow              *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)),
                      GTK_IS_STRING_OBJECT (string) ? gtk_string_object_get_string (string) : "");
  g_object_set_data (G_OBJECT (item), "dossier-combo-row", row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (whole_item_update_check), item,
                           G_CONNECT_SWAPPED);
  whole_item_update_check (item);
}

static void
whole_item_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, whole_item_update_check, item);
  g_object_set_data (G_OBJECT (item), "dossier-combo-row", NULL);
}

static void
whole_value_setup (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_list_item_set_child (item, label);
}

static void
whole_value_bind (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      GTK_IS_STRING_OBJECT (string) ? gtk_string_object_get_string (string) : "");
}

/* The scrolled window of the row's list, in the popover its template
 * holds; NULL if libadwaita builds it otherwise. */
static GtkScrolledWindow *
find_list_scroller (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found;

      if (GTK_IS_SCROLLED_WINDOW (child) && gtk_widget_get_ancestor (child, GTK_TYPE_POPOVER) != NULL)
        return GTK_SCROLLED_WINDOW (child);
      if ((found = find_list_scroller (child)) != NULL)
        return found;
    }
  return NULL;
}

void
dossier_combo_row_list_whole (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkScrolledWindow *scroller;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  /* Every choice in sight: libadwaita stops the list at 400 pixels, and
   * the thirteen kinds of stakeholder (some on two lines in a narrow
   * sidebar) hid the last one, "Other", behind a scroll. */
  scroller = find_list_scroller (GTK_WIDGET (row));
  if (scroller != NULL && gtk_scrolled_window_get_max_content_height (scroller) < 640)
    gtk_scrolled_window_set_max_content_height (scroller, 640);

  /* The row outlives its list's items: no reference needed. */
  g_signal_connect (factory, "setup", G_CALLBACK (whole_item_setup), row);
  g_signal_connect (factory, "bind", G_CALLBACK (whole_item_bind), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (whole_item_unbind), row);
  adw_combo_row_set_list_factory (row, factory);

  /* A value beside the title (the subtitle says something else) wraps
   * there rather than being cut short. */
  if (!adw_combo_row_get_use_subtitle (row))
    {
      g_autoptr(GtkListItemFactory) value = gtk_signal_list_item_factory_new ();

      g_signal_connect (value, "setup", G_CALLBACK (whole_value_setup), NULL);
      g_signal_connect (value, "bind", G_CALLBACK (whole_value_bind), NULL);
      adw_combo_row_set_factory (row, value);
    }
}

static void
on_menu_button_popover (GtkMenuButton *button,
                        GParamSpec    *pspec,
                        gpointer       data)
{
  dossier_hold_tooltip_while_open (GTK_WIDGET (button), gtk_menu_button_get_popover (button));
}

/* Pixels a popover moved in from the window's edge keeps from it. */
#define POPOVER_EDGE 6
/* The height of a popover's arrow (Adwaita's, GTK 4.8), beside its box. */
#define POPOVER_ARROW 12
/* The least a list shortened to fit is left: two rows and a half. */
#define POPOVER_MIN_LIST 90

/* What a popover was made to do, before it was first kept in its window:
 * each opening starts from it again. */
typedef struct
{
  GtkPositionType position;
  GtkAlign        halign;
  int             max_content_height;   /* of its list; -1: none */
} PopoverPlace;

/* Where @popover points, in its window's coordinates: at what it is
 * told to, else at its parent. */
static gboolean
popover_anchor (GtkPopover      *popover,
                GtkWidget       *root,
                graphene_rect_t *anchor)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (popover));
  GdkRectangle rect = { 0, 0, 0, 0 };
  graphene_point_t origin;

  if (parent == NULL)
    return FALSE;
  if (!gtk_popover_get_pointing_to (popover, &rect))
    rect = (GdkRectangle) { 0, 0, gtk_widget_get_width (parent), gtk_widget_get_height (parent) };
  if (!gtk_widget_compute_point (parent, root, &GRAPHENE_POINT_INIT (rect.x, rect.y), &origin))
    return FALSE;
  graphene_rect_init (anchor, origin.x, origin.y, rect.width, rect.height);
  return TRUE;
}

/* GTK 4.8 reads a popover's halign as left or right whatever the text's
 * direction, from the anchor rectangle to the popover's box (its shadow
 * and margins aside), which its offset then moves; the arrow follows the
 * anchor. Centred (or on the side it was made for) where that fits, else
 * on the other side of the anchor, else moved in from the window's
 * edge, a little clear of it. */
static void
keep_in_width (GtkPopover            *popover,
               const PopoverPlace    *place,
               const graphene_rect_t *anchor,
               int                    natural,
               double                 room)
{
  GtkAlign align = place->halign == GTK_ALIGN_START || place->halign == GTK_ALIGN_END
                   ? place->halign : GTK_ALIGN_CENTER;
  double left;
  int shift = 0;

  left = align == GTK_ALIGN_START ? anchor->origin.x
         : align == GTK_ALIGN_END ? anchor->origin.x + anchor->size.width - natural
         : anchor->origin.x + (anchor->size.width - natural) / 2;
  if (left + natural > room && align != GTK_ALIGN_END)
    {
      align = GTK_ALIGN_END;
      left = anchor->origin.x + anchor->size.width - natural;
    }
  else if (left < 0 && align != GTK_ALIGN_START)
    {
      align = GTK_ALIGN_START;
      left = anchor->origin.x;
    }
  if (left < POPOVER_EDGE)
    shift = (int) ceil (POPOVER_EDGE - left);
  else if (left + natural > room - POPOVER_EDGE)
    shift = (int) floor (room - POPOVER_EDGE - (left + natural));
  gtk_widget_set_halign (GTK_WIDGET (popover), align);
  gtk_popover_set_offset (popover, shift, 0);
}

/* Above or below the anchor: on the side it was made for where all of it
 * fits there, else on the other where it fits there, else on the side
 * with more room, its list (@scroller) shortened to what is left. */
static void
keep_in_height (GtkPopover            *popover,
                const PopoverPlace    *place,
                const graphene_rect_t *anchor,
                GtkWidget             *box,
                int                    width,
                GtkScrolledWindow     *scroller,
                double                 room)
{
  double below = room - POPOVER_EDGE - (anchor->origin.y + anchor->size.height);
  double above = anchor->origin.y - POPOVER_EDGE;
  double preferred = place->position == GTK_POS_TOP ? above : below;
  double other = place->position == GTK_POS_TOP ? below : above;
  GtkPositionType other_side = place->position == GTK_POS_TOP ? GTK_POS_BOTTOM : GTK_POS_TOP;
  int natural = 0, list = 0;
  double need;

  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  need = natural + (gtk_popover_get_has_arrow (popover) ? POPOVER_ARROW : 0);

  if (need <= preferred)
    gtk_popover_set_position (popover, place->position);
  else if (need <= other)
    gtk_popover_set_position (popover, other_side);
  else
    {
      double space = MAX (preferred, other);

      gtk_popover_set_position (popover, preferred >= other ? place->position : other_side);
      if (scroller != NULL && gtk_widget_get_visible (GTK_WIDGET (scroller)))
        {
          gtk_widget_measure (GTK_WIDGET (scroller), GTK_ORIENTATION_VERTICAL, -1, NULL, &list, NULL, NULL);
          gtk_scrolled_window_set_max_content_height (scroller,
                                                      MAX (POPOVER_MIN_LIST, (int) floor (list - (need - space))));
        }
    }
}

void
dossier_popover_keep_in_window (GtkPopover        *popover,
                                GtkScrolledWindow *scroller)
{
  static GQuark quark;
  GtkWidget *root, *child, *box;
  PopoverPlace *place;
  graphene_rect_t anchor;
  int natural = 0;

  g_return_if_fail (GTK_IS_POPOVER (popover));
  g_return_if_fail (scroller == NULL || GTK_IS_SCROLLED_WINDOW (scroller));

  if (quark == 0)
    quark = g_quark_from_static_string ("dossier-popover-place");

  place = g_object_get_qdata (G_OBJECT (popover), quark);
  if (place == NULL)
    {
      place = g_new (PopoverPlace, 1);
      place->position = gtk_popover_get_position (popover);
      place->halign = gtk_widget_get_halign (GTK_WIDGET (popover));
      place->max_content_height = scroller != NULL ? gtk_scrolled_window_get_max_content_height (scroller) : -1;
      g_object_set_qdata_full (G_OBJECT (popover), quark, place, g_free);
    }
  /* Its list as long as it was made to be, before it is measured. */
  if (scroller != NULL)
    gtk_scrolled_window_set_max_content_height (scroller, place->max_content_height);

  child = gtk_popover_get_child (popover);
  root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (popover)));
  if (child == NULL || root == NULL || !popover_anchor (popover, root, &anchor))
    return;
  /* Not the popover itself: hidden, it measures nothing. Its box is the
   * parent GTK makes its child. */
  box = gtk_widget_get_parent (child);
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  keep_in_width (popover, place, &anchor, natural, gtk_widget_get_width (root));
  if (place->position == GTK_POS_TOP || place->position == GTK_POS_BOTTOM)
    keep_in_height (popover, place, &anchor, box, natural, scroller, gtk_widget_get_height (root));
}

static void
place_popover_in_window (GtkMenuButton *button,
                         gpointer       user_data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  if (popover != NULL)
    dossier_popover_keep_in_window (popover, NULL);
}

void
dossier_menu_button_keep_popover_in_window (GtkMenuButton *button)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  gtk_menu_button_set_create_popup_func (button, place_popover_in_window, NULL, NULL);
}

void
dossier_hold_menu_tooltips (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_MENU_BUTTON (widget))
    {
      /* A popover replaced while open is hidden first, which lets go. */
      g_signal_connect (widget, "notify::popover", G_CALLBACK (on_menu_button_popover), NULL);
      on_menu_button_popover (GTK_MENU_BUTTON (widget), NULL, NULL);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* A drop-down's list is a popover of its own, made with it. */
      if (GTK_IS_DROP_DOWN (widget) && GTK_IS_POPOVER (child))
        dossier_hold_tooltip_while_open (widget, GTK_POPOVER (child));
      dossier_hold_menu_tooltips (child);
    }
}

static void
tooltip_under_free (gpointer data)
{
  GWeakRef *held = data;
  g_autoptr(GtkWidget) owner = g_weak_ref_get (held);

  if (owner != NULL)
    hold_tooltip (owner, FALSE);
  g_weak_ref_clear (held);
  g_free (held);
}

static void
on_tooltip_under_closed (GtkPopover *popover,
                         GWeakRef   *held)
{
  g_autoptr(GtkWidget) owner = g_weak_ref_get (held);

  if (owner != NULL)
    hold_tooltip (owner, FALSE);
  g_weak_ref_set (held, NULL);
}

void
dossier_hold_tooltip_under (GtkPopover *popover,
                            GtkWidget  *widget,
                            double      x,
                            double      y)
{
  static GQuark quark;
  GWeakRef *held;
  GtkWidget *owner;

  g_return_if_fail (GTK_IS_POPOVER (popover));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (quark == 0)
    quark = g_quark_from_static_string ("dossier-tooltip-under");

  held = g_object_get_qdata (G_OBJECT (popover), quark);
  if (held == NULL)
    {
      held = g_new0 (GWeakRef, 1);
      g_weak_ref_init (held, NULL);
      g_object_set_qdata_full (G_OBJECT (popover), quark, held, tooltip_under_free);
      g_signal_connect (popover, "closed", G_CALLBACK (on_tooltip_under_closed), held);
    }
  /* Opened again while open: the earlier one goes. */
  on_tooltip_under_closed (popover, held);

  owner = gtk_widget_pick (widget, x, y, GTK_PICK_DEFAULT);
  while (owner != NULL && !gtk_widget_get_has_tooltip (owner) && owner != widget)
    owner = gtk_widget_get_parent (owner);
  if (owner == NULL || !gtk_widget_get_has_tooltip (owner))
    return;
  hold_tooltip (owner, TRUE);
  g_weak_ref_set (held, owner);
}

void
dossier_set_tooltip_unshown (GtkWidget  *widget,
                             const char *text)
{
  g_autofree char *shown = text != NULL ? dossier_shown_text (text) : NULL;
  gboolean visible;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* GTK asks where the pointer is only for a visible widget. */
  visible = gtk_widget_get_visible (widget);
  if (visible)
    gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, shown);
  if (visible)
    gtk_widget_set_visible (widget, TRUE);
}

void
dossier_set_tooltip (GtkWidget  *widget,
                     const char *text)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* GTK stores "" as no tooltip. */
  if (text != NULL && *text == '\0')
    text = NULL;
  if (text != NULL)
    text = shown = dossier_shown_text (text);
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return;

  /* Shown: the query updates a tooltip open over it. */
  if (gtk_widget_get_mapped (widget))
    gtk_widget_set_tooltip_text (widget, text);
  else
    dossier_set_tooltip_unshown (widget, text);
}

void
dossier_set_template_tooltips (GtkWidget                    *self,
                               GType                         type,
                               const DossierTemplateTooltip *tooltips,
                               gsize                         n)
{
  g_return_if_fail (GTK_IS_WIDGET (self));

  for (gsize i = 0; i < n; i++)
    {
      GObject *child = gtk_widget_get_template_child (self, type, tooltips[i].id);

      g_return_if_fail (GTK_IS_WIDGET (child));
      dossier_set_tooltip_unshown (GTK_WIDGET (child), _(tooltips[i].tooltip));
    }
}

char *
dossier_shown_text (const char *text)
{
  return dossier_text_shown (text);
}

void
dossier_label_set_shown (GtkLabel   *label,
                         const char *text)
{
  g_autofree char *shown = dossier_shown_text (text);

  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, shown);
}

gboolean
dossier_shown_transform (GBinding     *binding,
                         const GValue *from,
                         GValue       *to,
                         gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_take_string (to, text != NULL ? dossier_shown_text (text) : NULL);
  return TRUE;
}

char *
dossier_shown_closure (gpointer    this_object,
                       const char *text)
{
  return dossier_shown_text (text);
}

GtkBuilderScope *
dossier_shown_scope (void)
{
  GtkBuilderScope *scope = gtk_builder_cscope_new ();

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "dossier_shown",
                                          G_CALLBACK (dossier_shown_closure));
  return scope;
}

void
dossier_shown_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback_full (widget_class, "dossier_shown",
                                                G_CALLBACK (dossier_shown_closure));
}

/* The factory of dossier_shown_label_factory_new (), or with @lines > 0
 * of dossier_shown_lines_factory_new (). */
static GtkListItemFactory *
shown_label_factory (GType       item_type,
                     const char *property,
                     gboolean    wrap,
                     int         lines,
                     int         max_width_chars)
{
  g_autofree char *layout = lines > 0
    ? g_strdup_printf ("<property name=\"wrap\">True</property>"
                       "<property name=\"wrap-mode\">word-char</property>"
                       "<property name=\"lines\">%d</property>"
                       "<property name=\"ellipsize\">end</property>", lines)
    : g_strdup (wrap ? "<property name=\"wrap\">True</property>"
                     : "<property name=\"ellipsize\">end</property>");
  g_autofree char *ui = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<interface><template class=\"GtkListItem\"><property name=\"child\">"
    "<object class=\"GtkLabel\">"
    "<property name=\"xalign\">0</property>"
    "%s"
    "<property name=\"max-width-chars\">%d</property>"
    "<binding name=\"label\"><closure type=\"gchararray\" function=\"dossier_shown\">"
    "<lookup name=\"%s\" type=\"%s\"><lookup name=\"item\">GtkListItem</lookup></lookup>"
    "</closure></binding>"
    "</object></property></template></interface>",
    layout, max_width_chars, property, g_type_name (item_type));
  g_autoptr(GBytes) bytes = g_bytes_new (ui, strlen (ui));
  g_autoptr(GtkBuilderScope) scope = dossier_shown_scope ();

  return gtk_builder_list_item_factory_new_from_bytes (scope, bytes);
}

GtkListItemFactory *
dossier_shown_label_factory_new (GType       item_type,
                                 const char *property,
                                 gboolean    wrap,
                                 int         max_width_chars)
{
  return shown_label_factory (item_type, property, wrap, 0, max_width_chars);
}

GtkListItemFactory *
dossier_shown_lines_factory_new (GType       item_type,
                                 const char *property,
                                 int         lines,
                                 int         max_width_chars)
{
  g_return_val_if_fail (lines > 0, NULL);

  return shown_label_factory (item_type, property, TRUE, lines, max_width_chars);
}

void
dossier_label_set_max_lines (GtkLabel *label,
                             int       lines)
{
  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (lines > 0);

  gtk_label_set_xalign (label, 0);
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (label, lines);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
}

GtkWidget *
dossier_icon_button_new (const char *icon_name,
                         const char *label,
                         GtkAlign    valign)
{
  GtkWidget *button;

  g_return_val_if_fail (icon_name != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  button = gtk_button_new_from_icon_name (icon_name);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, valign);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

void
dossier_hold_tooltip_while_open (GtkWidget  *owner,
                                 GtkPopover *popover)
{
  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (popover == NULL || GTK_IS_POPOVER (popover));

  if (popover == NULL)
    return;

  g_signal_connect_object (popover, "notify::visible", G_CALLBACK (on_held_popover_visible), owner,
                           G_CONNECT_SWAPPED);
}

gboolean
dossier_show_toast (GtkWidget  *widget,
                    const char *message,
                    gboolean    undo)
{
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  /* The window shows a toast with Undo (win.toast), which undoes what
   * was just done and nothing done after it. */
  if (undo && gtk_widget_activate_action (widget, "win.toast", "s", message))
    return TRUE;
  toast = adw_toast_new (message);
  return dossier_accessible_show_toast (widget, toast);
}

/* A toast that stays until the user acts on it, offering @action_name;
 * @message is short enough to be read whole in a toast, @error's own goes
 * to the log. */
static void
show_lasting_toast (GtkWidget    *widget,
                    const char   *message,
                    const char   *button_label,
                    const char   *action_name,
                    const GError *error)
{
  AdwToast *toast;

  g_message ("%s", error->message);
  /* Said once: each action refused after the file went says so, and
   * the same words again would queue a toast to close for each. Other
   * words with the same way out take the place of the earlier ones. */
  if (dossier_accessible_has_toast (widget, message))
    return;
  dossier_accessible_dismiss_toasts (widget, action_name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  adw_toast_set_timeout (toast, 0);
  dossier_accessible_show_toast (widget, toast);
}

void
dossier_report_in_toast (GtkWidget    *widget,
                         const char   *what,
                         const GError *error)
{
  g_autofree char *message = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (what != NULL);

  /* The file open was moved, deleted or replaced: the session's work is
   * still in the file SQLite has open, and a copy keeps it. */
  if (g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_MOVED))
    {
      /* Translators: a failed action in a toast: what failed, then why */
      message = g_strdup_printf (_("%s: the project’s file was moved, deleted or replaced. "
                                   "Save As… to keep your work."), what);
      show_lasting_toast (widget, message, _("_Save As…"), "win.save-as", error);
      return;
    }

  /* The file open was overwritten where it is (a copy put back over it,
   * emptied): the session's work went with what it held, and a copy
   * would only copy what is there now. Reopening shows that. */
  if (g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_REPLACED))
    {
      /* Translators: a failed action in a toast: what failed, then why */
      message = g_strdup_printf (_("%s: the project’s file was overwritten on disk. Reopen it to "
                                   "see what it holds now."), what);
      show_lasting_toast (widget, message, _("_Reopen"), "win.reopen-project", error);
      return;
    }

  /* "What failed: why" — the core's messages already say what to do. */
  /* Translators: a failed action in a toast: what failed, then why */
  message = g_strdup_printf (_("%s: %s"), what, error ? error->message : _("unknown error"));
  dossier_show_toast (widget, message, FALSE);
  g_message ("%s", message);
}

static gboolean
row_from_name (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  const char * const *names = user_data;
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
name_from_row (const GValue       *value,
               const GVariantType *type,
               gpointer            user_data)
{
  const char * const *names = user_data;
  guint row = g_value_get_uint (value);

  /* No row (GTK_INVALID_LIST_POSITION) writes nothing. */
  for (guint i = 0; names[i] != NULL; i++)
    if (i == row)
      return g_variant_new_string (names[i]);
  return NULL;
}

void
dossier_settings_bind_choice (GSettings          *settings,
                              const char         *key,
                              gpointer            object,
                              const char * const *names)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (names != NULL && names[0] != NULL);

  g_settings_bind_with_mapping (settings, key, object, "selected", G_SETTINGS_BIND_DEFAULT,
                                row_from_name, name_from_row, (gpointer) names, NULL);
}

/* ---- Whole words ---------------------------------------------------------- */

/* A word longer than this is no word a reader picks out (a pasted hash, a
 * run of symbols); the widening stops looking there, which also bounds
 * its cost in hostile text (one "word" of a megabyte). */
#define MAX_WORD_LENGTH 256

/* Ideographs and hiragana are a word each, as Unicode's word boundaries
 * (UAX #29) have them without a dictionary: Pango 1.50 takes a whole run
 * of them for one word, which in Chinese is a clause. */
static gboolean
is_word_of_its_own (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA;
}

/* A run of katakana (with its long-vowel mark) is one word, as in UAX #29;
 * Pango 1.50 finds none after an ideograph (東京タワー). */
static gboolean
is_katakana (gunichar c)
{
  return c == 0x30FC || g_unichar_get_script (c) == G_UNICODE_SCRIPT_KATAKANA;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;   /* RIGHT SINGLE QUOTATION MARK */
}

static gboolean
is_letter (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

/* A vowel or an h, accents aside. */
static gboolean
is_vowel_or_h (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  gunichar base = g_unichar_tolower (n > 0 ? decomposed[0] : c);

  return base < 0x80 && base != 0 && strchr ("aeiouyh", (int) base) != NULL;
}

/* The character @n places from @pos (negative: before it), 0 off the
 * text. */
static gunichar
char_at (const GtkTextIter *pos,
         int                n)
{
  GtkTextIter iter = *pos;

  if (n < 0 ? !gtk_text_iter_backward_chars (&iter, -n) : !gtk_text_iter_forward_chars (&iter, n))
    return 0;
  return gtk_text_iter_get_char (&iter);
}

/* The words whose last letter French or Italian elides before a vowel or
 * an h (l’État, qu’il, jusqu’à, dell’arte): the apostrophe after them
 * ends a word of its own. */
static const char * const elided_words[] = {
  "c", "d", "j", "l", "m", "n", "s", "t", "v",
  "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
  "un", "all", "dall", "dell", "nell", "sull", "coll", "quell", "quest", "bell", "sant",
};

/* Whether the letters of the word that ends just before @apostrophe
 * (lower case, ASCII) are @word. */
static gboolean
word_before_is (const GtkTextIter *apostrophe,
                const char        *word)
{
  int n = (int) strlen (word);

  for (int i = 1; i <= n; i++)
    if (g_unichar_tolower (char_at (apostrophe, -i)) != (gunichar) word[n - i])
      return FALSE;
  return !is_letter (char_at (apostrophe, -n - 1));
}

/* Whether the apostrophe before @pos elides a French or Italian article,
 * pronoun or conjunction — one of elided_words before it, a vowel or an h
 * after it: l’État, d’habitude, qu’il are two words each (so selecting
 * "État" takes "État"), where don’t, I’m, ma’am, o’clock and O’Hara are
 * one. */
static gboolean
is_elision (const GtkTextIter *pos)
{
  GtkTextIter apostrophe = *pos;

  if (!is_vowel_or_h (gtk_text_iter_get_char (pos)) || !gtk_text_iter_backward_char (&apostrophe))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (elided_words); i++)
    if (word_before_is (&apostrophe, elided_words[i]))
      return TRUE;
  return FALSE;
}

/* The English words that begin with an apostrophe for what they leave
 * out (’til, ’em, rock ’n’ roll), as they follow it; an apostrophe in one
 * (the last of ’n’) stands for any. */
static const char * const clipped_words[] = {
  "til", "tis", "twas", "em", "n'", "n", "cause", "bout", "round",
};

/* How many characters the clipped word that @apostrophe begins takes, the
 * apostrophe included (’n’: 3); 0 if it begins none, as an opening quote
 * ('Night') does not. */
static int
clipped_word_length (const GtkTextIter *apostrophe)
{
  if (!is_apostrophe (gtk_text_iter_get_char (apostrophe)) || is_letter (char_at (apostrophe, -1)))
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (clipped_words); i++)
    {
      const char *word = clipped_words[i];
      int n = (int) strlen (word);
      int k;

      for (k = 0; k < n; k++)
        {
          gunichar c = char_at (apostrophe, k + 1);

          if (word[k] == '\'' ? !is_apostrophe (c) : g_unichar_tolower (c) != (gunichar) word[k])
            break;
        }
      if (k == n && !g_unichar_isalnum (char_at (apostrophe, n + 1)))
        return n + 1;
    }
  return 0;
}

/* Whether the apostrophe at @apostrophe, after a letter, ends a clipped
 * word (the last of ’n’). */
static gboolean
ends_clipped_word (const GtkTextIter *apostrophe)
{
  GtkTextIter iter = *apostrophe;

  for (int n = 1; n < 8 && gtk_text_iter_backward_char (&iter); n++)
    if (is_apostrophe (gtk_text_iter_get_char (&iter)))
      return clipped_word_length (&iter) == n + 1;
    else if (!is_letter (gtk_text_iter_get_char (&iter)))
      return FALSE;
  return FALSE;
}

/* Whether the characters on either side of @pos are of one word: as Pango
 * finds words, except that an apostrophe between letters (don’t) and a
 * point or comma between digits (3.5, 1,200) join them, as in UAX #29,
 * as does the apostrophe of a clipped word (’til, ’n’), and that
 * ideographs and hiragana stand alone and katakana go together. */
static gboolean
within_word (const GtkTextIter *pos)
{
  gunichar before = char_at (pos, -1);
  gunichar after = gtk_text_iter_get_char (pos);

  if (before == 0 || after == 0 || is_word_of_its_own (before) || is_word_of_its_own (after))
    return FALSE;
  if (is_katakana (before) && is_katakana (after))
    return TRUE;
  if (is_apostrophe (after))
    return is_letter (before) && (is_letter (char_at (pos, 1)) || ends_clipped_word (pos));
  if (is_apostrophe (before))
    {
      GtkTextIter apostrophe = *pos;

      gtk_text_iter_backward_char (&apostrophe);
      if (!is_letter (char_at (pos, -2)))
        return clipped_word_length (&apostrophe) > 0;
      return is_letter (after) && !is_elision (pos);
    }
  if (after == '.' || after == ',')
    return g_unichar_isdigit (before) && g_unichar_isdigit (char_at (pos, 1));
  if (before == '.' || before == ',')
    return g_unichar_isdigit (after) && g_unichar_isdigit (char_at (pos, -2));
  return gtk_text_iter_inside_word (pos) && !gtk_text_iter_starts_word (pos);
}

/* Moves @pos by @step (-1 or 1) while it is inside a word; where the word
 * goes on for more than MAX_WORD_LENGTH, @pos stays where it was. */
static void
move_out_of_word (GtkTextIter *pos,
                  int          step)
{
  GtkTextIter iter = *pos;

  for (int n = 0; within_word (&iter); n++)
    {
      if (n == MAX_WORD_LENGTH)
        return;
      if (step < 0)
        gtk_text_iter_backward_char (&iter);
      else
        gtk_text_iter_forward_char (&iter);
    }
  *pos = iter;
}

gboolean
dossier_text_iter_extend_to_words (GtkTextIter *start,
                                   GtkTextIter *end)
{
  GtkTextIter iter;
  int old_start, old_end;

  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  gtk_text_iter_order (start, end);

  /* Spaces and punctuation alone (an apostrophe, the point of 3.5) are
   * what the person chose to select. */
  for (iter = *start; gtk_text_iter_compare (&iter, end) < 0; gtk_text_iter_forward_char (&iter))
    if (g_unichar_isalnum (gtk_text_iter_get_char (&iter)))
      break;
  if (gtk_text_iter_equal (&iter, end))
    return FALSE;

  old_start = gtk_text_iter_get_offset (start);
  old_end = gtk_text_iter_get_offset (end);
  move_out_of_word (start, -1);
  move_out_of_word (end, 1);
  return gtk_text_iter_get_offset (start) != old_start || gtk_text_iter_get_offset (end) != old_end;
}

int
dossier_text_range_compare (gconstpointer a,
                            gconstpointer b)
{
  const DossierTextRange *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->end > y->end) - (x->end < y->end);
}

/* Where @tag lies in @buffer now, in order. */
static GArray *
tag_ranges (GtkTextBuffer *buffer,
            GtkTextTag    *tag)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (DossierTextRange));
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, tag) && !gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    return out;
  do
    {
      DossierTextRange r = { gtk_text_iter_get_offset (&iter), 0 };

      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      r.end = gtk_text_iter_get_offset (&iter);
      g_array_append_val (out, r);
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag));
  return out;
}

static void
tag_range (GtkTextBuffer          *buffer,
           GtkTextTag             *tag,
           const DossierTextRange *r,
           gboolean                apply)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) r->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) r->end);
  if (apply)
    gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
  else
    gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
}

void
dossier_text_buffer_set_tag_ranges (GtkTextBuffer *buffer,
                                    GtkTextTag    *tag,
                                    GArray        *ranges)
{
  g_autoptr(GArray) have = NULL;
  g_autofree gboolean *matched = NULL;
  guint n = 0;

  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));
  g_return_if_fail (GTK_IS_TEXT_TAG (tag));
  g_return_if_fail (ranges != NULL);

  /* As GTK keeps a tag's ranges: sorted, none empty, those that touch or
   * overlap one. */
  g_array_sort (ranges, dossier_text_range_compare);
  for (guint i = 0; i < ranges->len; i++)
    {
      DossierTextRange r = g_array_index (ranges, DossierTextRange, i);

      if (r.start >= r.end)
        continue;
      if (n > 0 && r.start <= g_array_index (ranges, DossierTextRange, n - 1).end)
        g_array_index (ranges, DossierTextRange, n - 1).end =
          MAX (g_array_index (ranges, DossierTextRange, n - 1).end, r.end);
      else
        g_array_index (ranges, DossierTextRange, n++) = r;
    }
  g_array_set_size (ranges, n);

  /* Untag those no longer wanted, then tag the new ones. */
  have = tag_ranges (buffer, tag);
  matched = g_new0 (gboolean, MAX (ranges->len, 1));
  for (guint i = 0, k = 0; i < have->len; i++)
    {
      const DossierTextRange *h = &g_array_index (have, DossierTextRange, i);

      while (k < ranges->len && dossier_text_range_compare (&g_array_index (ranges, DossierTextRange, k), h) < 0)
        k++;
      if (k < ranges->len && dossier_text_range_compare (&g_array_index (ranges, DossierTextRange, k), h) == 0)
        matched[k] = TRUE;
      else
        tag_range (buffer, tag, h, FALSE);
    }
  for (guint k = 0; k < ranges->len; k++)
    if (!matched[k])
      tag_range (buffer, tag, &g_array_index (ranges, DossierTextRange, k), TRUE);
}

void
dossier_measure_line (GtkWidget      *widget,
                      GtkOrientation  line,
                      GtkOrientation  orientation,
                      int             for_size,
                      int             spacing,
                      gboolean        wraps,
                      int            *minimum,
                      int            *natural)
{
  gboolean along = orientation == line;
  gboolean first = TRUE;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      if (along && !wraps)
        *minimum += child_min + (first ? 0 : spacing);
      else
        *minimum = MAX (*minimum, child_min);
      if (along)
        *natural += child_nat + (first ? 0 : spacing);
      else
        *natural = MAX (*natural, child_nat);
      first = FALSE;
    }
}

void
dossier_layout_manager_set_int (GtkLayoutManager *manager,
                                int              *field,
                                const GValue     *value,
                                GParamSpec       *pspec)
{
  if (*field == g_value_get_int (value))
    return;
  *field = g_value_get_int (value);
  gtk_layout_manager_layout_changed (manager);
  g_object_notify_by_pspec (G_OBJECT (manager), pspec);
}

GParamSpec *
dossier_layout_manager_pixels_pspec (const char *name)
{
  return g_param_spec_int (name, NULL, NULL, 0, G_MAXINT, 0,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

GtkSizeRequestMode
dossier_layout_manager_height_for_width (GtkLayoutManager *manager,
                                         GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

void
dossier_layout_manager_measured (int  min,
                                 int  nat,
                                 int *minimum,
                                 int *natural,
                                 int *minimum_baseline,
                                 int *natural_baseline)
{
  if (minimum != NULL)
    *minimum = min;
  if (natural != NULL)
    *natural = nat;
  if (minimum_baseline != NULL)
    *minimum_baseline = -1;
  if (natural_baseline != NULL)
    *natural_baseline = -1;
}
