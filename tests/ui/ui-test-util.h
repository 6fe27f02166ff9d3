/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-test-util.h — what the window and panel tests (suite "ui") share
 * beyond tests/test-util.h (temporary projects, tags, the main loop): a
 * pause for delays the code under test sets itself, documents imported
 * and passages highlighted the way a user makes them, and finding widgets
 * and windows the way a user sees them. */
#pragma once

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-window.h"
#include "test-util.h"

G_BEGIN_DECLS

/* ---- Documents and highlights ---- */

/* Imports @text as a document in @format, as from a file named
 * @file_name (asserts success); its id. */
gint64      add_document       (DossierProject *project,
                                DossierFormat   format,
                                const char     *text,
                                const char     *file_name);
/* The code-point range of the first @needle in the document's text
 * (asserts that it is there). */
void        find_text_range    (DossierProject *project,
                                gint64          document_id,
                                const char     *needle,
                                gint64         *start,
                                gint64         *end);
/* Highlights the first @needle of the document with @tag_ids (asserts
 * success); its id. */
gint64      add_highlight      (DossierProject *project,
                                gint64          document_id,
                                const char     *needle,
                                const gint64   *tag_ids,
                                guint           n_tags,
                                const char     *memo);

/* ---- A project in the window ---- */

/* A window of @width × 800 px with the project at @path open (@flags),
 * presented, once the reader has painted its document: a reference, for
 * close_reader_window(). */
DossierWindow *open_reader_window  (const char        *path,
                                    DossierOpenFlags   flags,
                                    int                width);
/* Closes the dialogs @window opened, then @window, and clears it; with
 * *@window NULL, closes whatever toplevels a test left. */
void           close_reader_window (DossierWindow    **window);
/* close_reader_window (@window), then removes *@dir and all it holds;
 * clears *@dir and *@path (@path may be NULL): a fixture's tear-down. */
void           finish_reader_window (DossierWindow   **window,
                                     char            **dir,
                                     char            **path);
/* Copies the sample project (data/samples/sample.dossier in the build
 * tree, made by "meson compile sample-project") into @dir as @name;
 * the copy's path. */
char          *copy_sample_project (const char        *dir,
                                    const char        *name);
/* Whether @window's reader has painted its document (a DossierWindow;
 * a condition for wait_until ()). */
gboolean       view_painted        (gpointer           window);
/* Whether @window's reader paints a highlight's background at @offset of
 * its text, once it has painted. */
gboolean       painted_at          (DossierWindow     *window,
                                    gint64             offset);
/* Selects the first @needle of document @document_id in @window's reader,
 * with the focus in the text, as a user would; its range. */
void           select_in_reader    (DossierWindow     *window,
                                    gint64             document_id,
                                    const char        *needle,
                                    gint64            *start,
                                    gint64            *end);

/* The text on @clipboard, read to the end ("" when it holds none). */
char          *read_clipboard_text (GdkClipboard      *clipboard);

/* ---- Spanish ---- */

/* The user interface in Spanish from the build tree's catalogue: call
 * test_use_spanish() before gtk_test_init() (LANGUAGE=es in a UTF-8
 * locale), test_bind_spanish() after it (which forces en_US.UTF-8). */
void        test_use_spanish   (void);
void        test_bind_spanish  (void);

/* ---- Widgets and windows ---- */

/* Loads the application's style.css for the default display, as
 * AdwApplication does for the application (sizes depend on it); the
 * provider, to unref at the end of main(). */
GtkCssProvider *load_application_style (void);

/* Whether @widget is the one looked for, as @data describes it. */
typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

/* The first widget at or below @widget, in order, that @match accepts
 * with @data, or NULL. */
GtkWidget  *find_matching      (GtkWidget      *widget,
                                WidgetMatch     match,
                                gconstpointer   data);
/* The first widget of @type at or below @widget, or NULL. */
GtkWidget  *find_descendant    (GtkWidget      *widget,
                                GType           type);
/* Appends every widget of @type at or below @widget, in order. */
void        collect_descendants (GtkWidget     *widget,
                                 GType          type,
                                 GPtrArray     *found);
/* The menu item (a GtkModelButton, GTK's own) labelled @text (as shown:
 * without its mnemonic's underscore) in the menu @popover, or NULL. */
GtkWidget  *find_menu_item     (GtkWidget      *popover,
                                const char     *text);
/* Appends every widget with @css_class at or below @widget, in order. */
void        collect_with_class (GtkWidget      *widget,
                                const char     *css_class,
                                GPtrArray      *found);
/* The one widget with @css_class at or below @widget (fails the test
 * unless there is exactly one). */
GtkWidget  *find_with_class    (GtkWidget      *widget,
                                const char     *css_class);
/* The text of the one label (a GtkLabel or a DossierWrapLabel) with
 * @css_class at or below @widget. */
const char *label_with_class   (GtkWidget      *widget,
                                const char     *css_class);
