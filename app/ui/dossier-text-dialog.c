/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-text-dialog.c — editing a piece of free text of the project.
 *
 * An AdwMessageDialog rather than a window of our own: the text is a short
 * note next to what it is about, and the message dialog gives the HIG
 * layout, Escape handling and response buttons for free. It closes itself
 * only once the text is stored: libadwaita 1.2 closes a message dialog
 * before it emits a button's response, which would lose the text when
 * storing fails (a read-only file, a full disk), so the close is held back
 * and the response decides. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-text-dialog.h"
#include "dossier-ui-utils.h"

#define QUOTE_PREVIEW_CHARS 280

struct _DossierTextDialog
{
  AdwMessageDialog   parent_instance;

  DossierProject    *project;
  gint64             id;
  DossierTextSetter  setter;
  char              *original;
  char              *error_heading;
  /* A close was asked for (a button, Escape): done once the response is. */
  gboolean           close_requested;

  /* template */
  GtkTextView       *text_view;
  GtkLabel          *error_label;
};

G_DEFINE_FINAL_TYPE (DossierTextDialog, dossier_text_dialog, ADW_TYPE_MESSAGE_DIALOG)

char *
dossier_text_dialog_get_text (DossierTextDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (DOSSIER_IS_TEXT_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Stores the text; FALSE, with the reason shown under the text, when
 * that failed. */
static gboolean
store_text (DossierTextDialog *self)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (self->setter == NULL || self->project == NULL)
    return TRUE;

  /* Trailing blank lines are not part of a note. */
  text = g_strchomp (dossier_text_dialog_get_text (self));
  /* An unchanged text is not a step worth undoing. */
  if (g_strcmp0 (text, self->original) == 0)
    return TRUE;

  if (self->setter (self->project, self->id, text, &error))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      return TRUE;
    }

  message = g_strdup_printf ("%s\n%s", self->error_heading, error->message);
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_error_bell (GTK_WIDGET (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return FALSE;
}

static void
dossier_text_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  DossierTextDialog *self = DOSSIER_TEXT_DIALOG (dialog);
  gboolean close = self->close_requested;

  self->close_requested = FALSE;
  if (ADW_MESSAGE_DIALOG_CLASS (dossier_text_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (dossier_text_dialog_parent_class)->response (dialog, response);

  /* Failed: the dialog stays, with the text and the reason. */
  if (g_strcmp0 (response, "save") == 0 && !store_text (self))
    return;
  if (close)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* A button or Escape: the response that follows (or, for Escape, that
 * the parent class emits now) closes the dialog, unless saving fails. */
static gboolean
dossier_text_dialog_close_request (GtkWindow *window)
{
  DossierTextDialog *self = DOSSIER_TEXT_DIALOG (window);

  self->close_requested = TRUE;
  GTK_WINDOW_CLASS (dossier_text_dialog_parent_class)->close_request (window);
  return TRUE;
}

static gboolean
key_pressed_cb (DossierTextDialog *self,
                guint              keyval,
                guint              keycode,
                GdkModifierType    state)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_CONTROL_MASK) != 0)
    {
      /* Closing would answer "cancel": save, closing once it is saved. */
      self->close_requested = TRUE;
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "save");
      return TRUE;
    }

  return FALSE;
}

GtkWidget *
dossier_text_dialog_new (GtkWindow         *parent,
                         const char        *heading,
                         const char        *body,
                         const char        *label,
                         const char        *text,
                         DossierProject    *project,
                         gint64             id,
                         DossierTextSetter  setter,
                         const char        *error_heading)
{
  DossierTextDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), NULL);
  g_return_val_if_fail (setter != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_TEXT_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       NULL);
  dossier_dialog_fit_parent (GTK_WINDOW (self));
  if (body != NULL)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  self->project = g_object_ref (project);
  self->id = id;
  self->setter = setter;
  self->original = g_strdup (text ? text : "");
  self->error_heading = g_strdup (error_heading);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), self->original, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Press Ctrl+Enter to save"),
                                  -1);
  /* The dialog's map focuses the first focusable widget: the text. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->text_view));

  return GTK_WIDGET (self);
}

/* The quote on one line, cut to a preview, in quotation marks. */
static char *
quote_preview (const char *quote)
{
  g_autofree char *flat = g_strdup (quote ? quote : "");

  g_strdelimit (flat, "\n\t\r", ' ');
  if (g_utf8_strlen (flat, -1) > QUOTE_PREVIEW_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (flat, 0, QUOTE_PREVIEW_CHARS);

      return g_strdup_printf ("“%s…”", g_strchomp (cut));
    }

  return g_strdup_printf ("“%s”", flat);
}

GtkWidget *
dossier_text_dialog_new_memo (GtkWindow      *parent,
                              DossierProject *project,
                              gint64          highlight_id)
{
  g_autoptr(DossierHighlight) highlight = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), NULL);

  highlight = dossier_project_get_highlight (project, highlight_id, &error);
  if (highlight == NULL)
    {
      g_warning ("Cannot edit the memo of highlight %" G_GINT64_FORMAT ": %s",
                 highlight_id, error ? error->message : "not found");
      return NULL;
    }

  body = quote_preview (dossier_highlight_get_quote (highlight));
  return dossier_text_dialog_new (parent, _("Memo"), body, _("Memo"),
                                  dossier_highlight_get_memo (highlight),
                                  project, highlight_id, dossier_project_set_highlight_memo,
                                  _("Could Not Save the Memo"));
}

static void
dossier_text_dialog_finalize (GObject *object)
{
  DossierTextDialog *self = DOSSIER_TEXT_DIALOG (object);

  g_clear_object (&self->project);
  g_free (self->original);
  g_free (self->error_heading);

  G_OBJECT_CLASS (dossier_text_dialog_parent_class)->finalize (object);
}

static void
dossier_text_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOSSIER_TYPE_TEXT_DIALOG);

  G_OBJECT_CLASS (dossier_text_dialog_parent_class)->dispose (object);
}

static void
dossier_text_dialog_class_init (DossierTextDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = dossier_text_dialog_dispose;
  object_class->finalize = dossier_text_dialog_finalize;
  window_class->close_request = dossier_text_dialog_close_request;
  dialog_class->response = dossier_text_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-text-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTextDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, DossierTextDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
}

static void
dossier_text_dialog_init (DossierTextDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
