/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-test-util.c — helpers shared by the window and panel tests, beyond
 * tests/test-util.c. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include <gdk/x11/gdkx.h>

#include "dossier-accessible.h"
#include "dossier-argument-row.h"
#include "dossier-reader-page-private.h"
#include "dossier-stakeholder-row.h"
#include "dossier-window-private.h"
#include "dossier-wrap-label.h"
#include "ui-test-util.h"

/* ---- Documents and highlights ---- */

gint64
add_document (DossierProject *project,
              DossierFormat   format,
              const char     *text,
              const char     *file_name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(DossierParsedDocument) parsed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  parsed = dossier_import_bytes (bytes, format, file_name, &error);
  g_assert_no_error (error);
  id = dossier_project_add_document (project, parsed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

void
find_text_range (DossierProject *project,
                 gint64          document_id,
                 const char     *needle,
                 gint64         *start,
                 gint64         *end)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = dossier_project_get_document_text (project, document_id, &error);
  const char *hit;

  g_assert_no_error (error);
  hit = strstr (text, needle);
  if (hit == NULL)
    g_error ("The text of document %" G_GINT64_FORMAT " has no “%s”", document_id, needle);
  *start = g_utf8_pointer_to_offset (text, hit);
  *end = *start + g_utf8_strlen (needle, -1);
}

gint64
add_highlight (DossierProject *project,
               gint64          document_id,
               const char     *needle,
               const gint64   *tag_ids,
               guint           n_tags,
               const char     *memo)
{
  g_autoptr(GError) error = NULL;
  gint64 start, end, id;

  find_text_range (project, document_id, needle, &start, &end);
  id = dossier_project_add_highlight (project, document_id, start, end, tag_ids, n_tags, memo, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* ---- A project in the window ---- */

static gboolean
reader_painted (gpointer data)
{
  DossierWindow *window = data;

  return view_painted (window) && gtk_widget_get_height (GTK_WIDGET (window->reader_page->view_overlay)) > 100;
}

DossierWindow *
open_reader_window (const char       *path,
                    DossierOpenFlags  flags,
                    int               width)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierWindow *window = g_object_ref_sink (dossier_window_new (NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (dossier_window_open_project (window, file, flags, &error));
  g_assert_no_error (error);
  wait_until (reader_painted, window, "the first paint");
  return window;
}

void
close_reader_window (DossierWindow **window)
{
  if (*window == NULL)
    {
      close_toplevels (NULL);
      return;
    }
  close_toplevels (GTK_WINDOW (*window));
  gtk_window_destroy (GTK_WINDOW (*window));
  flush_events ();
  g_clear_object (window);
}

void
finish_reader_window (DossierWindow **window,
                      char           **dir,
                      char           **path)
{
  close_reader_window (window);
  remove_tree (*dir);
  g_clear_pointer (dir, g_free);
  if (path != NULL)
    g_clear_pointer (path, g_free);
}

char *
copy_sample_project (const char *dir,
                     const char *name)
{
  g_autoptr(GFile) sample = g_file_new_for_path (BUILD_DATA_DIR "/samples/sample.dossier");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (path);

  if (!g_file_copy (sample, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    g_error ("Cannot copy the sample project (build it with “meson compile sample-project”): %s",
             error->message);
  return path;
}

gboolean
view_painted (gpointer window)
{
  return dossier_document_view_is_painted (dossier_window_get_document_view (DOSSIER_WINDOW (window)));
}

gboolean
painted_at (DossierWindow *window,
            gint64         offset)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (dossier_window_get_document_view (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  g_autoptr(GSList) tags = NULL;
  GtkTextIter iter;

  wait_until (view_painted, window, "the highlights to be painted");
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean background_set = FALSE;

      g_object_get (l->data, "background-set", &background_set, NULL);
      if (background_set)
        return TRUE;
    }
  return FALSE;
}

void
select_in_reader (DossierWindow *window,
                  gint64         document_id,
                  const char    *needle,
                  gint64        *start,
                  gint64        *end)
{
  DossierDocumentView *view = dossier_window_get_document_view (window);

  find_text_range (dossier_window_get_project (window), document_id, needle, start, end);
  gtk_widget_grab_focus (GTK_WIDGET (dossier_document_view_get_text_view (view)));
  dossier_document_view_select_range (view, *start, *end);
  flush_events ();
}

/* ---- Widgets and windows ---- */

GtkWidget *
find_matching (GtkWidget     *widget,
               WidgetMatch    match,
               gconstpointer  data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_matching (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  return find_matching (widget, is_of_type, GSIZE_TO_POINTER (type));
}

void
collect_descendants (GtkWidget *widget,
                     GType      type,
                     GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_descendants (child, type, found);
}

GtkWidget *
find_menu_item (GtkWidget  *popover,
                const char *text)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  collect_descendants (popover, g_type_from_name ("GtkModelButton"), items);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *label = NULL;

      g_object_get (g_ptr_array_index (items, i), "text", &label, NULL);
      if (g_strcmp0 (label, text) == 0)
        return g_ptr_array_index (items, i);
    }
  return NULL;
}

void
collect_with_class (GtkWidget  *widget,
                    const char *css_class,
                    GPtrArray  *found)
{
  if (gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_with_class (child, css_class, found);
}

GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_with_class (widget, css_class, found);
  if (found->len != 1)
    g_error ("%u widgets with the class “%s”, not one", found->len, css_class);

  return g_ptr_array_index (found, 0);
}

const char *
label_with_class (GtkWidget  *widget,
                  const char *css_class)
{
  GtkWidget *label = find_with_class (widget, css_class);

  /* The Pros & Cons rows' texts are labels laid out once per width. */
  if (DOSSIER_IS_WRAP_LABEL (label))
    return dossier_wrap_label_get_text (DOSSIER_WRAP_LABEL (label));
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

gboolean
press_key_on (GtkWidget       *widget,
              guint            keyval,
              GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  const GtkPropagationPhase phases[] = { GTK_PHASE_CAPTURE, GTK_PHASE_TARGET, GTK_PHASE_BUBBLE };

  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
        gboolean handled = FALSE;

        if (!GTK_IS_EVENT_CONTROLLER_KEY (controller)
            || gtk_event_controller_get_propagation_phase (controller) != phases[p])
          continue;
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0u, mods, &handled);
        if (handled)
          return TRUE;
      }

  return FALSE;
}

GtkShortcut *
find_shortcut_on (GtkWidget       *widget,
                  guint            keyval,
                  GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == gdk_keyval_to_lower (keyval) &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods)
            return g_steal_pointer (&shortcut);
        }
    }
  return NULL;
}

gboolean
press_shortcut (GtkWidget *widget,
                guint      keyval)
{
  g_autoptr(GtkShortcut) shortcut = find_shortcut_on (widget, keyval, 0);

  return shortcut != NULL &&
         gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                       gtk_shortcut_get_arguments (shortcut));
}