/* The first label at or below @widget whose text is @text, or NULL. */
GtkWidget  *find_label         (GtkWidget      *widget,
                                const char     *text);
/* The first label at or below @widget whose text is @text (fails the
 * test if there is none), asserting it is shown whole: mapped, not
 * ellipsized (on one line or wrapped) and inside @widget's width. */
GtkWidget  *assert_label_whole (GtkWidget      *widget,
                                const char     *text);
/* @row (an AdwComboRow of GtkStringObjects) shows its value whole, and
 * its list (opened, then closed) every choice whole, the chosen one
 * checked (dossier_combo_row_list_whole()). */
void        assert_combo_row_whole (AdwComboRow *row);
/* The first button at or below @widget labelled @label, or NULL. */
GtkWidget  *find_button_labelled (GtkWidget    *widget,
                                  const char   *label);
/* The first button at or below @widget whose action is @action, or
 * NULL. */
GtkWidget  *find_button_with_action (GtkWidget  *widget,
                                     const char *action);
/* The first toggle button at or below @widget whose tooltip is
 * @tooltip, or NULL. */
GtkWidget  *find_toggle        (GtkWidget      *widget,
                                const char     *tooltip);
/* Fails the test unless each of the @n @tooltips is the tooltip of a
 * widget at or below @widget (which GTK reads out as its description). */
void        assert_tooltips    (GtkWidget         *widget,
                                const char *const *tooltips,
                                gsize              n);

/* The group titled @title of a shortcuts window (@widget), or NULL. */
GtkWidget  *find_shortcuts_group (GtkWidget    *widget,
                                  const char   *title);
/* The shortcut at or below @widget listing @accelerator as @title (any
 * title when @title is NULL: a key may be listed twice, Ctrl+E exports,
 * or cites for a focused argument), or NULL. */
GtkWidget  *find_shortcut      (GtkWidget      *widget,
                                const char     *accelerator,
                                const char     *title);

/* The rows of the one GtkListBox with @css_class at or below @widget
 * (fails the test unless there is exactly one). */
guint       count_list_box_rows    (GtkWidget  *widget,
                                    const char *css_class);
/* Waits until that list box holds @n rows: panels fill theirs again in an
 * idle after a change, and may make the list anew. */
void        wait_for_list_box_rows (GtkWidget  *widget,
                                    const char *css_class,
                                    guint       n);

/* ---- Conditions for wait_until () ---- */

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} LabelShown;

/* A label showing @text at or below @widget (a LabelShown). */
gboolean    label_shown        (gpointer        label_shown);
/* A mapped label saying @text at or below @widget (a toast's, a
 * caption's); waits for one. */
gboolean    shows_text         (GtkWidget      *widget,
                                const char     *text);
void        wait_for_text      (GtkWidget      *widget,
                                const char     *text);
/* Draws frames of @widget's window until every animation started so far
 * has run to its end (longer than libadwaita's longest toast animation,
 * 500 ms, of frame time). */
void        wait_for_animations (GtkWidget     *widget);
/* The bounds of @widget in @window's coordinates (its border box: what
 * it covers of the window); asserts it has them. */
graphene_rect_t bounds_in_window (GtkWidget *widget,
                                  gpointer   window);
/* Whether @popover is open and placed: mapped, its surface sized, its
 * box allocated. */
gboolean    popover_placed     (gpointer        popover);
/* Whether @popover, open over @window, lies in the window: its surface's
 * place in the window's surface (X places a popover on the screen, and
 * could put it past the window's edge), its shadow and margins aside. */
gboolean    popover_in_window  (GtkWidget      *popover,
                                GtkWidget      *window);
/* The toast @window shows (the first, if one slides out as another
 * slides in), or NULL. */
GtkWidget  *window_toast       (DossierWindow  *window);
/* Whether @window (a DossierWindow) shows a toast, even one sliding. */
gboolean    shows_toast        (gpointer        window);
/* Whether @window (a DossierWindow) shows no toast, not even one sliding
 * out: its toast overlay holds its content alone. */
gboolean    shows_no_toast     (gpointer        window);
/* Dismisses the toasts on show or queued in the toast overlay of @widget
 * (a DossierWindow, the overlay, or a widget in it) and waits until none
 * shows: the next toast then shows at once, not after the few seconds on
 * screen the overlay gives each one before it (a test that waits for it
 * would otherwise wait those out). */
void        dismiss_toasts     (GtkWidget      *widget);

typedef struct
{
  GtkWidget  *widget;
  gint64      id;
} FocusOn;

/* The focus on the row of argument (stakeholder) @id in @widget (a
 * FocusOn): see focused_argument (). Lists make the row of an item
 * scrolled to when they next lay out. */
gboolean    focus_on_argument    (gpointer      focus_on);
gboolean    focus_on_stakeholder (gpointer      focus_on);

