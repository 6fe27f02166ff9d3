/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-argument-row.c — an argument in the Pros & Cons panel.
 *
 * The row follows its DossierArgument (updated in place by the core) and
 * acts on it through the project of the panel it is rooted in: each menu
 * item is one core action, one undo step. Its texts are DossierWrapLabels,
 * laid out once per width (GtkLabel laid each out again for every size a
 * grid view asks); the passages it cites are listed once it is first
 * unfolded, and the weakness flag made when first needed. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-argument-row.h"
#include "dossier-arguments-panel.h"
#include "dossier-highlight-card.h"
#include "dossier-text-dialog.h"
#include "dossier-ui-utils.h"
#include "dossier-wrap-label.h"

struct _DossierArgumentRow
{
  DossierRow      parent_instance;

  /* the header: built in code (build_header) */
  GtkWidget      *header;
  GtkImage       *expander;
  DossierWrapLabel *statement;
  GtkWidget      *text_box;
  DossierWrapLabel *details;
  GtkMenuButton  *menu_button;
  /* "argument.strength" and "argument.perspective": stateful, so their
   * menus mark the argument's own (radio items, "checked" to a screen
   * reader) */
  GSimpleAction  *strength_action;
  GSimpleAction  *perspective_action;

  /* made when an argument first needs it, then kept (hidden when not) */
  GtkWidget      *flag;
  DossierWrapLabel *flag_label;

  /* made when first unfolded */
  GtkRevealer    *evidence_revealer;
  GtkListBox     *evidence_list;
  gboolean        expanded;
  gboolean        header_pressed;     /* a click began on the argument, not its menu */
  /* the highlight of the passage removed while it had the focus: back
   * (an undo), it takes the focus back */
  gint64          removed_focus_id;
};

G_DEFINE_FINAL_TYPE (DossierArgumentRow, dossier_argument_row, DOSSIER_TYPE_ROW)

enum {
  PROP_0,
  PROP_EXPANDED,
  N_PROPS
};

enum {
  HIGHLIGHT_ACTIVATED,
  HIGHLIGHT_DROPPED,
  CITE_SELECTION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static DossierProject *
row_project (DossierArgumentRow *self)
{
  DossierPanel *panel = dossier_row_get_panel (DOSSIER_ROW (self));

  return panel ? dossier_panel_get_project (panel) : NULL;
}

const char *
dossier_argument_describe_weakness (DossierArgument *argument)
{
  g_return_val_if_fail (DOSSIER_IS_ARGUMENT (argument), NULL);

  if (dossier_argument_get_n_evidence (argument) == 0)
    return _("No evidence cited");
  if (dossier_argument_get_n_sources (argument) == 1)
    return _("Evidence from one outlet only");
  return NULL;
}

/* ---- showing ------------------------------------------------------------------ */

static char *
describe (DossierArgumentRow *self,
          DossierArgument    *argument)
{
  DossierProject *project = row_project (self);
  DossierStakeholder *stakeholder = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = dossier_argument_get_n_evidence (argument);
  guint sources = dossier_argument_get_n_sources (argument);

  if (project != NULL && dossier_argument_get_stakeholder_id (argument) != 0)
    stakeholder = dossier_project_get_stakeholder (project, dossier_argument_get_stakeholder_id (argument));
  if (stakeholder != NULL)
    {
      g_string_append (text, dossier_stakeholder_get_name (stakeholder));
      g_string_append (text, " · ");
    }
  /* Translators: an argument's strength, "Strength 4/5" */
  g_string_append_printf (text, _("Strength %d/5"), dossier_argument_get_strength (argument));
  if (n > 0)
    {
      g_autofree char *outlets = g_strdup_printf (ngettext ("%u outlet", "%u outlets", sources), sources);

      g_string_append (text, " · ");
      /* Translators: "3 passages from 2 outlets" */
      g_string_append_printf (text, ngettext ("%u passage from %s", "%u passages from %s", n), n, outlets);
    }
  return dossier_shown_text (text->str);
}

static void reload_evidence (DossierArgumentRow *self);

/* The warning under a weakly backed argument: most arguments of a worked
 * project cite enough, and a list view makes dozens of rows at once. */
static DossierWrapLabel *
ensure_flag (DossierArgumentRow *self)
{
  GtkWidget *icon;

  if (self->flag_label != NULL)
    return self->flag_label;

  self->flag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (self->flag, "warning");
  gtk_widget_add_css_class (self->flag, "argument-flag");
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_box_append (GTK_BOX (self->flag), icon);
  self->flag_label = DOSSIER_WRAP_LABEL (dossier_wrap_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->flag_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->flag_label), "argument-flag-label");
  gtk_box_append (GTK_BOX (self->flag), GTK_WIDGET (self->flag_label));
  gtk_box_append (GTK_BOX (self->text_box), self->flag);
  return self->flag_label;
}