/* The shortcut of @controller triggered by @keyval with exactly @mods,
 * activated on @widget as GTK would; TRUE if it acted. */
static gboolean
try_shortcuts (GtkEventController *controller,
               GtkWidget          *widget,
               guint               keyval,
               GdkModifierType     mods,
               gboolean           *found)
{
  GListModel *shortcuts = G_LIST_MODEL (controller);
  guint n = g_list_model_get_n_items (shortcuts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

      if (!GTK_IS_KEYVAL_TRIGGER (trigger)
          || gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != keyval
          || gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != mods)
        continue;
      *found = TRUE;
      if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                        gtk_shortcut_get_arguments (shortcut)))
        return TRUE;
    }
  return FALSE;
}

static const char *
try_phase (GPtrArray       *chain,
           gboolean         capture,
           guint            keyval,
           GdkModifierType  mods)
{
  for (guint k = 0; k < chain->len; k++)
    {
      GtkWidget *widget = g_ptr_array_index (chain, capture ? chain->len - 1 - k : k);
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
      guint n = g_list_model_get_n_items (controllers);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
          GtkPropagationPhase phase = gtk_event_controller_get_propagation_phase (controller);
          gboolean found = FALSE;

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
              || phase != (capture ? GTK_PHASE_CAPTURE : GTK_PHASE_BUBBLE))
            continue;
          if (try_shortcuts (controller, widget, keyval, mods, &found))
            return gtk_event_controller_get_name (controller) != NULL
                   ? gtk_event_controller_get_name (controller) : "";
        }
    }
  return NULL;
}

const char *
press_key (gpointer         window,
           guint            keyval,
           GdkModifierType  mods)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  const char *handled;

  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window)); w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_add (chain, w);
  if (chain->len == 0)
    g_ptr_array_add (chain, window);

  handled = try_phase (chain, TRUE, keyval, mods);
  if (handled == NULL)
    handled = try_phase (chain, FALSE, keyval, mods);
  flush_events ();
  return handled;
}