typedef struct
{
  GtkListBox *list;
  int         index;  /* -1: out of the list */
} RowFocus;

/* The keyboard's focus on the row @index of @list, or in it; out of
 * @list when @index is -1 (a RowFocus). */
gboolean    row_focused        (gpointer        row_focus);
/* Presses @keys (xdotool's names: keys_through_x ()) on @list's window
 * and waits for the focus to be on its row @index (-1: out of it). */
void        press_for_row      (GtkListBox     *list,
                                const char     *keys,
                                int             index);

/* Hands @keyval with @mods to the key controllers of @widget itself,
 * those of the capture phase first, as GTK does when @widget has the
 * focus; TRUE if one of them handled it. */
gboolean    press_key_on       (GtkWidget      *widget,
                                guint           keyval,
                                GdkModifierType mods);

/* The shortcut of @widget's shortcut controllers (its class's bindings
 * among them) that @keyval with @mods triggers, or NULL. */
GtkShortcut *find_shortcut_on  (GtkWidget      *widget,
                                guint           keyval,
                                GdkModifierType mods);
/* Presses @keyval (no modifier) on @widget as its shortcut controllers
 * take it (the class's bindings among them); TRUE if one acted. */
gboolean    press_shortcut     (GtkWidget      *widget,
                                guint           keyval);

/* Presses a key where the focus of @window (a GtkWindow) is, as GTK
 * hands it to the shortcut controllers on the way: from the window down
 * to the focus (capture), then back up (bubble); then runs the main loop
 * until idle. Returns the name of the controller that acted on it (the
 * empty name "" if it has none), NULL if none did. (Only shortcuts are
 * tried: not key controllers, nor a text view's typing.) */
const char *press_key          (gpointer        window,
                                guint           keyval,
                                GdkModifierType mods);

/* The argument (the stakeholder) whose row's list item in @widget has
 * the keyboard's focus, or holds it, or 0. */
gint64      focused_argument    (GtkWidget     *widget);
gint64      focused_stakeholder (GtkWidget     *widget);

/* For xdotool, which moves the pointer through the X server as a user
 * does: @x and @y of @widget as a point of its window's X surface
 * ("mousemove --window XID X Y"), and the screen's far corner, where the
 * pointer is left out of the way of the tests after (each a "%d" string,
 * to free). */
void        xdotool_point       (GtkWidget     *widget,
                                 double         x,
                                 double         y,
                                 char         **at_x,
                                 char         **at_y);
void        xdotool_corner      (GtkWidget     *widget,
                                 char         **corner_x,
                                 char         **corner_y);
/* @widget's window as xdotool names it: its X surface's id (a "%lu"
 * string, to free). */
char       *xdotool_window      (GtkWidget     *widget);
/* @keys (xdotool's names) pressed and released through the X server in
 * @widget's window, as a user's: GTK's window sees them, and decides on
 * the focus ring when each is released. */
void        keys_through_x      (GtkWidget     *widget,
                                 const char    *keys);
/* A click of the mouse's first button at (@x, @y) of @widget, through the
 * X server (xdotool, XTest) as a user's: every gesture on the way sees it.
 * The pointer then goes to the screen's far corner: the tests after this
 * one share the X server, and test-accessibility's click in the codebook
 * missed with the pointer left over where its window opens. */
void        click_through_x     (GtkWidget     *widget,
                                 double         x,
                                 double         y);
/* Runs xdotool with @argv (NULL-terminated, "xdotool" first) while the
 * main loop runs, so that the windows it acts on answer the X server
 * meanwhile and see its events as they come; asserts it succeeded. */
void        run_xdotool         (const char * const *argv);

/* The visible window of @type transient for @parent (or for any window
 * when @parent is NULL), or NULL; asserts there is no more than one. */
GtkWindow  *find_toplevel      (GType           type,
                                GtkWindow      *parent);
/* Destroys every toplevel but @keep (which may be NULL). */
void        close_toplevels    (GtkWindow      *keep);

/* A plain window of @width × @height holding @child, presented, after its
 * first two frames have been painted. */
GtkWidget  *show_in_window     (GtkWidget      *child,
                                int             width,
                                int             height);
/* Resizes @window to @width × @height as a window manager does (on X11 a
 * mapped window keeps its size whatever its default size says), and waits
 * for that width, laid out. A window manager keeps a window at least as
 * wide as its minimum: narrower than that, the window stops there, with
 * or without one (the narrow layout a width brings lowers the minimum, so
 * the window goes there in steps). */
void        resize_toplevel    (GtkWindow      *window,
                                int             width,
                                int             height);
/* Takes the child out of @window and destroys it. */
void        close_window       (GtkWidget      *window);
/* Runs the main loop until @object has @n references left (GTK holds
 * some for a few frames after a popover closes, and keeps them if the
 * window goes first); fails the test after a generous deadline. */
void        wait_for_refs      (gpointer        object,
                                guint           n);

G_END_DECLS