static void
update (DossierRow *row)
{
  DossierArgumentRow *self = DOSSIER_ARGUMENT_ROW (row);
  DossierArgument *argument = dossier_row_get_item (row);
  g_autofree char *details = NULL;
  g_autofree char *statement = NULL;
  const char *weakness;

  if (argument == NULL)
    return;

  g_simple_action_set_state (self->strength_action,
                             g_variant_new_int32 (dossier_argument_get_strength (argument)));
  g_simple_action_set_state (self->perspective_action,
                             g_variant_new_int64 (dossier_argument_get_stakeholder_id (argument)));
  statement = dossier_shown_text (dossier_argument_get_statement (argument));
  dossier_wrap_label_set_text (self->statement, statement);
  details = describe (self, argument);
  dossier_wrap_label_set_text (self->details, details);
  weakness = dossier_argument_describe_weakness (argument);
  if (weakness != NULL)
    dossier_wrap_label_set_text (ensure_flag (self), weakness);
  if (self->flag != NULL)
    gtk_widget_set_visible (self->flag, weakness != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, statement,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details,
                                  -1);
  if (self->expanded)
    reload_evidence (self);
}

/* Another argument: the passage removed was another's. */
static void
item_changed (DossierRow *row)
{
  DOSSIER_ARGUMENT_ROW (row)->removed_focus_id = 0;
  update (row);
}

static void
on_evidence_activated (DossierArgumentRow *self,
                       GtkListBoxRow      *row)
{
  /* The card, then its Remove button. */
  GtkWidget *card = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));
  DossierHighlight *highlight = dossier_row_get_item (DOSSIER_ROW (card));

  if (highlight != NULL)
    g_signal_emit (self, signals[HIGHLIGHT_ACTIVATED], 0,
                   dossier_highlight_get_document_id (highlight),
                   dossier_highlight_get_id (highlight));
}

static void
clear_evidence (DossierArgumentRow *self)
{
  GtkWidget *child;

  if (self->evidence_list == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list))) != NULL)
    gtk_list_box_remove (self->evidence_list, child);
}

static void report (DossierArgumentRow *self,
                    const char         *what,
                    const GError       *error);

/* The focus, after the passage at @index that had it is gone (the
 * passages listed anew): on the passage now at @index, else the one
 * before, else the argument's place in the list. Left alone, it was lost
 * with the passage, and no ring showed where it went. */
static void
focus_after_removal (DossierArgumentRow *self,
                     int                 index)
{
  GtkListBoxRow *passage = NULL;
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (self));

  if (self->expanded && self->evidence_list != NULL)
    {
      passage = gtk_list_box_get_row_at_index (self->evidence_list, index);
      if (passage == NULL && index > 0)
        passage = gtk_list_box_get_row_at_index (self->evidence_list, index - 1);
    }
  if (passage != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (passage));
  else if (item != NULL && gtk_widget_get_focusable (item))
    gtk_widget_grab_focus (item);
}

/* Takes the passage of @button's card from the argument's evidence (its
 * highlight too, if it has no tag): one step, with Undo. */
static void
on_remove_evidence (DossierArgumentRow *self,
                    GtkWidget          *button)
{
  DossierArgument *argument = dossier_row_get_item (DOSSIER_ROW (self));
  DossierPanel *panel = dossier_row_get_panel (DOSSIER_ROW (self));
  GtkWidget *card = gtk_widget_get_prev_sibling (button);
  DossierHighlight *highlight = card != NULL ? dossier_row_get_item (DOSSIER_ROW (card)) : NULL;
  GtkWidget *passage = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  gboolean had_focus = passage != NULL && dossier_focus_within (passage) != NULL;
  int index = passage != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (passage)) : 0;
  g_autoptr(GError) error = NULL;

  if (argument == NULL || highlight == NULL || panel == NULL || dossier_panel_get_project (panel) == NULL)
    return;
  if (!dossier_project_remove_argument_evidence (dossier_panel_get_project (panel),
                                                 dossier_argument_get_id (argument),
                                                 dossier_highlight_get_id (highlight), &error))
    {
      report (self, _("Could not remove the evidence"), error);
      return;
    }
  dossier_panel_show_toast (panel, _("Evidence removed"), TRUE);
  if (had_focus)
    {
      self->removed_focus_id = dossier_highlight_get_id (highlight);
      focus_after_removal (self, index);
    }
}

/* A passage that takes the focus is scrolled into sight in the column:
 * the column's grid view scrolls to the argument, the whole item, and an
 * unfolded argument's passages reach below its edge. In an idle: set at
 * once, while the focus moves, the scroll did not hold. */