/* The item of the row of @row_type whose list item in @widget has the
 * focus, or holds it; NULL if none. */
static gpointer
focused_row_item (GtkWidget *widget,
                  GType      row_type)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, widget))
    return NULL;
  row = G_TYPE_CHECK_INSTANCE_TYPE (focus, row_type) ? focus : gtk_widget_get_ancestor (focus, row_type);
  if (row == NULL)
    row = find_descendant (focus, row_type);
  return row != NULL ? dossier_row_get_item (DOSSIER_ROW (row)) : NULL;
}

gint64
focused_argument (GtkWidget *widget)
{
  DossierArgument *argument = focused_row_item (widget, DOSSIER_TYPE_ARGUMENT_ROW);

  return argument != NULL ? dossier_argument_get_id (argument) : 0;
}

gint64
focused_stakeholder (GtkWidget *widget)
{
  DossierStakeholder *stakeholder = focused_row_item (widget, DOSSIER_TYPE_STAKEHOLDER_ROW);

  return stakeholder != NULL ? dossier_stakeholder_get_id (stakeholder) : 0;
}

gboolean
focus_on_argument (gpointer focus_on)
{
  return focused_argument (((FocusOn *) focus_on)->widget) == ((FocusOn *) focus_on)->id;
}

gboolean
focus_on_stakeholder (gpointer focus_on)
{
  return focused_stakeholder (((FocusOn *) focus_on)->widget) == ((FocusOn *) focus_on)->id;
}

/* The row of @list that has the keyboard's focus, or holds it; -1 when
 * the focus is out of @list. */
static int
focused_row_index (GtkListBox *list)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (list)));
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (list)))
    return -1;
  row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  return row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
}

gboolean
row_focused (gpointer row_focus)
{
  RowFocus *wanted = row_focus;

  return focused_row_index (wanted->list) == wanted->index;
}

void
press_for_row (GtkListBox *list,
               const char *keys,
               int         index)
{
  g_test_message ("%s, for row %d", keys, index);
  keys_through_x (GTK_WIDGET (list), keys);
  wait_until (row_focused, &(RowFocus) { list, index }, keys);
}

typedef struct
{
  GtkWidget *widget;
  int        width;
} WidthWait;

static gboolean
is_width (gpointer data)
{
  WidthWait *w = data;

  return gtk_widget_get_width (w->widget) == w->width;
}

static gboolean
is_laid_out (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

void
resize_toplevel (GtkWindow *window,
                 int        width,
                 int        height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GdkDisplay *display = gdk_surface_get_display (surface);
  WidthWait w = { GTK_WIDGET (window), width };
  int frame;

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  wait_until (is_laid_out, window, "the first layout");
  frame = gdk_surface_get_width (surface) - gtk_widget_get_width (GTK_WIDGET (window));
  /* The window's minimum is what the window manager keeps it at, and
   * what a width brings (narrow mode, sidebars folded) lowers it: so step
   * by step, to the minimum at each, until the width asked for or one the
   * window goes no narrower than. Without a window manager X takes any
   * width, and the window laid out below its minimum; with one, a width
   * under the minimum never came and the wait timed out. */
  for (guint step = 0;; step++)
    {
      int min = 0;

      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      w.width = MAX (width, min);
      if (gtk_widget_get_width (GTK_WIDGET (window)) == w.width)
        break;
      g_assert_cmpuint (step, <, 3);
      XResizeWindow (gdk_x11_display_get_xdisplay (display), gdk_x11_surface_get_xid (surface),
                     (unsigned) (w.width + frame), (unsigned) height);
      XFlush (gdk_x11_display_get_xdisplay (display));
      wait_until (is_width, &w, "the window to take the width");
      /* Laid out at it, with what it brings. */
      wait_for_animations (GTK_WIDGET (window));
    }
  if (w.width != width)
    g_test_message ("%d px asked for: the window goes no narrower than %d px", width, w.width);
}

static void
on_clipboard_text (GObject      *clipboard,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
text_is_read (gpointer data)
{
  return *(char **) data != NULL;
}

char *
read_clipboard_text (GdkClipboard *clipboard)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text, &text);
  wait_until (text_is_read, &text, "the clipboard's text");
  return text;
}

