/* dossier-window-private.h — DossierWindow's instance struct, shared by
 * dossier-window.c (layout, project, what the panels and pages follow) and
 * dossier-window-actions.c (the win.* actions: projects, import, undo,
 * export…). */
#pragma once

#include "dossier-window.h"
#include "dossier-documents-panel.h"

G_BEGIN_DECLS

typedef struct _ImportJob ImportJob;

struct _DossierWindow
{
  AdwApplicationWindow   parent_instance;

  GSettings             *settings;
  DossierProject        *project;
  GSignalGroup          *project_signals;

  ImportJob             *import_job;
  GMenu                 *recent_menu;
  gboolean               disposed;
  gboolean               right_width_restored;
  char                  *last_import_folder;

  /* Template children */
  AdwToastOverlay       *toast_overlay;
  AdwViewSwitcherTitle  *window_title;
  GtkButton             *import_button;
  GtkButton             *undo_button;
  GtkButton             *redo_button;
  GtkToggleButton       *search_button;
  GtkMenuButton         *main_menu_button;
  GtkRevealer           *import_revealer;
  GtkProgressBar        *import_progress;
  GtkLabel              *import_label;
  GtkPaned              *outer_paned;
  GtkPaned              *inner_paned;
  GtkPaned              *sidebar_paned;
  DossierDocumentsPanel *documents_panel;
  GtkWidget             *codebook_panel;
  GtkStack              *center_stack;
  AdwViewStack          *page_stack;
  DossierReaderPage     *reader_page;
  AdwViewStack          *right_stack;
  GtkWidget             *highlights_panel;
  GtkWidget             *search_panel;
};

/* dossier-window-actions.c */
void     _dossier_window_class_init_actions (GtkWidgetClass *widget_class);
void     _dossier_window_update_actions     (DossierWindow  *self);
void     _dossier_window_update_recent_menu (DossierWindow  *self);
void     _dossier_window_import_cancel      (DossierWindow  *self);
void     _dossier_window_import_job_free    (DossierWindow  *self);
/* Reports @error in a toast (short failures of single actions). */
void     _dossier_window_report_error       (DossierWindow  *self,
                                             const char     *what,
                                             const GError   *error);
/* Shows a modal AdwMessageDialog with @heading and @body and one Close button. */
void     _dossier_window_show_error_dialog  (DossierWindow  *self,
                                             const char     *heading,
                                             const char     *body);

G_END_DECLS
