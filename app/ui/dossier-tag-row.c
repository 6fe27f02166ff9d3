/* dossier-tag-row.c — a tag in the codebook.
 *
 * The tag's name, colour, count, depth and description are bound to the
 * row with a GBindingGroup, so a rename or recolour in the core shows at
 * once and a recycled row lets go of the tag it showed before. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-tag-chip.h"
#include "dossier-tag-row.h"

#define INDENT_PX 14

struct _DossierTagRow
{
  DossierRow     parent_instance;

  GBindingGroup *bindings;
  GSignalGroup  *tag_signals;
  guint          slot;
  gboolean       expandable;
  gboolean       expanded;

  /* template */
  GtkWidget     *expander;
  GtkWidget     *swatch;
  GtkLabel      *name;
  GtkLabel      *count;
  GtkLabel      *slot_label;
};

G_DEFINE_FINAL_TYPE (DossierTagRow, dossier_tag_row, DOSSIER_TYPE_ROW)

static gboolean
depth_to_margin (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_value_set_int (to, (int) g_value_get_uint (from) * INDENT_PX);
  return TRUE;
}

static void
update_accessible (DossierTagRow *self)
{
  DossierTag *tag = dossier_tag_row_get_tag (self);

  if (tag != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, dossier_tag_get_name (tag),
                                    -1);
}

static void
update_expander (DossierTagRow *self)
{
  const char *label = self->expanded ? _("Collapse") : _("Expand");

  gtk_widget_set_opacity (self->expander, self->expandable ? 1.0 : 0.0);
  gtk_widget_set_can_target (self->expander, self->expandable);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->expander),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !self->expandable,
                               -1);
  gtk_button_set_icon_name (GTK_BUTTON (self->expander),
                            self->expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_widget_set_tooltip_text (self->expander, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (self->expandable)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                                 GTK_ACCESSIBLE_STATE_EXPANDED, self->expanded,
                                 -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED);
}

static void
update_slot (DossierTagRow *self)
{
  if (self->slot > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", self->slot);
      g_autofree char *tip = g_strdup_printf (_("Press %d to tag the selection with this tag"),
                                              (int) self->slot);

      gtk_label_set_text (self->slot_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->slot_label), tip);
      gtk_widget_add_css_class (GTK_WIDGET (self->slot_label), "has-slot");
    }
  else
    {
      gtk_label_set_text (self->slot_label, "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->slot_label), NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->slot_label), "has-slot");
    }
}

/* The tag moved under another parent without moving in tree order: the
 * codebook's tree (which tags have children) changed all the same. */
static void
parent_changed_cb (DossierTagRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "codebook.refresh", NULL);
}

static void
dossier_tag_row_item_changed (DossierRow *row)
{
  DossierTagRow *self = DOSSIER_TAG_ROW (row);
  DossierTag *tag = dossier_tag_row_get_tag (self);

  g_binding_group_set_source (self->bindings, tag);
  g_signal_group_set_target (self->tag_signals, tag);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->expander),
                                          g_variant_new_int64 (tag ? dossier_tag_get_id (tag) : 0));
  update_accessible (self);
}

DossierTag *
dossier_tag_row_get_tag (DossierTagRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_ROW (self), NULL);

  return dossier_row_get_item (DOSSIER_ROW (self));
}

void
dossier_tag_row_set_slot (DossierTagRow *self,
                          guint          slot)
{
  g_return_if_fail (DOSSIER_IS_TAG_ROW (self));

  if (self->slot == slot)
    return;

  self->slot = slot;
  update_slot (self);
}

void
dossier_tag_row_set_expander (DossierTagRow *self,
                              gboolean       expandable,
                              gboolean       expanded)
{
  g_return_if_fail (DOSSIER_IS_TAG_ROW (self));

  expandable = !!expandable;
  expanded = !!expanded;
  if (self->expandable == expandable && self->expanded == expanded)
    return;

  self->expandable = expandable;
  self->expanded = expanded;
  update_expander (self);
}

static void
dossier_tag_row_dispose (GObject *object)
{
  DossierTagRow *self = DOSSIER_TAG_ROW (object);

  g_clear_object (&self->bindings);
  g_clear_object (&self->tag_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_TAG_ROW);

  G_OBJECT_CLASS (dossier_tag_row_parent_class)->dispose (object);
}

static void
dossier_tag_row_class_init (DossierTagRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DossierRowClass *row_class = DOSSIER_ROW_CLASS (klass);

  object_class->dispose = dossier_tag_row_dispose;
  row_class->item_changed = dossier_tag_row_item_changed;
  dossier_row_class_set_item_type (row_class, DOSSIER_TYPE_TAG);

  g_type_ensure (DOSSIER_TYPE_TAG_CHIP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-tag-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTagRow, expander);
  gtk_widget_class_bind_template_child (widget_class, DossierTagRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, DossierTagRow, name);
  gtk_widget_class_bind_template_child (widget_class, DossierTagRow, count);
  gtk_widget_class_bind_template_child_full (widget_class, "slot", FALSE,
                                             G_STRUCT_OFFSET (DossierTagRow, slot_label));
}

static void
dossier_tag_row_init (DossierTagRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The target first: the action takes a tag id. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->expander), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->expander), "codebook.toggle-expanded");

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "name", self->name, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "name", self->swatch, "tag-name", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "color", self->swatch, "color", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "n-highlights", self->count, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "description", self, "tooltip-text", G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "depth", self, "margin-start", G_BINDING_SYNC_CREATE,
                             depth_to_margin, NULL, NULL, NULL);

  self->tag_signals = g_signal_group_new (DOSSIER_TYPE_TAG);
  g_signal_group_connect_object (self->tag_signals, "notify::parent-id",
                                 G_CALLBACK (parent_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->tag_signals, "notify::name",
                                 G_CALLBACK (update_accessible), self, G_CONNECT_SWAPPED);

  update_expander (self);
  update_slot (self);
}

GtkWidget *
dossier_tag_row_new (void)
{
  return g_object_new (DOSSIER_TYPE_TAG_ROW, NULL);
}