void
test_use_spanish (void)
{
  /* LANGUAGE is ignored in the "C" locale; C.UTF-8 is always there. */
  g_setenv ("LANGUAGE", "es", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

void
test_bind_spanish (void)
{
  /* G_TEST_BUILDDIR is <build>/tests; i18n.gettext() builds into <build>/po. */
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

GtkCssProvider *
load_application_style (void)
{
  GtkCssProvider *style = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (style, "/org/dossier/Dossier/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return style;
}

void
xdotool_point (GtkWidget  *widget,
               double      x,
               double      y,
               char      **at_x,
               char      **at_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double dx, dy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  *at_x = g_strdup_printf ("%d", (int) (point.x + dx));
  *at_y = g_strdup_printf ("%d", (int) (point.y + dy));
}

void
xdotool_corner (GtkWidget  *widget,
                char      **corner_x,
                char      **corner_y)
{
  GdkMonitor *monitor = g_list_model_get_item (gdk_display_get_monitors (gtk_widget_get_display (widget)), 0);
  GdkRectangle screen;

  gdk_monitor_get_geometry (monitor, &screen);
  g_object_unref (monitor);
  *corner_x = g_strdup_printf ("%d", screen.x + screen.width - 1);
  *corner_y = g_strdup_printf ("%d", screen.y + screen.height - 1);
}

char *
xdotool_window (GtkWidget *widget)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  return g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
}

void
keys_through_x (GtkWidget  *widget,
                const char *keys)
{
  g_autofree char *xid = xdotool_window (widget);

  run_xdotool ((const char *[]) { "xdotool", "windowfocus", "--sync", xid, "key", "--delay", "50", keys, NULL });
  flush_events ();
}

void
click_through_x (GtkWidget *widget,
                 double     x,
                 double     y)
{
  g_autofree char *xid = xdotool_window (widget);
  g_autofree char *at_x = NULL;
  g_autofree char *at_y = NULL;
  g_autofree char *corner_x = NULL;
  g_autofree char *corner_y = NULL;

  xdotool_point (widget, x, y, &at_x, &at_y);
  xdotool_corner (widget, &corner_x, &corner_y);
  run_xdotool ((const char *[]) { "xdotool", "mousemove", "--sync", "--window", xid, at_x, at_y,
                                  "click", "1", "mousemove", corner_x, corner_y, NULL });
  flush_events ();
}

static void
on_xdotool_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
run_xdotool (const char * const *argv)
{
  g_autoptr(GSubprocess) xdotool = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  xdotool = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (xdotool, NULL, on_xdotool_done, &done);
  wait_until (is_true, &done, "xdotool");
}

GtkWindow *
find_toplevel (GType      type,
               GtkWindow *parent)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data)
        && (parent == NULL || gtk_window_get_transient_for (l->data) == parent))
      {
        g_assert_null (found);
        found = l->data;
      }
  g_list_free (toplevels);

  return found;
}

void
close_toplevels (GtkWindow *keep)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) keep)
      gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (toplevels);
  flush_events ();
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  return find_matching (widget, is_label, text);
}

/* A combo row keeps the value it no longer shows beside its title (it
 * is under it): the label sought is the one on show. */
static gboolean
is_mapped_label (GtkWidget     *widget,
                 gconstpointer  text)
{
  return is_label (widget, text) && gtk_widget_get_mapped (widget);
}

GtkWidget *
assert_label_whole (GtkWidget  *widget,
                    const char *text)
{
  GtkWidget *label = find_matching (widget, is_mapped_label, text);
  graphene_rect_t bounds;

  if (label == NULL)
    g_error ("no label “%s”", text);
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  g_assert_true (gtk_widget_compute_bounds (label, widget, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (widget));
  return label;
}

static gboolean
list_laid_out (gpointer popover)
{
  GtkWidget *list = find_descendant (popover, GTK_TYPE_LIST_VIEW);

  return gtk_widget_get_mapped (popover) && gtk_widget_get_width (popover) > 0 &&
         list != NULL && gtk_widget_get_first_child (list) != NULL &&
         gtk_widget_get_width (gtk_widget_get_first_child (list)) > 0;
}

void
assert_combo_row_whole (AdwComboRow *row)
{
  GListModel *choices = adw_combo_row_get_model (row);
  GtkStringObject *chosen = adw_combo_row_get_selected_item (row);
  GtkWidget *popover;

  g_assert_true (GTK_IS_STRING_OBJECT (chosen));
  assert_label_whole (GTK_WIDGET (row), gtk_string_object_get_string (chosen));

  adw_action_row_activate (ADW_ACTION_ROW (row));
  flush_events ();
  popover = find_descendant (GTK_WIDGET (row), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  wait_until (list_laid_out, popover, "the list of choices laid out");
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);
      GtkWidget *label = assert_label_whole (popover, gtk_string_object_get_string (choice));
      GtkWidget *check = gtk_widget_get_next_sibling (label);

      g_assert_true (GTK_IS_IMAGE (check));
      g_assert_cmpfloat (gtk_widget_get_opacity (check), ==, choice == chosen ? 1 : 0);
    }
  gtk_popover_popdown (GTK_POPOVER (popover));
  flush_events ();
}

