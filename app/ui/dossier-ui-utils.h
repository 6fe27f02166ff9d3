/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-ui-utils.h — small helpers the application's widgets share. */
#pragma once

#include <adwaita.h>
#include <dossier/dossier.h>

G_BEGIN_DECLS

/* Presents a modal message dialog over @parent (may be NULL) saying that
 * @heading happened, with @message (the core's, which says what to do)
 * and one Close button. */
void dossier_present_error (GtkWindow  *parent,
                            const char *heading,
                            const char *message);

/* Keeps the default size of @dialog (transient for its parent, not yet
 * shown) within its parent's size: a dialog is only as wide as the window
 * it belongs to, on a phone's screen as wide as the screen. On X11 a
 * window keeps its default size whatever its parent's, so an export
 * dialog 520 px wide over a window 360 px wide was cut off. */
void dossier_dialog_fit_parent (GtkWindow *dialog);

/* A message dialog over @parent asking before @file, which is there, is
 * replaced by a name the user did not choose in a file chooser (one the
 * application completed): "replace" or "cancel" (the default). The
 * caller connects to "response" and presents it. */
AdwMessageDialog *dossier_replace_question_new (GtkWindow *parent,
                                                GFile     *file);

/* Replaces the string at @dest by a copy of @value; FALSE when they were
 * equal (nothing changed). g_set_str() is GLib 2.76; we target 2.74. */
gboolean dossier_set_str (char       **dest,
                          const char  *value);

/* Pops @popover up (a context menu, from the keyboard or the mouse) and,
 * when it closes, gives the focus back to the widget that had it. GTK 4.8
 * leaves the focus on the popover's parent, which may be a container that
 * cannot be seen or take keys (a GtkPaned): from there Tab, F6 and every
 * shortcut went nowhere. */
void dossier_popup_returning_focus (GtkPopover *popover);

/* Keeps @owner's tooltip away while @popover (a menu it opened, or one
 * over it) is open: the pointer is still over @owner, and its tooltip
 * would otherwise open on top of the menu a moment later. */
void     dossier_hold_tooltip_while_open (GtkWidget  *owner,
                                          GtkPopover *popover);

/* Keeps the tooltip of every menu button and drop-down at or below
 * @widget away while its popover is open, whichever popover it has then:
 * a menu button whose menu is made when it opens (gtk_menu_button_set_create_popup_func())
 * has a new popover each time. GTK 4.8 leaves a menu button's tooltip to
 * show over its own menu. For widgets being built. */
void     dossier_hold_menu_tooltips      (GtkWidget  *widget);

/* Keeps the tooltip at (@x, @y) in @widget away until @popover (the menu
 * opened there) closes: that of the widget under the point that has one
 * (a row, a chip on it), up to @widget itself — a menu for a row is not
 * covered by the row's tooltip a moment after it opens. */
void     dossier_hold_tooltip_under      (GtkPopover *popover,
                                          GtkWidget  *widget,
                                          double      x,
                                          double      y);

/* Opens @button's popover where all of it is in the window: centred under
 * the button where there is room, else with its right edge under the
 * button's (a button at the window's right, a sidebar's last) or its left
 * edge under the button's. GTK keeps a popover on the monitor, not in its
 * window: centred on the Pros & Cons panel's + at the right of a window
 * 1,280 px wide, the add-question popover went 100 px past its edge. For
 * a button whose popover is not made when it opens (the create-popup
 * function is this one's). */
void       dossier_menu_button_keep_popover_in_window (GtkMenuButton *button);
/* Places @popover, about to open, where all of it is in its window, as
 * dossier_menu_button_keep_popover_in_window() does, for any popover
 * (what it points at, or its parent): across, centred (or on the side its
 * halign says) where there is room, else on the other side, else moved
 * in from the edge; up and down, on the side its position says where it
 * fits, else on the other, else on the roomier side with @scroller (its
 * list, may be NULL) shortened. At 360 × 800 the tag picker opened under
 * a selection near the reader's foot reached 100 px below the window and
 * past its right edge. Each call starts again from the position, halign
 * and list height the popover had at the first. */
void       dossier_popover_keep_in_window (GtkPopover        *popover,
                                           GtkScrolledWindow *scroller);

/* A popover menu for a right click or the Menu key, without an arrow and
 * starting where it points, made a child of @parent (which unparents it
 * in its dispose); its model is set when it opens. */
GtkWidget *dossier_context_menu_new (GtkWidget *parent);

/* What dossier_ask_save_path() calls once a file is chosen: @path is
 * where to write (a local path). */
typedef void (*DossierSavePathFunc) (GtkWidget  *widget,
                                     const char *path,
                                     gpointer    user_data);

/* Asks, in a modal file chooser over @widget's window, where to save,
 * offering @suggested_name (a '/' or '\\' in it made '-') in the folder
 * of @project's file (may be NULL: GTK's choice, the folder the program
 * was started in), and calls @func with @widget (kept alive meanwhile)
 * and @user_data if a file with a local path is chosen; nothing if the
 * person cancels. @destroy frees @user_data after the chooser closes,
 * either way. */
