/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-panel.h — the base class of the sidebar panels.
 *
 * A panel shows one part of a project (its documents, its codebook, the
 * highlights of what is selected, search hits…). The base class holds the
 * "project" property, which the window binds in its .ui from its own
 * "project" property, and says what a panel needs to say: a toast, an
 * error in a toast or in a dialog. A new sidebar panel is a subclass that
 * follows the project in project_changed() and declares the rest in its
 * template.
 *
 * Rows (DossierRow) rooted in a panel's lists register with it, so that
 * the panel can tell them what it knows beyond their item (bind_row) and
 * tell them again when that changes (dossier_panel_update_rows()).
 */
#pragma once

#include <gtk/gtk.h>

#include <dossier/dossier.h>

G_BEGIN_DECLS

typedef struct _DossierRow DossierRow;

#define DOSSIER_TYPE_PANEL (dossier_panel_get_type ())
G_DECLARE_DERIVABLE_TYPE (DossierPanel, dossier_panel, DOSSIER, PANEL, GtkWidget)

struct _DossierPanelClass
{
  GtkWidgetClass parent_class;

  /* The project changed (it may be NULL): follow the new one and drop
   * what showed the old one. Called before "notify::project". */
  void (*project_changed) (DossierPanel *self);

  /* Tells @row, rooted in this panel, what the panel knows about its item
   * beyond the item itself (a tag's slot, whether a card names its
   * document…). Called when the row is rooted, when its item changes and
   * from dossier_panel_update_rows(). */
  void (*bind_row)        (DossierPanel *self,
                           DossierRow   *row);

  gpointer padding[8];
};

/* Property: "project" (DossierProject, may be NULL), notified on a real
 * change only. */
DossierProject *dossier_panel_get_project     (DossierPanel *self);
void            dossier_panel_set_project     (DossierPanel   *self,
                                               DossierProject *project);
/* TRUE when there is a project and it is open for writing. */
gboolean        dossier_panel_is_writable     (DossierPanel *self);
/* The window the panel is in, as the parent of its dialogs; NULL if none. */
GtkWindow      *dossier_panel_get_window      (DossierPanel *self);

/* Shows @message in the toast overlay around the panel (the window's),
 * with an "Undo" button for what was just done when @undo is TRUE (see
 * dossier_show_toast()). Returns FALSE when the panel is in no toast
 * overlay. */
gboolean        dossier_panel_show_toast      (DossierPanel *self,
                                               const char   *message,
                                               gboolean      undo);
/* A short failure of a single action, in a toast: "@what: why". Also
 * logged with g_message(). */
void            dossier_panel_report_error    (DossierPanel *self,
                                               const char   *what,
                                               const GError *error);
/* A failure the user must read: a modal message dialog with @heading,
 * the error's message and a Close button. */
void            dossier_panel_show_error      (DossierPanel *self,
                                               const char   *heading,
                                               const GError *error);

/* Calls bind_row() again for every row rooted in the panel. */
void            dossier_panel_update_rows     (DossierPanel *self);
/* The row rooted in the panel that shows @item, or NULL. */
DossierRow     *dossier_panel_find_row        (DossierPanel *self,
                                               gpointer      item);
/* The row under (@x, @y) of @list (a list view of the panel), counting
 * the list item's own padding around the row; NULL if none. */
DossierRow     *dossier_panel_pick_row        (DossierPanel *self,
                                               GtkWidget    *list,
                                               double        x,
                                               double        y);

/* The row of @list (a list or grid view of the panel) whose list item has
 * the keyboard's focus, or holds it; NULL if none. */
DossierRow     *dossier_panel_get_focus_row   (DossierPanel *self,
                                               GtkWidget    *list);
/* Menu and Shift+F10 on @list (a list or grid view of the panel) open
 * the menu of its row that has the focus (dossier_row_popup_menu ()). */
void            dossier_panel_add_menu_keys   (DossierPanel *self,
                                               GtkWidget    *list);
/* Shows the focus ring in the panel's window, now and again once the key
 * being pressed is up: for a key on a row that leaves the focus where it
 * is, or moves it only once its list has made the row it goes to, which
 * GTK would not show the ring for (it hides it three seconds after a
 * key). */
void            dossier_panel_show_focus_ring (DossierPanel *self);
/* Scrolls @list (a list or grid view of the panel) to @item, at
 * @position of its model, and gives the keyboard's focus to its place
 * in the list, once the list has made its row (within a few frames). */
void            dossier_panel_focus_item      (DossierPanel *self,
                                               GtkWidget    *list,
                                               guint         position,
                                               gpointer      item);
/* The model of @list (a list or grid view of the panel) has just changed
 * (a row moved up or down, to @position): at its next layout, before it
 * is painted, @list is scrolled back to @value (its vertical adjustment's
 * value before the change), then only as far as the row at @position
 * needs to show whole. GTK 4.8's list, left to itself, scrolled the row
 * moved to its top. */
void            dossier_panel_keep_in_view    (DossierPanel *self,
                                               GtkWidget    *list,
                                               double        value,
                                               guint         position);
/* @item (with an "id" property) was just deleted from @list (a list or
 * grid view of the panel): if it comes back into @list (an undo) while
 * the focus is in the panel, or nowhere, its place in the list takes the
 * focus (dossier_panel_focus_item ()). One item at a time: the latest. */
void            dossier_panel_focus_on_return (DossierPanel *self,
                                               GtkWidget    *list,
                                               gpointer      item);

G_END_DECLS
