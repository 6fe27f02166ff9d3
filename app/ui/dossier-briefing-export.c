/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-briefing-export.c — exporting a briefing note from the window,
 * with the question about citations that cannot be verified (see
 * dossier-briefing-export.h). The Brief page and the Export dialog both
 * go through here, so that the note is written and the question put the
 * same way from each. */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-briefing-export.h"

gboolean
dossier_briefing_export_format_is_valid (const char *format)
{
  return g_strcmp0 (format, "markdown") == 0 || g_strcmp0 (format, "html") == 0 ||
         g_strcmp0 (format, "pdf") == 0;
}

const char *
dossier_briefing_export_format_extension (const char *format)
{
  DossierExportFormat core;

  g_return_val_if_fail (dossier_briefing_export_format_is_valid (format), "md");

  /* PDF is no format of the core's: it is drawn by libdossier-render. */
  if (g_str_equal (format, "pdf"))
    return "pdf";
  dossier_export_format_from_string (format, &core);
  return dossier_export_format_extension (core);
}

DossierPaper
dossier_default_paper (void)
{
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (NULL);

  return g_str_equal (gtk_paper_size_get_name (size), GTK_PAPER_NAME_LETTER)
         ? DOSSIER_PAPER_LETTER : DOSSIER_PAPER_A4;
}

GtkWidget *
dossier_unverified_question_new (GtkWindow  *parent,
                                 const char *message,
                                 const char *accept)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Some Citations Cannot Be Verified"),
                                              message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "marked", accept,
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

/* ---- Exporting ------------------------------------------------------------- */

typedef struct
{
  DossierProject *project;
  gint64          briefing_id;
  char           *format;
  char           *path;
  gboolean        appendix;
  gboolean        allow_unverified;
  GtkWindow      *parent;      /* weak: the question goes over it while it is there */
  gboolean        asking;      /* the question is on screen */
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->project);
  g_clear_weak_pointer (&data->parent);
  g_free (data->format);
  g_free (data->path);
  g_free (data);
}

static void write_note (GTask *task);

/* The question answered: written marked, or nothing written. */
static void
on_question_response (AdwMessageDialog *dialog,
                      const char       *response,
                      GTask            *task)
{
  ExportData *data = g_task_get_task_data (task);

  if (!data->asking)
    return;
  data->asking = FALSE;
  if (g_str_equal (response, "marked"))
    {
      data->allow_unverified = TRUE;
      write_note (g_object_ref (task));
    }
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             _("The note was not exported"));
}

/* The question went (its window closed with the one it was over) without
 * an answer: taken as no. */
static void
question_gone (gpointer  user_data,
               GClosure *closure)
{
  GTask *task = user_data;
  ExportData *data = g_task_get_task_data (task);

  if (data->asking)
    {
      data->asking = FALSE;
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _("The note was not exported"));
    }
  g_object_unref (task);
}

/* Takes the reference on @task that writing it held. */
static void
finish_write (GTask    *task,
              gboolean  written,
              GError   *error)
{
  ExportData *data = g_task_get_task_data (task);

  if (written)
    g_task_return_pointer (task, g_strdup (data->path), g_free);
  else if (g_error_matches (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_UNVERIFIED) &&
           !data->allow_unverified && data->parent != NULL &&
           !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      /* Which ones, and the choice to export them marked (the CLI's
       * --allow-unverified) rather than a dead end. */
      GtkWidget *dialog = dossier_unverified_question_new (data->parent, error->message,
                                                           _("_Export Marked as Unverified"));

      data->asking = TRUE;
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_question_response),
                             g_object_ref (task), question_gone, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    g_task_return_error (task, g_error_copy (error));
  g_object_unref (task);
}

static void
on_pdf_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean written = dossier_project_export_briefing_pdf_finish (DOSSIER_PROJECT (source), result,
                                                                 &error);

  finish_write (user_data, written, error);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean written = dossier_export_to_file_finish (DOSSIER_PROJECT (source), result, &error);

  finish_write (user_data, written, error);
}

/* Takes a reference on @task. */
static void
write_note (GTask *task)
{
  ExportData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (g_str_equal (data->format, "pdf"))
    {
      DossierBriefingPdfOptions pdf;

      dossier_briefing_pdf_options_init (&pdf);
      pdf.paper = dossier_default_paper ();
      pdf.appendix = data->appendix;
      pdf.allow_unverified = data->allow_unverified;
      dossier_project_export_briefing_pdf_async (data->project, data->briefing_id, &pdf, data->path,
                                                 cancellable, on_pdf_written, task);
    }
  else
    {
      DossierExportFilter filter = { 0 };
      DossierExportOptions options;
      DossierExportFormat format = DOSSIER_EXPORT_MARKDOWN;

      dossier_export_format_from_string (data->format, &format);
      filter.briefing_id = data->briefing_id;
      dossier_export_options_init (&options);
      options.appendix = data->appendix;
      options.allow_unverified = data->allow_unverified;
      dossier_export_to_file_async (data->project, format, &filter, &options, data->path, NULL,
                                    cancellable, on_written, task);
    }
}

void
dossier_briefing_export_async (DossierProject      *project,
                               gint64               briefing_id,
                               const char          *format,
                               const char          *path,
                               gboolean             appendix,
                               gboolean             allow_unverified,
                               GtkWindow           *parent,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  ExportData *data;

  g_return_if_fail (DOSSIER_IS_PROJECT (project));
  g_return_if_fail (dossier_briefing_export_format_is_valid (format));
  g_return_if_fail (path != NULL);
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_briefing_export_async);
  data = g_new0 (ExportData, 1);
  data->project = g_object_ref (project);
  data->briefing_id = briefing_id;
  data->format = g_strdup (format);
  data->path = g_strdup (path);
  data->appendix = appendix;
  data->allow_unverified = allow_unverified;
  g_set_weak_pointer (&data->parent, parent);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  write_note (task);
}

char *
dossier_briefing_export_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_briefing_export_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
