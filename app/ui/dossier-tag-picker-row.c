/* dossier-tag-picker-row.c — a tag in the tag picker. Bound to the live
 * tag with a GBindingGroup: a rename or recolour shows at once. */

#include "config.h"

#include <string.h>

#include "dossier-tag-chip.h"
#include "dossier-tag-picker-row.h"

struct _DossierTagPickerRow
{
  DossierRow     parent_instance;

  GBindingGroup *bindings;

  /* template */
  GtkWidget     *swatch;
  GtkLabel      *name;
  GtkLabel      *path;
};

G_DEFINE_FINAL_TYPE (DossierTagPickerRow, dossier_tag_picker_row, DOSSIER_TYPE_ROW)

/* "Stakeholders/Groups/Traders" → "Stakeholders › Groups": where the tag
 * sits, shown under its name. */
static gboolean
parent_path (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      user_data)
{
  const char *path = g_value_get_string (from);
  const char *slash = path ? strrchr (path, '/') : NULL;
  g_autofree char *parent = NULL;
  g_auto(GStrv) parts = NULL;

  if (slash == NULL)
    {
      g_value_set_string (to, "");
      return TRUE;
    }

  parent = g_strndup (path, slash - path);
  parts = g_strsplit (parent, "/", -1);
  g_value_take_string (to, g_strjoinv (" › ", parts));
  return TRUE;
}

static gboolean
nested (GBinding     *binding,
        const GValue *from,
        GValue       *to,
        gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_uint (from) > 0);
  return TRUE;
}

static void
update (DossierTagPickerRow *self)
{
  DossierTag *tag = dossier_tag_picker_row_get_tag (self);

  /* The path: it tells two tags of the same name apart. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tag ? dossier_tag_get_path (tag) : "",
                                  -1);
}

static void
dossier_tag_picker_row_item_changed (DossierRow *row)
{
  DossierTagPickerRow *self = DOSSIER_TAG_PICKER_ROW (row);

  g_binding_group_set_source (self->bindings, dossier_row_get_item (row));
  update (self);
}

DossierTag *
dossier_tag_picker_row_get_tag (DossierTagPickerRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_PICKER_ROW (self), NULL);

  return dossier_row_get_item (DOSSIER_ROW (self));
}

static void
dossier_tag_picker_row_dispose (GObject *object)
{
  DossierTagPickerRow *self = DOSSIER_TAG_PICKER_ROW (object);

  g_clear_object (&self->bindings);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_TAG_PICKER_ROW);

  G_OBJECT_CLASS (dossier_tag_picker_row_parent_class)->dispose (object);
}

static void
dossier_tag_picker_row_class_init (DossierTagPickerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DossierRowClass *row_class = DOSSIER_ROW_CLASS (klass);

  object_class->dispose = dossier_tag_picker_row_dispose;
  row_class->item_changed = dossier_tag_picker_row_item_changed;
  dossier_row_class_set_item_type (row_class, DOSSIER_TYPE_TAG);

  g_type_ensure (DOSSIER_TYPE_TAG_CHIP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-tag-picker-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTagPickerRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, DossierTagPickerRow, name);
  gtk_widget_class_bind_template_child (widget_class, DossierTagPickerRow, path);
}

static void
dossier_tag_picker_row_init (DossierTagPickerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "name", self->swatch, "tag-name", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "color", self->swatch, "color", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "name", self->name, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "path", self->path, "label", G_BINDING_SYNC_CREATE,
                             parent_path, NULL, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "depth", self->path, "visible", G_BINDING_SYNC_CREATE,
                             nested, NULL, NULL, NULL);
  g_binding_group_bind (self->bindings, "path", self, "tooltip-text", G_BINDING_SYNC_CREATE);
}

GtkWidget *
dossier_tag_picker_row_new (DossierTag *tag)
{
  return g_object_new (DOSSIER_TYPE_TAG_PICKER_ROW, "item", tag, NULL);
}