static gboolean
scroll_to_passage (gpointer data)
{
  g_autoptr(GtkWidget) passage = data;
  GtkWidget *scrollable = gtk_widget_get_ancestor (passage, GTK_TYPE_SCROLLABLE);
  GtkAdjustment *vadjustment;
  graphene_rect_t bounds;
  double below, shift = 0;

  if (scrollable == NULL || (!gtk_widget_has_focus (passage) && gtk_widget_get_focus_child (passage) == NULL))
    return G_SOURCE_REMOVE;
  if (!gtk_widget_compute_bounds (passage, scrollable, &bounds))
    return G_SOURCE_REMOVE;
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (scrollable));
  below = bounds.origin.y + bounds.size.height - gtk_widget_get_height (scrollable);
  if (below > 0)
    shift = MIN (below, bounds.origin.y);  /* its top stays in sight */
  else if (bounds.origin.y < 0)
    shift = bounds.origin.y;
  if (vadjustment != NULL && shift != 0)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + shift);
  return G_SOURCE_REMOVE;
}

static void
on_passage_focus_enter (GtkEventControllerFocus *focus)
{
  GtkWidget *passage = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_to_passage, g_object_ref (passage), NULL);
}

/* The passage of @list that has the focus or holds it (on its Remove
 * button), or NULL. */
static GtkWidget *
focused_passage (GtkWidget *list)
{
  GtkWidget *focus = dossier_focus_within (list);
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  return row != NULL && gtk_widget_get_parent (row) == list ? row : NULL;
}

/* The highlight of @passage (a row of the list of passages), or 0. */
static gint64
passage_highlight_id (GtkWidget *passage)
{
  /* Its box: the card, then its Remove button. */
  GtkWidget *card = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (passage)));
  DossierHighlight *highlight = card != NULL ? dossier_row_get_item (DOSSIER_ROW (card)) : NULL;

  return highlight != NULL ? dossier_highlight_get_id (highlight) : 0;
}

/* The passages as the Highlights panel shows them (quote, tags, memo,
 * document; dragged or cited in the briefing from their menu), listed
 * by document, then by place in it, each with its Remove button. Only
 * an unfolded row lists them. Listed anew, the focus would fall to the
 * argument: the passage that had it keeps it, and one removed while it
 * had it takes it back when it comes back (an undo) if the focus is
 * still in the argument. */
static void
reload_evidence (DossierArgumentRow *self)
{
  DossierArgument *argument = dossier_row_get_item (DOSSIER_ROW (self));
  DossierProject *project = row_project (self);
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (self));
  gboolean focus_here = item != NULL && dossier_focus_within (item) != NULL;
  GtkWidget *focused = self->evidence_list != NULL ? focused_passage (GTK_WIDGET (self->evidence_list)) : NULL;
  gint64 focus_id = focused != NULL ? passage_highlight_id (focused) : 0;
  gboolean on_remove = focused != NULL && !gtk_widget_has_focus (focused);
  GtkWidget *kept = NULL, *returned = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;

  clear_evidence (self);
  if (argument == NULL || project == NULL)
    return;

  evidence = dossier_project_list_argument_evidence (project, dossier_argument_get_id (argument), &error);
  if (evidence == NULL)
    {
      g_message ("Could not list an argument's evidence: %s", error->message);
      return;
    }

  for (guint i = 0; i < evidence->len; i++)
    {
      DossierEvidence *e = g_ptr_array_index (evidence, i);
      GtkWidget *card = g_object_new (DOSSIER_TYPE_HIGHLIGHT_CARD, "item", e->highlight, NULL);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *remove = dossier_icon_button_new ("list-remove-symbolic", _("Remove This Evidence"),
                                                   GTK_ALIGN_START);
      DossierPanel *panel = dossier_row_get_panel (DOSSIER_ROW (self));
      GtkEventController *focus;

      dossier_highlight_card_set_project (DOSSIER_HIGHLIGHT_CARD (card), project);
      dossier_highlight_card_set_show_document (DOSSIER_HIGHLIGHT_CARD (card), TRUE);
      gtk_widget_set_tooltip_text (card, _("Show this passage in the reader"));
      gtk_widget_set_hexpand (card, TRUE);
      gtk_widget_set_sensitive (remove, panel != NULL && dossier_panel_is_writable (panel));
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_evidence), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), card);
      gtk_box_append (GTK_BOX (box), remove);
      gtk_list_box_append (self->evidence_list, box);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "enter", G_CALLBACK (on_passage_focus_enter), NULL);
      gtk_widget_add_controller (gtk_widget_get_parent (box), focus);
      if (focus_id != 0 && dossier_highlight_get_id (e->highlight) == focus_id)
        kept = on_remove ? remove : gtk_widget_get_parent (box);
      if (self->removed_focus_id != 0 && dossier_highlight_get_id (e->highlight) == self->removed_focus_id)
        returned = gtk_widget_get_parent (box);
    }
  if (returned != NULL)
    self->removed_focus_id = 0;
  if (focus_here && (returned != NULL || kept != NULL))
    gtk_widget_grab_focus (returned != NULL ? returned : kept);
}

/* Enter on a passage shows it in the reader, as a click does. The list
 * item around the row took the key first (it activates the argument,
 * which folded it, the passage not shown): GtkListBox binds no Enter of
 * its own on a row. Enter on its Remove button is the button's. */
