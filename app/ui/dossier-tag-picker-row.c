/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag-picker-row.c — a tag in the tag picker. Bound to the live
 * tag: a rename or recolour shows at once. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-tag-chip.h"
#include "dossier-tag-picker-row.h"
#include "dossier-ui-utils.h"

struct _DossierTagPickerRow
{
  DossierRow     parent_instance;

  /* template */
  GtkWidget     *swatch;
  GtkLabel      *name;
  GtkLabel      *path;
  GtkWidget     *check;

  gboolean       applied;
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
  g_autofree char *joined = NULL;
  g_auto(GStrv) parts = NULL;

  if (slash == NULL)
    {
      g_value_set_string (to, "");
      return TRUE;
    }

  parent = g_strndup (path, slash - path);
  parts = g_strsplit (parent, "/", -1);
  joined = g_strjoinv (" › ", parts);
  g_value_take_string (to, dossier_shown_text (joined));
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
update (DossierRow *row)
{
  DossierTag *tag = dossier_row_get_item (row);

  /* The path: it tells two tags of the same name apart. */
  dossier_row_set_accessible (DOSSIER_ROW (row), tag ? dossier_tag_get_path (tag) : "",
                              DOSSIER_TAG_PICKER_ROW (row)->applied ? _("Applied") : NULL);
}

void
dossier_tag_picker_row_set_applied (DossierTagPickerRow *self,
                                    gboolean             applied)
{
  g_return_if_fail (DOSSIER_IS_TAG_PICKER_ROW (self));

  applied = !!applied;
  if (self->applied == applied)
    return;

  self->applied = applied;
  gtk_widget_set_visible (self->check, applied);
  update (DOSSIER_ROW (self));
}

gboolean
dossier_tag_picker_row_get_applied (DossierTagPickerRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_PICKER_ROW (self), FALSE);

  return self->applied;
}

static void
dossier_tag_picker_row_class_init (DossierTagPickerRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  DOSSIER_ROW_CLASS (klass)->item_changed = update;
  g_type_ensure (DOSSIER_TYPE_TAG_CHIP);
  dossier_row_class_set_template (DOSSIER_ROW_CLASS (klass), DOSSIER_TYPE_TAG,
                                  "/org/dossier/Dossier/ui/dossier-tag-picker-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTagPickerRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, DossierTagPickerRow, name);
  gtk_widget_class_bind_template_child (widget_class, DossierTagPickerRow, path);
  gtk_widget_class_bind_template_child (widget_class, DossierTagPickerRow, check);
}

static void
dossier_tag_picker_row_init (DossierTagPickerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  dossier_row_bind_item (DOSSIER_ROW (self), "name", self->swatch, "tag-name", NULL);
  dossier_row_bind_item (DOSSIER_ROW (self), "color", self->swatch, "color", NULL);
  dossier_row_bind_item (DOSSIER_ROW (self), "name", self->name, "label", dossier_shown_transform);
  dossier_row_bind_item (DOSSIER_ROW (self), "path", self->path, "label", parent_path);
  dossier_row_bind_item (DOSSIER_ROW (self), "depth", self->path, "visible", nested);
  dossier_row_bind_item (DOSSIER_ROW (self), "path", self, "tooltip-text", dossier_shown_transform);
  dossier_row_connect_item (DOSSIER_ROW (self), "notify::path", G_CALLBACK (update));
}
