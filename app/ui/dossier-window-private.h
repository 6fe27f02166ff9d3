/* dossier-window-private.h — DossierWindow's instance struct, shared by
 * dossier-window.c (layout, project, document) and dossier-window-actions.c
 * (the win.* actions: tagging, import, undo, export…). */
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
  gint64                 document_id;
  /* Bumped whenever the shown document changes, so that late async work
   * (a paste being parsed, a picker closing) can tell it is stale. */
  guint                  document_serial;

  /* Tag id -> TagStyle, rebuilt when the codebook changes. */
  GHashTable            *tag_styles;
  gboolean               tag_styles_valid;
  /* Highlight id -> its length, of the document on show (for "the
   * highlight at the caret" without asking the database). */
  GHashTable            *span_lengths;
  guint                  respan_idle_id;
  /* The spans handed to the view (DossierViewHighlight), their strings,
   * and how many bytes of those strings patches left unused. */
  GArray                *spans;
  GStringChunk          *span_strings;
  gsize                  span_strings_unused;
  /* A change the window is making itself (see begin_local_change). */
  gboolean               local_change;
  gboolean               local_seen;
  gint64                 local_start;
  gint64                 local_end;

  ImportJob             *import_job;
  GMenu                 *recent_menu;
  GtkWidget             *tag_picker;
  GtkWidget             *highlight_menu;
  gint64                 picker_highlight_id;   /* 0: the picker tags the range below */
  gint64                 picker_document_id;
  gint64                 picker_start;
  gint64                 picker_end;
  gboolean               disposed;
  gboolean               right_width_restored;
  char                  *last_import_folder;

  /* Template children */
  AdwToastOverlay       *toast_overlay;
  AdwWindowTitle        *window_title;
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
  GtkWidget             *view_box;
  GtkOverlay            *view_overlay;
  DossierDocumentView   *document_view;
  GtkButton             *tag_selection_button;
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
/* Shows the highlight context menu at (x, y) of the document view. */
void     _dossier_window_popup_highlight_menu (DossierWindow *self,
                                               gint64         highlight_id,
                                               double         x,
                                               double         y);
/* The highlight under the caret: the shortest one covering it, 0 if none. */
gint64   _dossier_window_highlight_at_caret (DossierWindow  *self);
/* Reports @error in a toast (short failures of single actions). */
void     _dossier_window_report_error       (DossierWindow  *self,
                                             const char     *what,
                                             const GError   *error);
/* Shows a modal AdwMessageDialog with @heading and @body and one Close button. */
void     _dossier_window_show_error_dialog  (DossierWindow  *self,
                                             const char     *heading,
                                             const char     *body);

/* dossier-window.c */
void     _dossier_window_rebuild_highlights (DossierWindow  *self);
/* Around a change the window makes to the shown document's highlights
 * that touches only those overlapping or touching [start, end], and the
 * one whose id end is given (0 if none): the view is patched at the end,
 * instead of every highlight being listed again. */
void     _dossier_window_begin_local_change (DossierWindow  *self,
                                             gint64          start,
                                             gint64          end);
void     _dossier_window_end_local_change   (DossierWindow  *self,
                                             gint64          result_id);
gboolean _dossier_window_view_has_selection (DossierWindow  *self,
                                             gint64         *start,
                                             gint64         *end);

G_END_DECLS