static gboolean
passage_enter_key (GtkWidget *list,
                   GVariant  *args,
                   gpointer   user_data)
{
  GtkWidget *row = focused_passage (list);

  if (row == NULL || !gtk_widget_has_focus (row))
    return FALSE;
  g_signal_emit_by_name (list, "row-activated", row);
  return TRUE;
}

/* Delete on a passage (or its Remove button) takes that passage from the
 * argument's evidence, as its Remove button does. Without it the key went
 * on to the row, which deleted the whole argument. */
static gboolean
passage_delete_key (GtkWidget *list,
                    GVariant  *args,
                    gpointer   user_data)
{
  GtkWidget *row = focused_passage (list);
  GtkWidget *remove;

  if (row == NULL)
    return FALSE;
  /* The row's box: the card, then its Remove button. */
  remove = gtk_widget_get_last_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
  if (remove != NULL && GTK_IS_BUTTON (remove) && gtk_widget_is_sensitive (remove))
    g_signal_emit_by_name (remove, "clicked");
  return TRUE;
}

/* The list of passages, made the first time the row unfolds. */
static void
ensure_evidence_list (DossierArgumentRow *self)
{
  GtkEventController *keys;

  if (self->evidence_revealer != NULL)
    return;

  self->evidence_revealer = GTK_REVEALER (gtk_revealer_new ());
  self->evidence_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->evidence_list, GTK_SELECTION_NONE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->evidence_list), 4);
  gtk_widget_add_css_class (GTK_WIDGET (self->evidence_list), "argument-evidence-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->evidence_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence"), -1);
  g_signal_connect_object (self->evidence_list, "row-activated", G_CALLBACK (on_evidence_activated),
                           self, G_CONNECT_SWAPPED);
  keys = gtk_shortcut_controller_new ();
  for (guint i = 0; i < 2; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_keyval_trigger_new (i == 0 ? GDK_KEY_Return : GDK_KEY_KP_Enter, 0),
                        gtk_callback_action_new (passage_enter_key, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_callback_action_new (passage_delete_key, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->evidence_list), keys);
  gtk_revealer_set_child (self->evidence_revealer, GTK_WIDGET (self->evidence_list));
  gtk_widget_insert_before (GTK_WIDGET (self->evidence_revealer), GTK_WIDGET (self), NULL);
}

void
dossier_argument_row_set_expanded (DossierArgumentRow *self,
                                   gboolean            expanded)
{
  g_return_if_fail (DOSSIER_IS_ARGUMENT_ROW (self));

  expanded = !!expanded;
  if (expanded)
    {
      ensure_evidence_list (self);
      reload_evidence (self);
    }
  if (expanded == self->expanded)
    return;
  self->expanded = expanded;
  /* Folded at once: a recycled row must not slide its old passages away. */
  gtk_revealer_set_transition_type (self->evidence_revealer,
                                    expanded ? GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN
                                             : GTK_REVEALER_TRANSITION_TYPE_NONE);
  gtk_revealer_set_reveal_child (self->evidence_revealer, expanded);
  if (!expanded)
    {
      clear_evidence (self);
      self->removed_focus_id = 0;
    }
  gtk_image_set_from_icon_name (self->expander, expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

gboolean
dossier_argument_row_get_expanded (DossierArgumentRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARGUMENT_ROW (self), FALSE);

  return self->expanded;
}

/* A click on the argument (not on its menu) unfolds or folds it, as an
 * expander does; the key focus goes to its place in the list, as the
 * list's own click would have put it. */
static void
header_pressed (GtkGestureClick    *gesture,
                int                 n_press,
                double              x,
                double              y,
                DossierArgumentRow *self)
{
  GtkWidget *target = gtk_widget_pick (self->header, x, y, GTK_PICK_DEFAULT);
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (self));

  if (target != NULL && (target == GTK_WIDGET (self->menu_button) ||
                         gtk_widget_is_ancestor (target, GTK_WIDGET (self->menu_button))))
    {
      self->header_pressed = FALSE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->header_pressed = TRUE;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (item != NULL && gtk_widget_get_focusable (item))
    gtk_widget_grab_focus (item);
}

static void
header_released (GtkGestureClick    *gesture,
                 int                 n_press,
                 double              x,
                 double              y,
                 DossierArgumentRow *self)
{
  gboolean pressed = self->header_pressed;

  self->header_pressed = FALSE;
  if (pressed && dossier_row_get_item (DOSSIER_ROW (self)) != NULL)
    dossier_argument_row_set_expanded (self, !self->expanded);
}

/* ---- acting --------------------------------------------------------------------- */

static void
report (DossierArgumentRow *self,
        const char         *what,
        const GError       *error)
{
  DossierPanel *panel = dossier_row_get_panel (DOSSIER_ROW (self));

  if (panel != NULL)
    dossier_panel_report_error (panel, what, error);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierArgumentRow *self = DOSSIER_ARGUMENT_ROW (widget);
  DossierArgument *argument = dossier_row_get_item (DOSSIER_ROW (self));
  DossierProject *project = row_project (self);
  DossierPanel *panel = dossier_row_get_panel (DOSSIER_ROW (self));
  g_autoptr(DossierArgument) kept = NULL;
  DossierPolarity polarity;
  g_autoptr(GError) error = NULL;
  GtkWidget *list;
  double value;
  int position;

  if (argument == NULL || project == NULL)
    return;

  polarity = dossier_argument_get_polarity (argument);
  position = dossier_argument_get_position (argument);
  if (g_str_equal (action_name, "argument.move-up"))
    position = MAX (position - 1, 0);
  else if (g_str_equal (action_name, "argument.move-down"))
    position = position + 1;
  else
    {
      polarity = polarity == DOSSIER_POLARITY_PRO ? DOSSIER_POLARITY_CON : DOSSIER_POLARITY_PRO;
      position = -1;
    }

  list = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_GRID_VIEW);
  value = list != NULL ? gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list))) : 0;
  kept = g_object_ref (argument);
  if (!dossier_project_move_argument (project, dossier_argument_get_id (argument), polarity, position, &error))
    {
      report (self, _("Could not move the argument"), error);
      return;
    }
  /* Up or down its column: the column kept where it was, the argument
   * in sight. */
  if (list != NULL && panel != NULL && polarity == dossier_argument_get_polarity (kept))
    {
      GListModel *column = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)));

      for (guint i = 0; i < g_list_model_get_n_items (column); i++)
        {
          g_autoptr(DossierArgument) item = g_list_model_get_item (column, i);

          if (item == kept)
            {
              dossier_panel_keep_in_view (panel, list, value, i);
              break;
            }
        }
    }
}

