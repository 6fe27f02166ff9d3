/* dossier-memo-dialog.c — editing the memo of a highlight (Ctrl+M).
 *
 * An AdwMessageDialog rather than a window of our own: the memo is a
 * short note next to a quote, and the message dialog gives the HIG
 * layout, Escape handling and response buttons for free. Enter writes a
 * new line in the memo; Ctrl+Enter saves.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-memo-dialog.h"

#define QUOTE_PREVIEW_CHARS 280

typedef struct
{
  DossierProject *project;
  gint64          highlight_id;
  GtkTextBuffer  *buffer;
  char           *original;
} MemoDialog;

static void
memo_dialog_free (gpointer data)
{
  MemoDialog *md = data;

  g_clear_object (&md->project);
  g_clear_object (&md->buffer);
  g_free (md->original);
  g_free (md);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             MemoDialog       *md)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *memo = NULL;
  GtkTextIter start, end;

  if (g_strcmp0 (response, "save") != 0)
    return;

  gtk_text_buffer_get_bounds (md->buffer, &start, &end);
  memo = gtk_text_buffer_get_text (md->buffer, &start, &end, FALSE);
  g_strchomp (memo);

  /* An unchanged memo is not a step worth undoing. */
  if (g_strcmp0 (memo, md->original) == 0)
    return;

  if (!dossier_project_set_highlight_memo (md->project, md->highlight_id, memo, &error))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
      GtkWidget *alert = adw_message_dialog_new (parent, _("Could Not Save the Memo"),
                                                 error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AdwMessageDialog      *dialog)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_CONTROL_MASK) != 0)
    {
      /* Emitting the response does not close the dialog by itself, and
       * closing would answer "cancel": destroy it instead. */
      adw_message_dialog_response (dialog, "save");
      gtk_window_destroy (GTK_WINDOW (dialog));
      return TRUE;
    }

  return FALSE;
}

static char *
quote_preview (const char *quote)
{
  g_autofree char *flat = g_strdup (quote ? quote : "");
  glong length;

  g_strdelimit (flat, "\n\t\r", ' ');
  length = g_utf8_strlen (flat, -1);
  if (length > QUOTE_PREVIEW_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (flat, 0, QUOTE_PREVIEW_CHARS);

      return g_strdup_printf ("“%s…”", g_strchomp (cut));
    }

  return g_strdup_printf ("“%s”", flat);
}

GtkWidget *
dossier_memo_dialog_new (GtkWindow      *parent,
                         DossierProject *project,
                         gint64          highlight_id)
{
  g_autoptr(DossierHighlight) highlight = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *scrolled, *view;
  GtkEventController *keys;
  MemoDialog *md;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), NULL);

  highlight = dossier_project_get_highlight (project, highlight_id, &error);
  if (highlight == NULL)
    {
      g_warning ("Cannot edit the memo of highlight %" G_GINT64_FORMAT ": %s",
                 highlight_id, error ? error->message : "not found");
      return NULL;
    }

  body = quote_preview (dossier_highlight_get_quote (highlight));
  dialog = adw_message_dialog_new (parent, _("Memo"), body);

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Memo"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Press Ctrl+Enter to save"),
                                  -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            dossier_highlight_get_memo (highlight), -1);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), dialog, 0);
  gtk_widget_add_controller (view, keys);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 140);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 440, -1);

  md = g_new0 (MemoDialog, 1);
  md->project = g_object_ref (project);
  md->highlight_id = highlight_id;
  md->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  md->original = g_strdup (dossier_highlight_get_memo (highlight));
  g_object_set_data_full (G_OBJECT (dialog), "memo-dialog", md, memo_dialog_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), md);

  /* The dialog's map focuses the first focusable widget: the memo. */
  gtk_window_set_focus (GTK_WINDOW (dialog), view);

  return dialog;
}

void
dossier_memo_dialog_run (GtkWindow      *parent,
                         DossierProject *project,
                         gint64          highlight_id)
{
  GtkWidget *dialog = dossier_memo_dialog_new (parent, project, highlight_id);

  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}