static gboolean
is_button (GtkWidget     *widget,
           gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  return find_matching (widget, is_button, label);
}

static gboolean
is_button_with_action (GtkWidget     *widget,
                       gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

GtkWidget *
find_button_with_action (GtkWidget  *widget,
                         const char *action)
{
  return find_matching (widget, is_button_with_action, action);
}

static gboolean
is_toggle (GtkWidget     *widget,
           gconstpointer  tooltip)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

GtkWidget *
find_toggle (GtkWidget  *widget,
             const char *tooltip)
{
  return find_matching (widget, is_toggle, tooltip);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return gtk_widget_get_has_tooltip (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

void
assert_tooltips (GtkWidget         *widget,
                 const char *const *tooltips,
                 gsize              n)
{
  for (gsize i = 0; i < n; i++)
    if (find_matching (widget, has_tooltip, tooltips[i]) == NULL)
      g_error ("no widget with the tooltip “%s”", tooltips[i]);
}

static gboolean
is_shortcuts_group (GtkWidget     *widget,
                    gconstpointer  title)
{
  g_autofree char *text = NULL;

  if (!GTK_IS_SHORTCUTS_GROUP (widget))
    return FALSE;
  g_object_get (widget, "title", &text, NULL);
  return g_strcmp0 (text, title) == 0;
}

GtkWidget *
find_shortcuts_group (GtkWidget  *widget,
                      const char *title)
{
  return find_matching (widget, is_shortcuts_group, title);
}

typedef struct
{
  const char *accelerator;
  const char *title;
} ShortcutListed;

static gboolean
is_shortcut (GtkWidget     *widget,
             gconstpointer  data)
{
  const ShortcutListed *listed = data;
  g_autofree char *accelerator = NULL;
  g_autofree char *title = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "accelerator", &accelerator, "title", &title, NULL);
  return g_strcmp0 (accelerator, listed->accelerator) == 0 &&
         (listed->title == NULL || g_strcmp0 (title, listed->title) == 0);
}

GtkWidget *
find_shortcut (GtkWidget  *widget,
               const char *accelerator,
               const char *title)
{
  ShortcutListed listed = { accelerator, title };

  return find_matching (widget, is_shortcut, &listed);
}

static guint
n_list_box_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

guint
count_list_box_rows (GtkWidget  *widget,
                     const char *css_class)
{
  return n_list_box_rows (GTK_LIST_BOX (find_with_class (widget, css_class)));
}

typedef struct
{
  GtkWidget  *widget;
  const char *css_class;
  guint       n;
} RowsWanted;

static gboolean
rows_are (gpointer data)
{
  RowsWanted *wanted = data;
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  collect_with_class (wanted->widget, wanted->css_class, lists);
  return lists->len == 1 && GTK_IS_LIST_BOX (g_ptr_array_index (lists, 0))
         && n_list_box_rows (g_ptr_array_index (lists, 0)) == wanted->n;
}

void
wait_for_list_box_rows (GtkWidget  *widget,
                        const char *css_class,
                        guint       n)
{
  RowsWanted wanted = { widget, css_class, n };

  wait_until (rows_are, &wanted, css_class);
}

gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
text_shown (gpointer data)
{
  LabelShown *shown = data;

  return shows_text (shown->widget, shown->text);
}

void
wait_for_text (GtkWidget  *widget,
               const char *text)
{
  LabelShown shown = { widget, text };

  wait_until (text_shown, &shown, text);
}

gboolean
label_shown (gpointer data)
{
  LabelShown *shown = data;

  return find_label (shown->widget, shown->text) != NULL;
}

graphene_rect_t
bounds_in_window (GtkWidget *widget,
                  gpointer   window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  return bounds;
}

gboolean
popover_placed (gpointer popover)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));

  return gtk_widget_get_mapped (popover) && surface != NULL && gdk_surface_get_height (surface) > 1 &&
         gtk_widget_get_width (popover) > 0;
}

