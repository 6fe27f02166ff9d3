/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-document-details-dialog.c — editing a document's details. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-document-details-dialog.h"
#include "dossier-ui-utils.h"

struct _DossierDocumentDetailsDialog
{
  AdwMessageDialog  parent_instance;

  DossierProject   *project;
  gint64            document_id;

  /* template */
  GtkEditable      *title_row;
  GtkEditable      *author_row;
  GtkEditable      *outlet_row;
  GtkEditable      *source_row;
  GtkEditable      *published_row;
};

G_DEFINE_FINAL_TYPE (DossierDocumentDetailsDialog, dossier_document_details_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
value_of (GtkEditable *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (row)));
}

static void
dossier_document_details_dialog_response (AdwMessageDialog *dialog,
                                          const char       *response)
{
  DossierDocumentDetailsDialog *self = DOSSIER_DOCUMENT_DETAILS_DIALOG (dialog);
  g_autofree char *title = value_of (self->title_row);
  g_autofree char *author = value_of (self->author_row);
  g_autofree char *outlet = value_of (self->outlet_row);
  g_autofree char *source = value_of (self->source_row);
  g_autofree char *published = value_of (self->published_row);
  g_autoptr(GError) error = NULL;

  if (ADW_MESSAGE_DIALOG_CLASS (dossier_document_details_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (dossier_document_details_dialog_parent_class)->response (dialog, response);

  if (g_strcmp0 (response, "accept") != 0)
    return;

  /* An empty title keeps the old one; empty optional fields are cleared. */
  if (!dossier_project_set_document_metadata (self->project, self->document_id,
                                              title[0] != '\0' ? title : NULL,
                                              author, outlet, source, published, &error))
    dossier_present_error (gtk_window_get_transient_for (GTK_WINDOW (self)),
                           _("Could Not Change the Document’s Details"), error->message);
}

GtkWidget *
dossier_document_details_dialog_new (GtkWindow       *parent,
                                     DossierProject  *project,
                                     DossierDocument *document)
{
  DossierDocumentDetailsDialog *self;
  struct {
    GtkEditable *row;
    const char  *value;
    guint        max_chars;
  } fields[5];
  gboolean shortened = FALSE;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), NULL);
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);

  self = g_object_new (DOSSIER_TYPE_DOCUMENT_DETAILS_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  self->document_id = dossier_document_get_id (document);

  fields[0].row = self->title_row, fields[0].value = dossier_document_get_title (document);
  fields[0].max_chars = DOSSIER_DOCUMENT_MAX_TITLE;
  fields[1].row = self->author_row, fields[1].value = dossier_document_get_author (document);
  fields[1].max_chars = DOSSIER_DOCUMENT_MAX_AUTHOR;
  fields[2].row = self->outlet_row, fields[2].value = dossier_document_get_outlet (document);
  fields[2].max_chars = DOSSIER_DOCUMENT_MAX_OUTLET;
  fields[3].row = self->source_row, fields[3].value = dossier_document_get_source (document);
  fields[3].max_chars = DOSSIER_TEXT_SHOWN_MAX;
  fields[4].row = self->published_row, fields[4].value = dossier_document_get_published (document);
  fields[4].max_chars = DOSSIER_TEXT_SHOWN_MAX;
  /* A detail from a file may be of any length: an entry of a megabyte
   * cannot be edited (each key lays the whole line out again). Each
   * starts at what may be written, and the dialog says so. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *start = dossier_text_shorten (fields[i].value, fields[i].max_chars);

      shortened |= fields[i].value != NULL && !g_str_equal (start, fields[i].value);
      gtk_editable_set_text (fields[i].row, start);
    }
  if (shortened)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("Some details are longer than they may be: they start "
                                   "shortened here, and are kept shortened when saved."));

  return GTK_WIDGET (self);
}

static void
dossier_document_details_dialog_dispose (GObject *object)
{
  DossierDocumentDetailsDialog *self = DOSSIER_DOCUMENT_DETAILS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_DOCUMENT_DETAILS_DIALOG);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (dossier_document_details_dialog_parent_class)->dispose (object);
}

static void
dossier_document_details_dialog_class_init (DossierDocumentDetailsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_document_details_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = dossier_document_details_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-document-details-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentDetailsDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentDetailsDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentDetailsDialog, outlet_row);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentDetailsDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentDetailsDialog, published_row);
}

static void
dossier_document_details_dialog_init (DossierDocumentDetailsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