void     dossier_ask_save_path (GtkWidget           *widget,
                                DossierProject      *project,
                                const char          *title,
                                const char          *accept_label,
                                const char          *suggested_name,
                                DossierSavePathFunc  func,
                                gpointer             user_data,
                                GDestroyNotify       destroy);

/* Sets @widget's tooltip as gtk_widget_set_tooltip_text() does, without
 * the pointer query GTK 4.8 makes at once for a visible widget (an X
 * round trip each, even for a widget in no window yet: a tenth of opening
 * the Pros & Cons panel, whose every row has a menu button). For widgets
 * being built, not yet shown. */
void     dossier_set_tooltip_unshown (GtkWidget  *widget,
                                      const char *text);
/* Sets @widget's tooltip to @text (NULL or "" for none) unless it has it
 * already, through dossier_set_tooltip_unshown() while @widget is not
 * mapped: the pointer cannot be over it, and the query is what costs.
 * For rows bound again and again as a list fills (a codebook's every row
 * set its key's tooltip three times as a project opened, each an X round
 * trip). Its visibility toggles meanwhile: not for a widget whose
 * parent acts on that (a stack's page). */
void     dossier_set_tooltip         (GtkWidget  *widget,
                                      const char *text);

/* A template child's tooltip, set in code rather than in the template
 * (a tooltip-text property there costs a pointer query at build). */
typedef struct
{
  const char *id;       /* a template child's id */
  const char *tooltip;  /* marked N_(), translated when set */
} DossierTemplateTooltip;

/* Sets the @n tooltips of @self's template of @type through
 * dossier_set_tooltip_unshown(): for init, after
 * gtk_widget_init_template(). Each id must be bound
 * (gtk_widget_class_bind_template_child_full() with no offset will do). */
void     dossier_set_template_tooltips (GtkWidget                    *self,
                                        GType                         type,
                                        const DossierTemplateTooltip *tooltips,
                                        gsize                         n);

/* The most of a stored text the window shows in one label, row, tooltip,
 * title or menu item. A file from elsewhere may hold a name or a text of
 * any length, and a GTK label lays out the whole of its text each time it
 * is measured: a wrapped megabyte keeps the window busy for minutes. */
#define DOSSIER_SHOWN_MAX_CHARS DOSSIER_TEXT_SHOWN_MAX

/* @text (valid UTF-8; NULL is "") as the window shows it: cut to
 * DOSSIER_SHOWN_MAX_CHARS characters, ending in "…", when longer, and
 * each word of more than DOSSIER_TEXT_SHOWN_RUN_MAX characters cut too
 * (dossier_text_shown ()). */
char    *dossier_shown_text          (const char   *text);
/* gtk_label_set_text () of dossier_shown_text (@text). */
void     dossier_label_set_shown     (GtkLabel     *label,
                                      const char   *text);
/* A GBindingTransformFunc from a string to dossier_shown_text () of it:
 * for a stored text bound to a label, a tooltip or a chip. */
gboolean dossier_shown_transform     (GBinding     *binding,
                                      const GValue *from,
                                      GValue       *to,
                                      gpointer      user_data);

/* The same for a closure in a builder expression, <closure
 * type="gchararray" function="dossier_shown"> around a lookup: the
 * symbol is in dossier_shown_scope () and, through
 * dossier_shown_class_init (), in a widget class's template. */
char    *dossier_shown_closure       (gpointer      this_object,
                                      const char   *text);
/* A builder scope knowing "dossier_shown" (transfer full): for a
 * GtkBuilderListItemFactory made in code. */
GtkBuilderScope *dossier_shown_scope (void);
void     dossier_shown_class_init    (GtkWidgetClass *widget_class);

/* A factory of labels showing @property, a string of the list's items of
 * @item_type, through dossier_shown_text (): on one line, ellipsized
 * (a drop-down's button), or wrapped (its list); @max_width_chars wide. */
GtkListItemFactory *dossier_shown_label_factory_new (GType       item_type,
                                                     const char *property,
                                                     gboolean    wrap,
                                                     int         max_width_chars);
/* The same for a list's rows: wrapped over at most @lines lines, "…" at
 * the end of a text that needs more (as dossier_label_set_max_lines ()),
 * so that a long title never makes a row a page tall. */
GtkListItemFactory *dossier_shown_lines_factory_new (GType       item_type,
                                                     const char *property,
                                                     int         lines,
                                                     int         max_width_chars);

/* Makes @label a start-aligned text that wraps (inside a long word too)
 * over at most @lines lines and ends in "…" when it needs more: a quote,
 * a snippet or a name in a list row, which must not make the row tall. */
void     dossier_label_set_max_lines (GtkLabel   *label,
                                      int         lines);

/* A flat button showing @icon_name, aligned @valign in its row, whose
 * tooltip @label is also its name for assistive technologies (GTK 4.8
 * names an icon button after its icon). */
GtkWidget *dossier_icon_button_new   (const char *icon_name,
                                      const char *label,
                                      GtkAlign    valign);

