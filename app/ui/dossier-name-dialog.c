/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-name-dialog.c — asking for a name, checked as it is typed. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-name-dialog.h"
#include "dossier-ui-utils.h"

struct _DossierNameDialog
{
  AdwMessageDialog  parent_instance;

  DossierNameCheck  check;
  gpointer          check_data;
  GDestroyNotify    check_destroy;

  /* template */
  GtkEntry         *entry;
  GtkCheckButton   *option;
  GtkLabel         *note_label;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (DossierNameDialog, dossier_name_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
validate (DossierNameDialog *self)
{
  g_autofree char *name = dossier_name_dialog_get_name (self);
  const char *problem = NULL;

  if (name[0] != '\0' && self->check != NULL)
    problem = self->check (self, name, self->check_data);

  gtk_label_set_text (self->error_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), problem != NULL);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  /* An empty name needs no message: there is nothing to confirm yet. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "ok",
                                           name[0] != '\0' && problem == NULL);
}

GtkWidget *
dossier_name_dialog_new (GtkWindow  *parent,
                         const char *heading,
                         const char *body,
                         const char *accept,
                         const char *label,
                         const char *name,
                         guint       max_chars)
{
  DossierNameDialog *self;
  g_autofree char *shown_heading = dossier_shown_text (heading);
  g_autofree char *start = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (accept != NULL, NULL);
  g_return_val_if_fail (max_chars > 1, NULL);

  self = g_object_new (DOSSIER_TYPE_NAME_DIALOG,
                       "transient-for", parent,
                       "heading", shown_heading,
                       NULL);
  if (body != NULL)
    {
      g_autofree char *shown_body = dossier_shown_text (body);

      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), shown_body);
    }
  /* A name from a file may be of any length: an entry of a megabyte
   * cannot be edited (each key lays the whole line out again). It starts
   * at what may be written, and says so. */
  start = dossier_text_shorten (name, max_chars);
  if (name != NULL && !g_str_equal (start, name))
    {
      g_autofree char *length = g_strdup_printf ("%'ld", g_utf8_strlen (name, -1));
      g_autofree char *note =
        /* Translators: a name or title from a file, of more characters than may be
         * written; the first %s is its length, %u the most. */
        g_strdup_printf (_("It is %s characters long, more than the %u it may have: it "
                           "starts shortened here, and is kept shortened."), length, max_chars);

      gtk_label_set_text (self->note_label, note);
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
    }
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "ok", accept);
  gtk_entry_set_placeholder_text (self->entry, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), start);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->entry));
  validate (self);

  return GTK_WIDGET (self);
}

void
dossier_name_dialog_set_option (DossierNameDialog *self,
                                const char        *label,
                                gboolean           active)
{
  g_return_if_fail (DOSSIER_IS_NAME_DIALOG (self));

  gtk_check_button_set_label (self->option, label);
  gtk_check_button_set_active (self->option, active);
  gtk_widget_set_visible (GTK_WIDGET (self->option), label != NULL);
  validate (self);
}

gboolean
dossier_name_dialog_get_option (DossierNameDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_NAME_DIALOG (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->option))
         && gtk_check_button_get_active (self->option);
}

void
dossier_name_dialog_set_check (DossierNameDialog *self,
                               DossierNameCheck   check,
                               gpointer           user_data,
                               GDestroyNotify     destroy)
{
  g_return_if_fail (DOSSIER_IS_NAME_DIALOG (self));

  if (self->check_destroy != NULL)
    self->check_destroy (self->check_data);
  self->check = check;
  self->check_data = user_data;
  self->check_destroy = destroy;
  validate (self);
}

char *
dossier_name_dialog_get_name (DossierNameDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_NAME_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
}

static void
dossier_name_dialog_dispose (GObject *object)
{
  DossierNameDialog *self = DOSSIER_NAME_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_NAME_DIALOG);

  G_OBJECT_CLASS (dossier_name_dialog_parent_class)->dispose (object);
}

static void
dossier_name_dialog_finalize (GObject *object)
{
  DossierNameDialog *self = DOSSIER_NAME_DIALOG (object);

  if (self->check_destroy != NULL)
    self->check_destroy (self->check_data);

  G_OBJECT_CLASS (dossier_name_dialog_parent_class)->finalize (object);
}

static void
dossier_name_dialog_class_init (DossierNameDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_name_dialog_dispose;
  object_class->finalize = dossier_name_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-name-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierNameDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, DossierNameDialog, option);
  gtk_widget_class_bind_template_child (widget_class, DossierNameDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, DossierNameDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, validate);
}

static void
dossier_name_dialog_init (DossierNameDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
