/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag-choose-dialog.c — one tag picked from the others. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-tag-chip.h"
#include "dossier-tag-choose-dialog.h"
#include "dossier-ui-utils.h"

struct _DossierTagChooseDialog
{
  AdwMessageDialog      parent_instance;

  DossierTagChooseKind  kind;
  gint64                tag_id;
  GArray               *ids;        /* gint64, one per listed name */
  GPtrArray            *colors;     /* "#rrggbb", or NULL for the top level */

  /* template */
  GtkDropDown          *drop_down;
  GtkStringList        *names;
};

G_DEFINE_FINAL_TYPE (DossierTagChooseDialog, dossier_tag_choose_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
list (DossierTagChooseDialog *self,
      const char             *name,
      gint64                  id,
      const char             *color)
{
  /* The name last: the drop-down shows it at once, colour and all. */
  g_array_append_val (self->ids, id);
  g_ptr_array_add (self->colors, g_strdup (color));
  gtk_string_list_append (self->names, name);
}

/* Each choice with its tag's colour dot, in the list and on the button:
 * a swatch, then the name. */
static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              DossierTagChooseDialog   *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_box_append (GTK_BOX (box), dossier_tag_chip_new_swatch (NULL, NULL));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             DossierTagChooseDialog   *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *swatch = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (swatch);
  guint position = gtk_list_item_get_position (item);
  const char *name = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const char *color = position < self->colors->len ? g_ptr_array_index (self->colors, position) : NULL;

  dossier_label_set_shown (GTK_LABEL (label), name);
  dossier_tag_chip_set_tag_name (DOSSIER_TAG_CHIP (swatch), name);
  dossier_tag_chip_set_color (DOSSIER_TAG_CHIP (swatch), color);
  /* "Top Level" has no colour; its place is kept, so names line up. */
  gtk_widget_set_opacity (swatch, color != NULL ? 1.0 : 0.0);
}

GtkWidget *
dossier_tag_choose_dialog_new (GtkWindow            *parent,
                               DossierProject       *project,
                               DossierTag           *tag,
                               DossierTagChooseKind  kind)
{
  DossierTagChooseDialog *self;
  GListModel *tags;
  g_autofree char *heading = NULL;
  g_autofree char *name = NULL;
  gboolean move = kind == DOSSIER_TAG_CHOOSE_MOVE;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), NULL);
  g_return_val_if_fail (DOSSIER_IS_TAG (tag), NULL);

  name = dossier_shown_text (dossier_tag_get_name (tag));
  if (move)
    heading = g_strdup_printf (_("Move “%s” To"), name);
  else
    heading = g_strdup_printf (_("Merge “%s” Into"), name);

  self = g_object_new (DOSSIER_TYPE_TAG_CHOOSE_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", move
                               ? _("The tag and its subtags move under the tag you choose.")
                               : _("Its highlights get the tag you choose, its subtags move there, and it is deleted."),
                       NULL);
  self->kind = kind;
  self->tag_id = dossier_tag_get_id (tag);

  if (move)
    list (self, _("Top Level"), 0, NULL);
  tags = dossier_project_get_tags (project);
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(DossierTag) other = g_list_model_get_item (tags, i);

      /* A tag can go neither under nor into itself or its own subtags. */
      if (!dossier_project_tag_is_within (project, dossier_tag_get_id (other), self->tag_id))
        list (self, dossier_tag_get_path (other), dossier_tag_get_id (other),
              dossier_tag_get_color (other));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  move ? _("New parent") : _("Tag to merge into"),
                                  -1);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "ok",
                                         move ? _("_Move") : _("_Merge"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "ok",
                                              move ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "ok", self->ids->len > 0);

  return GTK_WIDGET (self);
}

DossierTagChooseKind
dossier_tag_choose_dialog_get_kind (DossierTagChooseDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_CHOOSE_DIALOG (self), DOSSIER_TAG_CHOOSE_MOVE);

  return self->kind;
}

gint64
dossier_tag_choose_dialog_get_tag_id (DossierTagChooseDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_CHOOSE_DIALOG (self), 0);

  return self->tag_id;
}

gint64
dossier_tag_choose_dialog_get_chosen (DossierTagChooseDialog *self)
{
  guint selected;

  g_return_val_if_fail (DOSSIER_IS_TAG_CHOOSE_DIALOG (self), -1);

  selected = gtk_drop_down_get_selected (self->drop_down);
  return selected < self->ids->len ? g_array_index (self->ids, gint64, selected) : -1;
}

static void
dossier_tag_choose_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOSSIER_TYPE_TAG_CHOOSE_DIALOG);

  G_OBJECT_CLASS (dossier_tag_choose_dialog_parent_class)->dispose (object);
}

static void
dossier_tag_choose_dialog_finalize (GObject *object)
{
  DossierTagChooseDialog *self = DOSSIER_TAG_CHOOSE_DIALOG (object);

  g_array_unref (self->ids);
  g_ptr_array_unref (self->colors);

  G_OBJECT_CLASS (dossier_tag_choose_dialog_parent_class)->finalize (object);
}

static void
dossier_tag_choose_dialog_class_init (DossierTagChooseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_tag_choose_dialog_dispose;
  object_class->finalize = dossier_tag_choose_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-tag-choose-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTagChooseDialog, drop_down);
  gtk_widget_class_bind_template_child (widget_class, DossierTagChooseDialog, names);
}

static void
dossier_tag_choose_dialog_init (DossierTagChooseDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->colors = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), self);
  gtk_drop_down_set_factory (self->drop_down, factory);
}