/* Shows @message in a toast in the overlay around @widget (or @widget,
 * when it is the overlay), read out as dossier_accessible_show_toast()
 * does; with @undo the window shows it (win.toast), offering Undo for
 * what was just done and nothing after it — outside a window that offers
 * win.toast, without Undo. FALSE when @widget is in no overlay. */
gboolean dossier_show_toast      (GtkWidget    *widget,
                                  const char   *message,
                                  gboolean      undo);

/* Says in a toast (as dossier_show_toast(), without Undo) that @what
 * failed and why — @error's message, which says what to do — and logs
 * it. */
void     dossier_report_in_toast (GtkWidget    *widget,
                                  const char   *what,
                                  const GError *error);

/* Binds @key, a string setting, to @object's "selected" (a combo row's
 * or drop-down's row): row i stands for @names[i] (NULL-terminated).
 * Kept by name, not by row number, so that a reordered list or a new
 * choice does not turn into another choice; a name no row has selects
 * the first. @names must outlive the binding (a static array). */
void     dossier_settings_bind_choice (GSettings          *settings,
                                       const char         *key,
                                       gpointer            object,
                                       const char * const *names);

/* Lists the strings of @row (an AdwComboRow of GtkStringObjects) whole
 * in its popup, wrapped past 32 characters, the selected one checked:
 * libadwaita's own list cuts them at 20 (“Head of state or off…”); a
 * value shown beside the row's title (not as its subtitle) wraps there. */
void     dossier_combo_row_list_whole (AdwComboRow *row);

/* A day as the sidebars and the start page show it: "3 Dec 2026"
 * (translated, no padding). */
char    *dossier_format_day (GDateTime *day);
/* A document's date, "YYYY-MM-DD" or a full ISO 8601 stamp, as
 * dossier_format_day() shows it; the string itself (its first 40
 * characters) if it cannot be read, NULL for NULL or "". */
char    *dossier_format_iso_day (const char *iso);

/* Widens [@start, @end) to whole words: a start inside a word moves back
 * to the word's start, an end inside one forward to its end. Words are
 * Pango's, with an apostrophe between letters (don’t, ma’am, not the
 * French or Italian elision of l’État or qu’il), the apostrophe of a
 * clipped word (’til, rock ’n’ roll) and a point or comma between digits
 * (3.5, 1,200) inside them, and an ideograph or hiragana a word of its own. Never shrinks; a range of only
 * spaces and punctuation is left as it is. TRUE if it moved. */
gboolean dossier_text_iter_extend_to_words (GtkTextIter *start,
                                            GtkTextIter *end);

/* A range of a text buffer, in characters. */
typedef struct
{
  gint64 start;
  gint64 end;   /* exclusive */
} DossierTextRange;

/* By start, then by end: a GCompareFunc of DossierTextRange. */
int      dossier_text_range_compare (gconstpointer a,
                                     gconstpointer b);

/* Puts @tag on exactly @ranges of @buffer (a GArray of DossierTextRange,
 * in any order; sorted and merged where they touch, in place), tagging and
 * untagging only the ranges that differ from where it lies now. A tag that
 * changes the size of text for GTK (an underline, invisible, a margin…)
 * has every line of a range tagged or untagged laid out again, even where
 * nothing changed: untagging the whole text and tagging it again lays the
 * whole text out again. */
void     dossier_text_buffer_set_tag_ranges (GtkTextBuffer *buffer,
                                             GtkTextTag    *tag,
                                             GArray        *ranges);

/* Measures @widget's children (those laid out) in @orientation, for
 * @for_size, as a line of them along @line, @spacing apart: along the
 * line, their sizes and the spacing added up; across it, the largest.
 * With @wraps (children that go on lines of their own where the line has
 * no room), the minimum along the line is the largest child's. */
void     dossier_measure_line (GtkWidget      *widget,
                               GtkOrientation  line,
                               GtkOrientation  orientation,
                               int             for_size,
                               int             spacing,
                               gboolean        wraps,
                               int            *minimum,
                               int            *natural);

/* Sets @field, an int property of @manager, to @value: on a change, the
 * widget is laid out again and @pspec notified (for properties flagged
 * G_PARAM_EXPLICIT_NOTIFY). */
void     dossier_layout_manager_set_int (GtkLayoutManager *manager,
                                         int              *field,
                                         const GValue     *value,
                                         GParamSpec       *pspec);

/* A layout manager's int property in pixels, 0 or more (a spacing),
 * notified only on a change, as dossier_layout_manager_set_int() does. */
GParamSpec *dossier_layout_manager_pixels_pspec (const char *name);

/* A GtkLayoutManagerClass.get_request_mode for a layout whose height
 * depends on its width (text that wraps, children that wrap). */
GtkSizeRequestMode dossier_layout_manager_height_for_width (GtkLayoutManager *manager,
                                                            GtkWidget        *widget);

/* Ends a GtkLayoutManagerClass.measure: @min and @nat into @minimum and
 * @natural, no baseline; any of the four may be NULL. */
void     dossier_layout_manager_measured (int  min,
                                          int  nat,
                                          int *minimum,
                                          int *natural,
                                          int *minimum_baseline,
                                          int *natural_baseline);

G_END_DECLS
