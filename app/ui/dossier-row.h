/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-row.h — the base class of the rows of Dossier's lists.
 *
 * A row shows one item of a list model (a document, a tag, a highlight, a
 * search hit). Its subclass declares its widgets in a .ui template and
 * shows the item in item_changed(); a panel's .ui creates rows with a
 * GtkBuilderListItemFactory that hands the row its list item, whose item
 * the row then shows:
 *
 *   <object class="DossierDocumentRow">
 *     <property name="list-item">GtkListItem</property>
 *   </object>
 *
 * A row rooted in a DossierPanel registers with it: the panel can then
 * tell it what it knows beyond the item (see DossierPanelClass.bind_row).
 * A row with a menu says what is in it (create_menu); the base class
 * opens it on a right click, a long press, and Menu or Shift+F10.
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-panel.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ROW (dossier_row_get_type ())
G_DECLARE_DERIVABLE_TYPE (DossierRow, dossier_row, DOSSIER, ROW, GtkWidget)

struct _DossierRowClass
{
  GtkWidgetClass parent_class;

  /* The item changed (it may be NULL): show it. Not called from dispose. */
  void        (*item_changed) (DossierRow *self);
  /* The row's menu as it stands (what can be done to its item, each
   * item's key shown), or NULL for none. A class that has one gets it on
   * a right click and a long press, and on Menu and Shift+F10 in a list
   * its panel gave dossier_panel_add_menu_keys (). */
  GMenuModel *(*create_menu)  (DossierRow *self);

  gpointer padding[7];
};

/* The type the rows of a class show ("item" accepts only those). */
void          dossier_row_class_set_item_type (DossierRowClass *row_class,
                                               GType            item_type);
/* The same, and the class's template: the base class disposes of it. */
void          dossier_row_class_set_template  (DossierRowClass *row_class,
                                               GType            item_type,
                                               const char      *resource);

/* For the row's lifetime (call them in init): @source_property of the item
 * shown is bound to @target's @target_property (through @transform_to if
 * not NULL); @callback is connected, swapped, to @detailed_signal of the
 * item shown. Both follow the item as it changes. */
void          dossier_row_bind_item           (DossierRow            *self,
                                               const char            *source_property,
                                               gpointer               target,
                                               const char            *target_property,
                                               GBindingTransformFunc  transform_to);
void          dossier_row_connect_item        (DossierRow            *self,
                                               const char            *detailed_signal,
                                               GCallback              callback);

/* Properties: "item" (GObject of the class's item type, may be NULL),
 * notified on a real change only; "list-item" (GtkListItem, may be NULL):
 * the row shows its item, and follows it. */
gpointer      dossier_row_get_item            (DossierRow *self);
void          dossier_row_set_item            (DossierRow *self,
                                               gpointer    item);
/* Names the row for assistive technologies (@description may be NULL),
 * and the list's own row around it as well: in a GtkListView or a
 * GtkListBox that is what takes the focus and what a screen reader
 * announces, and it would otherwise have no name. */
void          dossier_row_set_accessible      (DossierRow *self,
                                               const char *label,
                                               const char *description);

/* Pops up the row's menu (create_menu) pointing at (@x, @y) in the row,
 * or at its middle when @x is negative; the focus goes back where it was
 * when it closes. Whether it is shown. */
gboolean      dossier_row_popup_menu          (DossierRow *self,
                                               double      x,
                                               double      y);

/* The panel the row is rooted in, or NULL. */
DossierPanel *dossier_row_get_panel           (DossierRow *self);
/* The list item whose item the row shows, or NULL (a row on its own). */
GtkListItem  *dossier_row_get_list_item       (DossierRow *self);

G_END_DECLS