/* argument.strength (i) and argument.perspective (x, a stakeholder's id
 * or 0): one field of the argument set to @parameter. Their state
 * follows the argument (update), not the activation: a refused change
 * leaves the mark where it was. */
static void
change_action (GSimpleAction      *action,
               GVariant           *parameter,
               DossierArgumentRow *self)
{
  DossierArgument *argument = dossier_row_get_item (DOSSIER_ROW (self));
  DossierProject *project = row_project (self);
  g_autoptr(GError) error = NULL;
  gint64 id;
  gboolean changed;

  if (argument == NULL || project == NULL)
    return;
  id = dossier_argument_get_id (argument);
  if (action == self->strength_action)
    changed = dossier_project_set_argument_strength (project, id, g_variant_get_int32 (parameter), &error);
  else
    changed = dossier_project_set_argument_stakeholder (project, id, g_variant_get_int64 (parameter), &error);
  if (!changed)
    report (self, _("Could not change the argument"), error);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierArgumentRow *self = DOSSIER_ARGUMENT_ROW (widget);
  DossierArgument *argument = dossier_row_get_item (DOSSIER_ROW (self));
  DossierPanel *panel = dossier_row_get_panel (DOSSIER_ROW (self));
  g_autofree char *statement = NULL;
  GtkWidget *dialog;

  if (argument == NULL || panel == NULL || dossier_panel_get_project (panel) == NULL)
    return;

  /* One too long to lay out is shortened, within what it may be. */
  statement = dossier_shown_text (dossier_argument_get_statement (argument));
  dialog = dossier_text_dialog_new (dossier_panel_get_window (panel),
                                    _("Edit Argument"),
                                    _("State the argument in one sentence."),
                                    _("Argument"), statement,
                                    dossier_panel_get_project (panel),
                                    dossier_argument_get_id (argument),
                                    dossier_project_set_argument_statement,
                                    _("Could not change the argument"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierArgumentRow *self = DOSSIER_ARGUMENT_ROW (widget);
  g_autoptr(DossierArgument) argument = NULL;
  DossierPanel *panel = dossier_row_get_panel (DOSSIER_ROW (self));
  g_autoptr(GError) error = NULL;
  GtkWidget *list, *focus;
  GtkListItem *list_item;
  guint position;
  gboolean had_focus;

  if (dossier_row_get_item (DOSSIER_ROW (self)) == NULL || panel == NULL ||
      dossier_panel_get_project (panel) == NULL)
    return;

  /* Deleting unbinds this row: keep what the toast needs. */
  argument = g_object_ref (dossier_row_get_item (DOSSIER_ROW (self)));
  list = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_GRID_VIEW);
  list_item = dossier_row_get_list_item (DOSSIER_ROW (self));
  position = list_item != NULL ? gtk_list_item_get_position (list_item) : GTK_INVALID_LIST_POSITION;
  focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  /* On its place in the list, its ⋮ button or its menu (the Delete key
   * or the menu's Delete). */
  had_focus = focus != NULL && gtk_widget_get_parent (widget) != NULL &&
              (focus == gtk_widget_get_parent (widget) ||
               gtk_widget_is_ancestor (focus, gtk_widget_get_parent (widget)));
  g_object_ref (panel);
  if (!dossier_project_delete_argument (dossier_panel_get_project (panel),
                                        dossier_argument_get_id (argument), &error))
    dossier_panel_report_error (panel, _("Could not delete the argument"), error);
  else
    {
      /* The focus to the argument that takes its place, or the column's
       * add button: not where GTK would move it once the row is gone,
       * the next button it finds (the other column's). */
      if (had_focus && list != NULL && position != GTK_INVALID_LIST_POSITION &&
          DOSSIER_IS_ARGUMENTS_PANEL (panel))
        dossier_arguments_panel_focus_in_column (DOSSIER_ARGUMENTS_PANEL (panel), list, position);
      dossier_panel_show_toast (panel, _("Argument deleted"), TRUE);
      /* Undone, it takes back the focus the deletion moved on. */
      if (list != NULL)
        dossier_panel_focus_on_return (panel, list, argument);
    }
  g_object_unref (panel);
}

static void
cite_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[CITE_SELECTION], 0);
}

