/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-filter-popover.h — the base of the pickers (tags, evidence): a
 * popover with a search entry over a filtered list of the project's
 * items, driven from the keyboard.
 */
#pragma once

#include <gtk/gtk.h>

#include <dossier/dossier.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_FILTER_POPOVER (dossier_filter_popover_get_type ())
G_DECLARE_DERIVABLE_TYPE (DossierFilterPopover, dossier_filter_popover, DOSSIER, FILTER_POPOVER, GtkPopover)

struct _DossierFilterPopoverClass
{
  GtkPopoverClass parent_class;

  /* The "project" property changed: follow the new one (may be NULL). */
  void       (*project_changed) (DossierFilterPopover *self);
  /* The text changed, before the list is filtered again: @text is what
   * was typed (stripped), @needle the same folded (dossier_text_fold). */
  void       (*text_changed)    (DossierFilterPopover *self,
                                 const char           *text,
                                 const char           *needle);
  /* Whether @item is listed for @needle ("" when nothing is typed). */
  gboolean   (*match)           (DossierFilterPopover *self,
                                 gpointer              item,
                                 const char           *needle);
  /* The row Enter does after the text changed: a position in the filtered
   * list, or GTK_INVALID_LIST_POSITION for none. Default: the first. */
  guint      (*pick_highlight)  (DossierFilterPopover *self);
  /* What the highlighted @item is, said on the entry (which keeps the
   * focus) to assistive technologies; NULL for nothing. */
  char      *(*describe)        (DossierFilterPopover *self,
                                 gpointer              item);
  /* Enter, or a click on @item's row. */
  void       (*activate)        (DossierFilterPopover *self,
                                 gpointer              item);

  gpointer padding[8];
};

/* Property: "project" (DossierProject, may be NULL).
 *
 * Focus stays in the entry the whole time, so the user can keep typing:
 * Up and Down (Page Up and Page Down by eight) move the highlighted row
 * from there, Enter or a click activates it, Escape closes. Each key
 * filters the list at once. Closing clears the text. A subclass
 * template adds widgets under the list as <child type="footer">. */

DossierProject *dossier_filter_popover_get_project (DossierFilterPopover *self);
void            dossier_filter_popover_set_project (DossierFilterPopover *self,
                                                    DossierProject       *project);

/* The items to filter (the popover keeps a reference), and the factory
 * that makes their rows. */
void            dossier_filter_popover_set_model   (DossierFilterPopover *self,
                                                    GListModel           *model);
void            dossier_filter_popover_set_factory (DossierFilterPopover *self,
                                                    GtkListItemFactory   *factory);
/* The filtered items, in the order listed. */
GListModel     *dossier_filter_popover_get_matches (DossierFilterPopover *self);

/* Where @item (may be NULL) is in the filtered list, or
 * GTK_INVALID_LIST_POSITION: the row a picker highlights for the name
 * typed. */
guint           dossier_filter_popover_find_match  (DossierFilterPopover *self,
                                                    gpointer              item);
/* Filters again, as when the text changes (also picking the highlighted
 * row again); binds every row again (what they show beyond their item
 * changed). */
void            dossier_filter_popover_refilter    (DossierFilterPopover *self);
void            dossier_filter_popover_rebind      (DossierFilterPopover *self);

/* The entry's placeholder, and the names assistive technologies give the
 * entry and the list. */
void            dossier_filter_popover_set_labels  (DossierFilterPopover *self,
                                                    const char           *placeholder,
                                                    const char           *entry_label,
                                                    const char           *list_label);
/* The search entry. */
GtkEditable    *dossier_filter_popover_get_entry   (DossierFilterPopover *self);
/* The highlighted item (transfer none), NULL if none. */
gpointer        dossier_filter_popover_get_highlighted (DossierFilterPopover *self);
/* What the list says when nothing is listed: with no text typed, and for
 * a text nothing matches. */
void            dossier_filter_popover_set_empty_texts (DossierFilterPopover *self,
                                                        const char           *no_items,
                                                        const char           *no_matches);
/* A line under the list saying what failed (hidden again by typing). */
void            dossier_filter_popover_show_error  (DossierFilterPopover *self,
                                                    const char           *message);

/* Makes @label the one GtkStringObject of @row (a list a subclass puts
 * last, for a row such as "Create tag “…”"), or empties @row when @label
 * is NULL. */
void            dossier_filter_popover_offer_row   (GListStore           *row,
                                                    const char           *label);

/* @text contains @needle, folded (dossier_text_fold): case and accents
 * aside. */
gboolean        dossier_filter_popover_text_matches (const char *text,
                                                     const char *needle);

G_END_DECLS
