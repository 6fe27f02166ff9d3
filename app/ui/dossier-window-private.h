/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-window-private.h — DossierWindow's instance struct, shared by
 * dossier-window.c (layout, project, what the panels and pages follow) and
 * dossier-window-actions.c (the win.* actions: projects, import, undo,
 * export…). */
#pragma once

#include "dossier-window.h"
#include "dossier-documents-panel.h"
#include "dossier-sidebar.h"

G_BEGIN_DECLS

struct _DossierWindow
{
  AdwApplicationWindow   parent_instance;

  GSettings             *settings;
  DossierProject        *project;
  GSignalGroup          *project_signals;

  /* Cancelled when the window closes: every operation it starts takes
   * it, and their callbacks end there. */
  GCancellable          *cancellable;
  /* The import running (NULL if none): cancelled by its Cancel button and
   * by the window's closing; files dropped meanwhile wait in
   * pending_imports. */
  GCancellable          *import_cancellable;
  gulong                 import_cancel_handler;
  DossierProgress       *import_status;
  GPtrArray             *pending_imports;
  GMenu                 *recent_menu;
  /* The idle that lists the codebook's keys in the Keyboard Shortcuts
   * window again. */
  guint                  help_idle_id;
  /* The articles (GFile) to import into the project New Project is
   * creating for them, or NULL. */
  GPtrArray             *import_after_new;
  char                  *last_import_folder;
  /* What to focus once a sidebar being shown over the centre is on screen
   * (see show_sidebar). */
  AdwFlap               *focus_flap;
  void                 (*focus_in_flap) (DossierWindow *self);
  /* Shown by F9 or Shift+F9 (see sidebar_key): the focus it gets shows
   * its ring; sidebar_key is set while the key's action runs. */
  gboolean               focus_flap_ring;
  gboolean               sidebar_key;
  /* "New Stakeholder from Selection" waits for the right sidebar to be
   * all in: the + its popover points at is then in place. */
  gboolean               new_stakeholder_pending;
  /* Narrower than NARROW_WIDTH: the header's secondary buttons are in a
   * bar at the bottom (applied in an idle after the allocation, as is the
   * pages' switcher bar). */
  gboolean               narrow;
  guint                  narrow_idle_id;
  /* The toasts sit this high above the window's bottom: above the bars
   * there (see lift_toasts). The overlay's children, watched for toasts
   * coming. */
  int                    toast_lift;
  guint                  toast_lift_idle_id;
  GListModel            *toast_overlay_children;

  /* The toast on show or queued that offers to undo or redo (weak; see
   * _dossier_window_show_step_toast), and the project's undo step when it
   * was shown: another such toast replaces it rather than queueing behind
   * it, and any other change of the step dismisses it. */
  AdwToast              *undo_toast;
  guint64                undo_toast_step;
  /* The toast F6 gave the focus to, and where the focus was before, to
   * go back to when the toast goes (weak; see region_key); whether the
   * focus is in that toast. */
  GtkWidget             *focused_toast;
  GtkWidget             *toast_return_focus;
  gboolean               focus_in_toast;
  gboolean               focus_in_switcher;  /* the right sidebar's */
  /* The user chose to close although the project's file was moved or
   * deleted (see confirm_close_moved). */
  gboolean               close_confirmed;

  /* Looks every few seconds, and when the window becomes active, for
   * another program's changes to the project (see check_elsewhere). */
  guint                  elsewhere_id;

  /* Template children */
  AdwToastOverlay       *toast_overlay;
  AdwViewSwitcherTitle  *window_title;
  GtkWidget             *header_bar;
  GtkWidget             *left_sidebar_button;
  GtkWidget             *right_sidebar_button;
  GtkWidget             *left_sidebar_button_narrow;
  GtkWidget             *right_sidebar_button_narrow;
  GtkWidget             *import_button;
  GtkWidget             *import_button_narrow;
  GtkWidget             *undo_box;
  GtkButton             *undo_button;
  GtkButton             *redo_button;
  GtkButton             *undo_button_narrow;
  GtkButton             *redo_button_narrow;
  GtkActionBar          *narrow_bar;
  GtkToggleButton       *search_button;
  GtkMenuButton         *main_menu_button;
  GtkRevealer           *import_revealer;
  GtkProgressBar        *import_progress;
  GtkLabel              *import_label;
  GtkRevealer           *banner_revealer;
  GtkImage              *banner_icon;
  GtkLabel              *banner_label;
  AdwFlap               *left_flap;
  AdwFlap               *right_flap;
  DossierSidebar        *left_sidebar;
  DossierSidebar        *right_sidebar;
  GtkPaned              *sidebar_paned;
  DossierDocumentsPanel *documents_panel;
  GtkWidget             *codebook_panel;
  GtkStack              *center_stack;
  AdwViewStack          *page_stack;
  AdwViewSwitcherBar    *page_switcher_bar;
  DossierReaderPage     *reader_page;
  GtkWidget             *compare_page;
  GtkWidget             *briefing_page;
  AdwViewSwitcher       *right_switcher;
  AdwViewStack          *right_stack;
  GtkWidget             *highlights_panel;
  GtkWidget             *search_panel;
  GtkWidget             *stakeholders_panel;
  GtkWidget             *arguments_panel;
};