static void
toggle_evidence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DossierArgumentRow *self = DOSSIER_ARGUMENT_ROW (widget);

  dossier_argument_row_set_expanded (self, !dossier_argument_row_get_expanded (self));
}

/* An item of the menu showing @accel, its key on a focused argument. */
static void
append_with_key (GMenu      *section,
                 const char *label,
                 const char *action,
                 const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (section, item);
}

/* The row's menu, for its ⋮ button and DossierRow's (right click, Menu,
 * Shift+F10). It names the stakeholders of the moment, so it is made
 * when it opens. */
static GMenuModel *
create_menu (DossierRow *row)
{
  DossierArgumentRow *self = DOSSIER_ARGUMENT_ROW (row);
  DossierArgument *argument = dossier_row_get_item (row);
  DossierProject *project = row_project (self);
  GMenu *menu;
  g_autoptr(GMenu) first = NULL;
  g_autoptr(GMenu) order = NULL;
  g_autoptr(GMenu) last = NULL;
  g_autoptr(GMenu) strength = NULL;
  g_autoptr(GMenu) perspective = NULL;
  GListModel *stakeholders;

  if (argument == NULL || project == NULL)
    return NULL;

  menu = g_menu_new ();
  first = g_menu_new ();
  order = g_menu_new ();
  last = g_menu_new ();
  strength = g_menu_new ();
  perspective = g_menu_new ();
  g_menu_append (first, _("_Edit…"), "argument.edit");
  append_with_key (first, _("_Cite Selection"), "argument.cite", "<Control>e");
  append_with_key (first, dossier_argument_row_get_expanded (self) ? _("_Hide Evidence") : _("_Show Evidence"),
                   "argument.toggle-evidence", "Return");

  for (int s = DOSSIER_STRENGTH_MIN; s <= DOSSIER_STRENGTH_MAX; s++)
    {
      g_autofree char *label = g_strdup_printf ("%d", s);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "argument.strength", g_variant_new_int32 (s));
      g_menu_append_item (strength, item);
    }
  g_menu_append_submenu (first, _("S_trength"), G_MENU_MODEL (strength));

  {
    g_autoptr(GMenuItem) nobody = g_menu_item_new (_("Nobody in Particular"), NULL);

    g_menu_item_set_action_and_target_value (nobody, "argument.perspective", g_variant_new_int64 (0));
    g_menu_append_item (perspective, nobody);
  }
  stakeholders = dossier_project_get_stakeholders (project);
  for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (stakeholders, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (NULL, NULL);
      g_autofree char *name = dossier_shown_text (dossier_stakeholder_get_name (s));

      /* A name, not a mnemonic: underscores stay. */
      g_menu_item_set_attribute (item, "label", "s", name);
      g_menu_item_set_attribute (item, "use-markup", "b", FALSE);
      g_menu_item_set_action_and_target_value (item, "argument.perspective",
                                               g_variant_new_int64 (dossier_stakeholder_get_id (s)));
      g_menu_append_item (perspective, item);
    }
  g_menu_append_submenu (first, _("_Perspective"), G_MENU_MODEL (perspective));

  append_with_key (order, _("Move _Up"), "argument.move-up", "<Alt>Up");
  append_with_key (order, _("Move Do_wn"), "argument.move-down", "<Alt>Down");
  /* Letters no other item takes ("_Cite", "_Perspective", "_Delete"). */
  g_menu_append (order, dossier_argument_get_polarity (argument) == DOSSIER_POLARITY_PRO
                        ? _("Move to Co_ns") : _("Move to P_ros"),
                 "argument.switch-side");
  append_with_key (last, C_("row menu", "_Delete"), "argument.delete", "Delete");

  g_menu_append_section (menu, NULL, G_MENU_MODEL (first));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (last));
  return G_MENU_MODEL (menu);
}

static void
create_popup (GtkMenuButton *button,
              gpointer       data)
{
  g_autoptr(GMenuModel) menu = create_menu (DOSSIER_ROW (data));

  gtk_menu_button_set_menu_model (button, menu);
}

