/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-accessible.h — what assistive technologies are told beyond what
 * GTK 4.8 says by itself: names it gets wrong, and toasts. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Names, at and below @widget, the buttons GTK 4.8 names wrongly (after
 * their mnemonic label twice, their class or their image), gives each
 * drop-down its shown value as description (they stay right when their
 * label or selection changes), and makes each list view one Tab stop.
 * Done once per widget. */
void dossier_accessible_name_widgets     (GtkWidget  *widget);
/* From now on, does that for every window when it is mapped. */
void dossier_accessible_watch_toplevels  (void);
/* Makes @list one Tab stop, as list views are: Tab and Shift+Tab on a
 * row go past the list (through the row's own buttons first), the arrows
 * move between rows, and Tab back into the list lands on the row it was
 * left on. Only for a list of rows that are items to activate, not of
 * rows holding controls to be reached one by one (a settings list). */
void dossier_accessible_one_tab_stop     (GtkListBox *list);

/* The focus of @widget's window when it is @widget or inside it, else
 * NULL. */
GtkWidget *dossier_focus_within           (GtkWidget        *widget);

/* Moves the focus out of @widget (which holds it) to where Tab
 * (@direction GTK_DIR_TAB_FORWARD) or Shift+Tab would go with @widget
 * and all it holds out of the chain, round to the other end past the
 * last; TRUE if it moved. */
gboolean dossier_focus_leave              (GtkWidget        *widget,
                                           GtkDirectionType  direction);

/* Shows @toast (its ownership is taken) in the toast overlay around
 * @widget, and has it read out: a toast is not announced by libadwaita
 * 1.2, so its text goes to the overlay's live region (a label with the
 * "alert" role, which says it for as long as the toast shows). Its title
 * (plain text, not markup) is shown whole, wrapped when one line is not
 * enough (a DossierToastTitle: dossier_toast_get_text() reads it). A toast
 * is not let go before it has fully slid in (a dismissal earlier than
 * that waits: libadwaita 1.2 crashes otherwise, see the .c). FALSE if
 * @widget is in no toast overlay. */
gboolean dossier_accessible_show_toast   (GtkWidget  *widget,
                                          AdwToast   *toast);
/* Dismisses the toasts shown through dossier_accessible_show_toast() in
 * the toast overlay around @widget that are still on show or queued: those
 * whose button runs @action_name, or all if it is NULL (one sliding in
 * goes once it is in, as above). */
void     dossier_accessible_dismiss_toasts (GtkWidget  *widget,
                                            const char *action_name);
/* Whether a toast saying @title is on show or queued in the toast overlay
 * around @widget. */
gboolean dossier_accessible_has_toast      (GtkWidget  *widget,
                                            const char *title);

G_END_DECLS
