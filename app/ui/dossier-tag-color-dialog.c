/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag-color-dialog.c — choosing a tag's colour.
 *
 * A GtkColorChooserWidget in a message dialog (GtkColorDialog is GTK 4.10),
 * offering the palette the core gives new tags (dossier-project-tags.c),
 * so that chosen and automatic colours match; its "+" opens the editor for
 * any other colour. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-tag-color-dialog.h"
#include "dossier-ui-utils.h"

static const char * const palette[] = {
  "#3584e4", "#e66100", "#2ec27e", "#c061cb", "#f5c211", "#e01b24",
  "#14a3a3", "#986a44", "#7b61ff", "#8cc63f", "#e64ca0", "#4dabf7",
};

struct _DossierTagColorDialog
{
  AdwMessageDialog  parent_instance;

  gint64            tag_id;

  /* template */
  GtkColorChooser  *chooser;
};

G_DEFINE_FINAL_TYPE (DossierTagColorDialog, dossier_tag_color_dialog, ADW_TYPE_MESSAGE_DIALOG)

GtkWidget *
dossier_tag_color_dialog_new (GtkWindow  *parent,
                              DossierTag *tag)
{
  DossierTagColorDialog *self;
  g_autofree char *heading = NULL;
  g_autofree char *name = NULL;
  GdkRGBA current;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DOSSIER_IS_TAG (tag), NULL);

  name = dossier_shown_text (dossier_tag_get_name (tag));
  heading = g_strdup_printf (_("Colour of “%s”"), name);
  self = g_object_new (DOSSIER_TYPE_TAG_COLOR_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       NULL);
  self->tag_id = dossier_tag_get_id (tag);
  if (gdk_rgba_parse (&current, dossier_tag_get_color (tag)))
    gtk_color_chooser_set_rgba (self->chooser, &current);

  return GTK_WIDGET (self);
}

gint64
dossier_tag_color_dialog_get_tag_id (DossierTagColorDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_COLOR_DIALOG (self), 0);

  return self->tag_id;
}

char *
dossier_tag_color_dialog_get_color (DossierTagColorDialog *self)
{
  GdkRGBA rgba;

  g_return_val_if_fail (DOSSIER_IS_TAG_COLOR_DIALOG (self), NULL);

  gtk_color_chooser_get_rgba (self->chooser, &rgba);
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) (CLAMP (rgba.red, 0., 1.) * 255 + .5),
                          (guint) (CLAMP (rgba.green, 0., 1.) * 255 + .5),
                          (guint) (CLAMP (rgba.blue, 0., 1.) * 255 + .5));
}

static void
dossier_tag_color_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOSSIER_TYPE_TAG_COLOR_DIALOG);

  G_OBJECT_CLASS (dossier_tag_color_dialog_parent_class)->dispose (object);
}

static void
dossier_tag_color_dialog_class_init (DossierTagColorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_tag_color_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-tag-color-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTagColorDialog, chooser);
}

static void
dossier_tag_color_dialog_init (DossierTagColorDialog *self)
{
  GdkRGBA colors[G_N_ELEMENTS (palette)];

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The first palette added replaces GTK's own. */
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    gdk_rgba_parse (&colors[i], palette[i]);
  /* Four to a line: six (48 px swatches) made the dialog 368 px wide,
   * more than a phone's screen. */
  gtk_color_chooser_add_palette (self->chooser, GTK_ORIENTATION_HORIZONTAL,
                                 4, G_N_ELEMENTS (colors), colors);
}