/* ---- layout ------------------------------------------------------------------- */

#define ROW_SPACING 4

/* The header, and below it the passages once unfolded: laid out here
 * rather than by a box because a grid view asks its rows for their width
 * at a given height, which a box passes on to its labels, and GtkLabel
 * answers by laying its text out at one width after another (most of
 * the captions' cost when the panel opened). A row's width does not
 * depend on its height: it is asked of the children for any height. */
static GtkSizeRequestMode
dossier_argument_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dossier_argument_row_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  /* A row's width does not depend on its height (see above). */
  dossier_measure_line (widget, GTK_ORIENTATION_VERTICAL, orientation,
                        orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1, ROW_SPACING, FALSE,
                        minimum, natural);
}

static void
dossier_argument_row_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_height, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
      y += child_height + ROW_SPACING;
    }

  /* The row's menu (DossierRow's) sized and placed anew, as a layout
   * manager does for its popovers: else it kept the size it was first
   * shown at, before its items had their style, and its last item was
   * cut off. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      gtk_popover_present (GTK_POPOVER (child));
}

/* ---- focus -------------------------------------------------------------------- */

/* Tab stops on the argument itself, its place in the list, as on a
 * stakeholder or a highlight card (Menu, Shift+F10 and the argument's keys
 * act there), then on its ⋮ button and its passages once unfolded;
 * Shift+Tab the other way, and from outside onto the argument. Past
 * them, the column is left (dossier-accessible's single Tab stop). GTK 4.8's list item gives the focus to the
 * first child that takes it, and never takes it itself while one does. */
static gboolean
dossier_argument_row_focus (GtkWidget        *widget,
                            GtkDirectionType  direction)
{
  GtkWidget *item = gtk_widget_get_parent (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean on_item = focus != NULL && focus == item;
  gboolean within = focus != NULL && gtk_widget_is_ancestor (focus, widget);

  if (item == NULL || !gtk_widget_get_focusable (item) ||
      (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD))
    return GTK_WIDGET_CLASS (dossier_argument_row_parent_class)->focus (widget, direction);

  if (direction == GTK_DIR_TAB_FORWARD)
    {
      if (!on_item && !within)
        return gtk_widget_grab_focus (item);
      return GTK_WIDGET_CLASS (dossier_argument_row_parent_class)->focus (widget, direction);
    }

  /* From outside the row (Shift+Tab back into the column), on the
   * argument too, not on its last button. */
  if (on_item)
    return FALSE;
  if (within && GTK_WIDGET_CLASS (dossier_argument_row_parent_class)->focus (widget, direction))
    return TRUE;
  return gtk_widget_grab_focus (item);
}

/* ---- GObject ------------------------------------------------------------------- */

/* The perspective's name comes from the panel's project: known once the
 * row is in the panel. */
static void
dossier_argument_row_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (dossier_argument_row_parent_class)->root (widget);
  update (DOSSIER_ROW (widget));
}

static void
dossier_argument_row_finalize (GObject *object)
{
  DossierArgumentRow *self = DOSSIER_ARGUMENT_ROW (object);

  g_clear_object (&self->strength_action);
  g_clear_object (&self->perspective_action);

  G_OBJECT_CLASS (dossier_argument_row_parent_class)->finalize (object);
}

