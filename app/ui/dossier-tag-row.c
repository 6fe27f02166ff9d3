/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag-row.c — a tag in the codebook.
 *
 * The tag's name, colour, count, depth and description are bound to the
 * row for as long as it shows the tag, so a rename or recolour in the core
 * shows at once. The codebook puts the row in a GtkTreeExpander, which
 * draws the indent and the arrow. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-tag-chip.h"
#include "dossier-tag-row.h"
#include "dossier-ui-utils.h"

struct _DossierTagRow
{
  DossierRow     parent_instance;

  guint          slot;
  gboolean       expandable;
  gboolean       expanded;

  /* template */
  GtkWidget     *swatch;
  GtkLabel      *name;
  GtkLabel      *count;
  GtkLabel      *slot_label;
};

G_DEFINE_FINAL_TYPE (DossierTagRow, dossier_tag_row, DOSSIER_TYPE_ROW)

static void
update_accessible (DossierTagRow *self)
{
  DossierTag *tag = dossier_row_get_item (DOSSIER_ROW (self));
  g_autofree char *description = NULL;

  if (tag == NULL)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LEVEL,
                                  (int) dossier_tag_get_depth (tag) + 1, -1);
  /* GTK 4.8 does not pass the row's level on to AT-SPI: it is said. */
  if (self->slot > 0)
    description = g_strdup_printf (_("Level %u, key %u"), dossier_tag_get_depth (tag) + 1, self->slot);
  else
    description = g_strdup_printf (_("Level %u"), dossier_tag_get_depth (tag) + 1);
  dossier_row_set_accessible (DOSSIER_ROW (self), dossier_tag_get_name (tag), description);
}

/* The list's row around the row (what takes the focus, and what a screen
 * reader announces), through the expander; NULL if none. */
static GtkWidget *
focus_row (DossierTagRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  for (guint i = 0; i < 2 && (widget = gtk_widget_get_parent (widget)) != NULL; i++)
    if (g_str_equal (gtk_widget_get_css_name (widget), "row"))
      return widget;

  return NULL;
}

/* Expandable and expanded: said on the row and on the list's row. */
static void
update_expander (DossierTagRow *self)
{
  GtkAccessible *targets[] = { GTK_ACCESSIBLE (self), (GtkAccessible *) focus_row (self) };

  for (guint i = 0; i < G_N_ELEMENTS (targets) && targets[i] != NULL; i++)
    if (self->expandable)
      gtk_accessible_update_state (targets[i], GTK_ACCESSIBLE_STATE_EXPANDED, self->expanded, -1);
    else
      gtk_accessible_reset_state (targets[i], GTK_ACCESSIBLE_STATE_EXPANDED);
}

static void
update_slot (DossierTagRow *self)
{
  DossierTag *tag = dossier_row_get_item (DOSSIER_ROW (self));
  gboolean pinned = self->slot > 0 && tag != NULL && dossier_tag_get_key (tag) == (int) self->slot;

  if (self->slot > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", self->slot);
      g_autofree char *tip = NULL;

      if (pinned)
        tip = g_strdup_printf (_("Press %d to tag the selection with this tag. The tag keeps "
                                 "this key when the codebook changes."), (int) self->slot);
      else
        tip = g_strdup_printf (_("Press %d to tag the selection with this tag. Pin a key "
                                 "from the tag’s menu to keep it."), (int) self->slot);

      gtk_label_set_text (self->slot_label, text);
      dossier_set_tooltip (GTK_WIDGET (self->slot_label), tip);
      gtk_widget_add_css_class (GTK_WIDGET (self->slot_label), "has-slot");
    }
  else
    {
      gtk_label_set_text (self->slot_label, "");
      dossier_set_tooltip (GTK_WIDGET (self->slot_label), NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->slot_label), "has-slot");
    }

  if (pinned)
    gtk_widget_add_css_class (GTK_WIDGET (self->slot_label), "pinned");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->slot_label), "pinned");
  update_accessible (self);
}

/* The tag moved under another parent without moving in tree order, or
 * its key changed: the codebook's tree (which tags have children) or its
 * keys changed all the same. */
static void
parent_changed_cb (DossierTagRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "codebook.refresh", NULL);
}

static void
key_changed_cb (DossierTagRow *self)
{
  update_slot (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "codebook.refresh", NULL);
}

/* The tag's description is the row's tooltip: set here, not bound, for
 * dossier_set_tooltip (). */
static void
update_description (DossierTagRow *self)
{
  DossierTag *tag = dossier_row_get_item (DOSSIER_ROW (self));

  dossier_set_tooltip (GTK_WIDGET (self), tag != NULL ? dossier_tag_get_description (tag) : NULL);
}

static void
dossier_tag_row_item_changed (DossierRow *row)
{
  DossierTagRow *self = DOSSIER_TAG_ROW (row);

  if (dossier_row_get_item (row) == NULL)
    self->expandable = self->expanded = FALSE;
  update_slot (self);
  update_description (self);
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
dossier_tag_row_class_init (DossierTagRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  DOSSIER_ROW_CLASS (klass)->item_changed = dossier_tag_row_item_changed;
  g_type_ensure (DOSSIER_TYPE_TAG_CHIP);
  dossier_row_class_set_template (DOSSIER_ROW_CLASS (klass), DOSSIER_TYPE_TAG,
                                  "/org/dossier/Dossier/ui/dossier-tag-row.ui");
  /* A row of the codebook's tree grid, with its level and expanded state. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW);
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
  /* Here rather than in the template: see dossier_set_tooltip_unshown(). */
  dossier_set_tooltip_unshown (GTK_WIDGET (self->count), _("Highlights with this tag"));

  dossier_row_bind_item (DOSSIER_ROW (self), "name", self->name, "label", dossier_shown_transform);
  dossier_row_bind_item (DOSSIER_ROW (self), "name", self->swatch, "tag-name", NULL);
  dossier_row_bind_item (DOSSIER_ROW (self), "color", self->swatch, "color", NULL);
  dossier_row_bind_item (DOSSIER_ROW (self), "n-highlights", self->count, "label", NULL);
  dossier_row_connect_item (DOSSIER_ROW (self), "notify::description", G_CALLBACK (update_description));
  dossier_row_connect_item (DOSSIER_ROW (self), "notify::parent-id", G_CALLBACK (parent_changed_cb));
  dossier_row_connect_item (DOSSIER_ROW (self), "notify::key", G_CALLBACK (key_changed_cb));
  dossier_row_connect_item (DOSSIER_ROW (self), "notify::name", G_CALLBACK (update_accessible));
  dossier_row_connect_item (DOSSIER_ROW (self), "notify::depth", G_CALLBACK (update_accessible));

  update_slot (self);
}