gboolean
popover_in_window (GtkWidget *popover,
                   GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
  GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (popover));
  /* What is drawn: the frame GTK 4.8 makes around the child, inside the
   * popover's margins. */
  GtkWidget *box = child != NULL ? gtk_widget_get_parent (child) : popover;
  double popover_x, popover_y, window_x, window_y;
  graphene_rect_t content;

  /* The popover within its surface, and the window within its. */
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_x, &popover_y);
  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_x, &window_y);
  if (!gtk_widget_compute_bounds (box, popover, &content))
    return FALSE;
  popover_x += content.origin.x + gdk_popup_get_position_x (GDK_POPUP (surface)) - window_x;
  popover_y += content.origin.y + gdk_popup_get_position_y (GDK_POPUP (surface)) - window_y;
  g_test_message ("popover at %g,%g, %gx%g, in a window %dx%d", popover_x, popover_y,
                  content.size.width, content.size.height, gtk_widget_get_width (window),
                  gtk_widget_get_height (window));
  return popover_x >= 0 && popover_y >= 0 && popover_x + content.size.width <= gtk_widget_get_width (window) &&
         popover_y + content.size.height <= gtk_widget_get_height (window);
}

/* The toast @overlay shows (the first, if one slides out as another
 * slides in), or NULL. */
static GtkWidget *
overlay_toast (AdwToastOverlay *overlay)
{
  GtkWidget *content = adw_toast_overlay_get_child (overlay);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (overlay)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != content)
      return child;
  return NULL;
}

GtkWidget *
window_toast (DossierWindow *window)
{
  return overlay_toast (window->toast_overlay);
}

gboolean
shows_toast (gpointer window)
{
  return window_toast (DOSSIER_WINDOW (window)) != NULL;
}

gboolean
shows_no_toast (gpointer window)
{
  return window_toast (DOSSIER_WINDOW (window)) == NULL;
}

static gboolean
overlay_shows_no_toast (gpointer overlay)
{
  return overlay_toast (overlay) == NULL;
}

void
dismiss_toasts (GtkWidget *widget)
{
  GtkWidget *overlay = DOSSIER_IS_WINDOW (widget) ? GTK_WIDGET (DOSSIER_WINDOW (widget)->toast_overlay)
                       : ADW_IS_TOAST_OVERLAY (widget) ? widget
                       : gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  g_assert_nonnull (overlay);
  dossier_accessible_dismiss_toasts (overlay, NULL);
  wait_until (overlay_shows_no_toast, overlay, "the toasts to go");
}

typedef struct
{
  gint64 start;
  gint64 now;
} FrameTime;

static gboolean
count_frame_time (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  FrameTime *t = data;

  t->now = gdk_frame_clock_get_frame_time (clock);
  if (t->start == 0)
    t->start = t->now;
  return G_SOURCE_CONTINUE;
}

static gboolean
animations_past (gpointer data)
{
  FrameTime *t = data;

  return t->start != 0 && t->now - t->start > 600 * G_TIME_SPAN_MILLISECOND;
}

void
wait_for_animations (GtkWidget *widget)
{
  FrameTime t = { 0, 0 };
  /* Animations run on the frame clock, whose frames this keeps coming. */
  guint id = gtk_widget_add_tick_callback (widget, count_frame_time, &t, NULL);

  wait_until (animations_past, &t, "the animations to end");
  gtk_widget_remove_tick_callback (widget, id);
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
count_paint (GdkFrameClock *clock,
             guint         *painted)
{
  if (++(*painted) < 2)
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

static gboolean
painted_twice (gpointer painted)
{
  return *(guint *) painted >= 2;
}

GtkWidget *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();
  GdkFrameClock *clock;
  guint painted = 0;
  gulong handler;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (widget_mapped, window, "the window to be mapped");

  /* Lists make their rows when laid out, and what they bind may lay out
   * again: two painted frames, asked for whether or not GTK asks. */
  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint), &painted);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
  wait_until (painted_twice, &painted, "the window's first frames");
  g_signal_handler_disconnect (clock, handler);
  flush_events ();

  return window;
}

void
close_window (GtkWidget *window)
{
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

typedef struct
{
  GObject *object;
  guint    n;
} Refs;

static gboolean
has_refs (gpointer data)
{
  Refs *refs = data;

  return (guint) g_atomic_int_get (&refs->object->ref_count) == refs->n;
}

void
wait_for_refs (gpointer object,
               guint    n)
{
  g_autofree char *what = g_strdup_printf ("GTK to release the %s", G_OBJECT_TYPE_NAME (object));

  wait_until (has_refs, &(Refs) { object, n }, what);
}
