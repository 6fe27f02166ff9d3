/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-import-report-dialog.c — see dossier-import-report-dialog.h. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-import-report-dialog.h"
#include "dossier-ui-utils.h"

struct _DossierImportReportDialog
{
  AdwWindow            parent_instance;

  DossierImportReport *report;

  /* template */
  AdwToastOverlay     *toasts;
  AdwPreferencesGroup *summary_group;
  AdwActionRow        *counts_row;
  AdwPreferencesGroup *changed_group;
  AdwPreferencesGroup *skipped_group;
  AdwPreferencesGroup *complete_group;
};

G_DEFINE_FINAL_TYPE (DossierImportReportDialog, dossier_import_report_dialog, ADW_TYPE_WINDOW)

DossierImportReport *
dossier_import_report_dialog_get_report (DossierImportReportDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_IMPORT_REPORT_DIALOG (self), NULL);

  return self->report;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierImportReportDialog *self = DOSSIER_IMPORT_REPORT_DIALOG (widget);
  g_autofree char *text = dossier_import_report_to_text (self->report);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  dossier_accessible_show_toast (GTK_WIDGET (self->toasts), adw_toast_new (_("Report copied")));
}

/* One row per item: what it is about, and why, whole (a reason is a
 * sentence a person must be able to read to the end). */
static void
add_items (DossierImportReportDialog *self,
           AdwPreferencesGroup       *group,
           DossierImportItemKind      kind)
{
  guint n = 0;

  for (guint i = 0; i < dossier_import_report_get_n_items (self->report); i++)
    {
      const char *what, *why;
      GtkWidget *row;

      if (dossier_import_report_get_item (self->report, i, &what, &why) != kind)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (group, row);
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (group), n > 0);
}

static void
dossier_import_report_dialog_dispose (GObject *object)
{
  DossierImportReportDialog *self = DOSSIER_IMPORT_REPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_IMPORT_REPORT_DIALOG);
  g_clear_pointer (&self->report, dossier_import_report_unref);

  G_OBJECT_CLASS (dossier_import_report_dialog_parent_class)->dispose (object);
}

static void
dossier_import_report_dialog_class_init (DossierImportReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_import_report_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-import-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierImportReportDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, DossierImportReportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, DossierImportReportDialog, counts_row);
  gtk_widget_class_bind_template_child (widget_class, DossierImportReportDialog, changed_group);
  gtk_widget_class_bind_template_child (widget_class, DossierImportReportDialog, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, DossierImportReportDialog, complete_group);

  gtk_widget_class_install_action (widget_class, "report.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "report.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_import_report_dialog_init (DossierImportReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_import_report_dialog_new (GtkWindow           *parent,
                                  DossierImportReport *report)
{
  DossierImportReportDialog *self;
  g_autofree char *title = NULL;
  g_autofree char *counts = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_IMPORT_REPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  dossier_dialog_fit_parent (GTK_WINDOW (self));
  self->report = dossier_import_report_ref (report);

  /* Translators: "Imported “study.qdpx”" */
  title = g_strdup_printf (_("Imported “%s”"), dossier_import_report_get_file_name (report));
  adw_preferences_group_set_title (self->summary_group, title);
  adw_preferences_group_set_description (self->summary_group, dossier_import_report_get_format (report));
  counts = dossier_import_report_describe_counts (report);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->counts_row), counts);

  add_items (self, self->changed_group, DOSSIER_IMPORT_ITEM_CHANGED);
  add_items (self, self->skipped_group, DOSSIER_IMPORT_ITEM_SKIPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->complete_group),
                          dossier_import_report_get_n_items (report) == 0);

  return GTK_WIDGET (self);
}
