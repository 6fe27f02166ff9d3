/* dossier-tag-choose-dialog.c — one tag picked from the others. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-tag-choose-dialog.h"

struct _DossierTagChooseDialog
{
  AdwMessageDialog      parent_instance;

  DossierTagChooseKind  kind;
  gint64                tag_id;
  GArray               *ids;        /* gint64, one per listed name */

  /* template */
  GtkDropDown          *drop_down;
  GtkStringList        *names;
};

G_DEFINE_FINAL_TYPE (DossierTagChooseDialog, dossier_tag_choose_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
list (DossierTagChooseDialog *self,
      const char             *name,
      gint64                  id)
{
  gtk_string_list_append (self->names, name);
  g_array_append_val (self->ids, id);
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
  gboolean move = kind == DOSSIER_TAG_CHOOSE_MOVE;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), NULL);
  g_return_val_if_fail (DOSSIER_IS_TAG (tag), NULL);

  if (move)
    heading = g_strdup_printf (_("Move “%s” To"), dossier_tag_get_name (tag));
  else
    heading = g_strdup_printf (_("Merge “%s” Into"), dossier_tag_get_name (tag));

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
    list (self, _("Top Level"), 0);
  tags = dossier_project_get_tags (project);
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(DossierTag) other = g_list_model_get_item (tags, i);

      /* A tag can go neither under nor into itself or its own subtags. */
      if (!dossier_project_tag_is_within (project, dossier_tag_get_id (other), self->tag_id))
        list (self, dossier_tag_get_path (other), dossier_tag_get_id (other));
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
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}