static void
dossier_argument_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierArgumentRow *self = DOSSIER_ARGUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      g_value_set_boolean (value, dossier_argument_row_get_expanded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_argument_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierArgumentRow *self = DOSSIER_ARGUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      dossier_argument_row_set_expanded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_argument_row_class_init (DossierArgumentRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dossier_argument_row_finalize;
  G_OBJECT_CLASS (klass)->get_property = dossier_argument_row_get_property;
  G_OBJECT_CLASS (klass)->set_property = dossier_argument_row_set_property;
  widget_class->root = dossier_argument_row_root;
  widget_class->get_request_mode = dossier_argument_row_get_request_mode;
  widget_class->measure = dossier_argument_row_measure;
  widget_class->size_allocate = dossier_argument_row_size_allocate;
  widget_class->focus = dossier_argument_row_focus;
  DOSSIER_ROW_CLASS (klass)->item_changed = item_changed;
  DOSSIER_ROW_CLASS (klass)->create_menu = create_menu;

  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  signals[HIGHLIGHT_ACTIVATED] =
    g_signal_new ("highlight-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[HIGHLIGHT_DROPPED] =
    g_signal_new ("highlight-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_HIGHLIGHT);
  signals[CITE_SELECTION] =
    g_signal_new ("cite-selection", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "argument.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "argument.cite", NULL, cite_action);
  gtk_widget_class_install_action (widget_class, "argument.toggle-evidence", NULL, toggle_evidence_action);
  gtk_widget_class_install_action (widget_class, "argument.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "argument.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "argument.switch-side", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "argument.delete", NULL, delete_action);
  /* The keys a keyboard user reaches for on a focused argument. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "argument.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "argument.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "argument.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "argument.cite", NULL);

  dossier_row_class_set_item_type (DOSSIER_ROW_CLASS (klass), DOSSIER_TYPE_ARGUMENT);

  g_type_ensure (DOSSIER_TYPE_HIGHLIGHT_CARD);
}

/* ---- building ------------------------------------------------------------------ */

/* The chevron, the statement over its details (the weakness flag joins
 * them when first needed: ensure_flag) and the menu. Built in code, not
 * from a template: a grid view makes some thirty rows per column each
 * time the panel opens, and GtkBuilder's generic making of each widget
 * and property was most of a row's cost. */
static void
build_header (DossierArgumentRow *self)
{
  GtkWidget *expander = gtk_image_new_from_icon_name ("pan-end-symbolic");
  GtkWidget *statement = dossier_wrap_label_new (NULL);
  GtkWidget *details = dossier_wrap_label_new (NULL);
  GtkWidget *menu_button = gtk_menu_button_new ();

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (self->header, "argument-header");

  gtk_widget_set_valign (expander, GTK_ALIGN_START);
  gtk_widget_set_margin_top (expander, 2);
  gtk_widget_add_css_class (expander, "dim-label");
  gtk_widget_add_css_class (expander, "argument-expander");
  gtk_box_append (GTK_BOX (self->header), expander);

  self->text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (self->text_box, TRUE);
  gtk_widget_add_css_class (statement, "argument-statement");
  gtk_box_append (GTK_BOX (self->text_box), statement);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "argument-details");
  gtk_box_append (GTK_BOX (self->text_box), details);
  gtk_box_append (GTK_BOX (self->header), self->text_box);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_START);
  dossier_set_tooltip_unshown (menu_button, _("Argument Menu"));
  /* Its menu is made anew each time it opens (create_popup): the tooltip
   * is held off whichever it is. */
  dossier_hold_menu_tooltips (menu_button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Argument Menu"), -1);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_box_append (GTK_BOX (self->header), menu_button);

  self->expander = GTK_IMAGE (expander);
  self->statement = DOSSIER_WRAP_LABEL (statement);
  self->details = DOSSIER_WRAP_LABEL (details);
  self->menu_button = GTK_MENU_BUTTON (menu_button);
  gtk_widget_add_css_class (GTK_WIDGET (self), "argument-row");
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));
}

/* ---- drops --------------------------------------------------------------------- */

/* A highlight card (its DossierHighlight) or the reader's selection (GTK's
 * text drag carries the buffer, whose selection the panel knows as the
 * reader's) dropped on the row cites it. */
static gboolean
on_drop (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         DossierArgumentRow *self)
{
  if (dossier_row_get_item (DOSSIER_ROW (self)) == NULL)
    return FALSE;
  if (G_VALUE_HOLDS (value, DOSSIER_TYPE_HIGHLIGHT) && g_value_get_object (value) != NULL)
    g_signal_emit (self, signals[HIGHLIGHT_DROPPED], 0, g_value_get_object (value));
  else if (G_VALUE_HOLDS (value, GTK_TYPE_TEXT_BUFFER))
    g_signal_emit (self, signals[CITE_SELECTION], 0);
  else
    return FALSE;
  return TRUE;
}

static void
dossier_argument_row_init (DossierArgumentRow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GtkGesture *click = gtk_gesture_click_new ();

  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

    self->strength_action = g_simple_action_new_stateful ("strength", G_VARIANT_TYPE_INT32,
                                                          g_variant_new_int32 (DOSSIER_STRENGTH_DEFAULT));
    self->perspective_action = g_simple_action_new_stateful ("perspective", G_VARIANT_TYPE_INT64,
                                                             g_variant_new_int64 (0));
    g_signal_connect_object (self->strength_action, "activate", G_CALLBACK (change_action), self, 0);
    g_signal_connect_object (self->perspective_action, "activate", G_CALLBACK (change_action), self, 0);
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->strength_action));
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->perspective_action));
    /* Beside the class's "argument." actions: GTK looks those up first. */
    gtk_widget_insert_action_group (GTK_WIDGET (self), "argument", G_ACTION_GROUP (group));
  }

  /* Laid out by its own measure and size_allocate, not DossierRow's bin. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  build_header (self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (header_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (header_released), self);
  gtk_widget_add_controller (self->header, GTK_EVENT_CONTROLLER (click));

  gtk_drop_target_set_gtypes (drop, (GType[]) { DOSSIER_TYPE_HIGHLIGHT, GTK_TYPE_TEXT_BUFFER }, 2);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup, self, NULL);
  dossier_row_connect_item (DOSSIER_ROW (self), "notify", G_CALLBACK (update));
}

GtkWidget *
dossier_argument_row_new (DossierArgument *argument)
{
  return g_object_new (DOSSIER_TYPE_ARGUMENT_ROW, "item", argument, NULL);
}