/* dossier-window-actions.c */
void     _dossier_window_class_init_actions (GtkWidgetClass *widget_class);
void     _dossier_window_update_actions     (DossierWindow  *self);
void     _dossier_window_update_recent_menu (DossierWindow  *self);
void     _dossier_window_import_cancel      (DossierWindow  *self);
/* Whether the window was closed (its cancellable cancelled). */
gboolean _dossier_window_is_closed          (DossierWindow  *self);
/* Shows @text in the banner under the header bar (@icon_name beside
 * it) until dismissed, another project is shown, or another text takes
 * its place; NULL @text hides it. */
void     _dossier_window_show_banner        (DossierWindow  *self,
                                             const char     *icon_name,
                                             const char     *text);
/* Whether another program changed the project since the last look: if
 * so, it is read again, the banner says so, and TRUE. The window looks
 * by itself every second and whenever it becomes active. */
gboolean _dossier_window_check_changed_elsewhere (DossierWindow *self);
/* Reports @error in a toast (short failures of single actions). */
void     _dossier_window_report_error       (DossierWindow  *self,
                                             const char     *what,
                                             const GError   *error);
/* The codebook's number keys, or which tags hold them, may have changed:
 * a Keyboard Shortcuts window shown meanwhile is made again once closed;
 * a hidden one when next asked for. */
void     _dossier_window_help_keys_changed  (DossierWindow  *self);
/* The Keyboard Shortcuts window as Ctrl+? would show it (made, or made
 * again, for the keys of the moment unless shown): what it lists. */
GtkShortcutsWindow *_dossier_window_update_help_overlay (DossierWindow *self);
/* The one way a toast offers Undo or Redo: @message with a button
 * @button_label that runs win.undo-step or, with @redo, win.redo-step for
 * the project's undo step as it is now — what was just done, or undone.
 * The button never undoes or redoes anything else: a newer step (another
 * action, an undo, a redo) dismisses the toast, and the actions do
 * nothing for a step that is no longer the project's. */
void     _dossier_window_show_step_toast    (DossierWindow  *self,
                                             const char     *message,
                                             gboolean        redo);
/* The toast offering Undo or Redo goes, if the project's undo step is no
 * longer the one it was shown for. */
void     _dossier_window_dismiss_stale_undo_toast (DossierWindow *self);
/* Asks where to create a new project (and imports the @n_articles files
 * of @articles into it once created). */
void     _dossier_window_new_project_for    (DossierWindow  *self,
                                             GFile         **articles,
                                             guint           n_articles);
/* Creates a project at @file as New Project's chooser does once a file
 * was chosen (asking first if the project's file went, see
 * _dossier_window_leave_project); a failure is shown in a dialog. */
void     _dossier_window_new_project_interactive (DossierWindow *self,
                                                  GFile         *file);
/* Copies the project to @file as Save As's chooser does once a file was
 * chosen: where ".dossier" was added to the name and a file has that
 * name, asks before replacing it (the chooser asked about the name
 * typed); a failure is shown in a dialog. */
void     _dossier_window_save_as_interactive (DossierWindow *self,
                                              GFile         *file);
/* The Import chooser's filters (GtkFileFilter), the one it starts with
 * first (transfer full). */
GPtrArray *_dossier_window_import_filters (void);
/* The folder the New, Open and Save As choosers start in (transfer full). */
GFile   *_dossier_window_get_project_folder (DossierWindow  *self);
/* Shows a modal AdwMessageDialog with @heading and @body and one Close button. */
void     _dossier_window_show_error_dialog  (DossierWindow  *self,
                                             const char     *heading,
                                             const char     *body);

/* dossier-window.c */
/* Shows the right sidebar's search (also over the centre) with the focus
 * in its entry. */
void     _dossier_window_show_search        (DossierWindow  *self);
/* Enables "New Stakeholder from Selection" as the selection and the
 * project allow. */
void     _dossier_window_update_new_stakeholder (DossierWindow *self);
/* Records the open project for the start page's recent list (title,
 * documents, opened now), once it is in "recent-projects". */
void     _dossier_window_remember_project   (DossierWindow  *self);
/* What closes the window's project for another (or the window): called
 * with @file, after the project was closed when the user was asked. */
typedef void (*DossierLeaveFunc) (DossierWindow *self,
                                  GFile         *file);
/* Runs @then now; or, when the project's file was moved, deleted or
 * replaced while open, asks first (Save a Copy Before Closing?): Close
 * Anyway closes the project and runs @then, Save As… offers the copy,
 * Cancel leaves everything as it was. */
void     _dossier_window_leave_project      (DossierWindow    *self,
                                             DossierLeaveFunc  then,
                                             GFile            *file);
/* Shows the left sidebar with the focus in the documents list. */
void     _dossier_window_show_documents     (DossierWindow  *self);
/* The Import split button's arrow (its menu button, with its own
 * tooltip). */
GtkWidget *_dossier_window_get_import_arrow (DossierWindow  *self);

G_END_DECLS
