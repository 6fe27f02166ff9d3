/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-test-util.c — helpers shared by the window and panel tests, beyond
 * tests/test-util.c. */
#include "config.h"

#include <string.h>

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

/* ---- Widgets and windows ---- */

GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
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

GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
label_shown (gpointer data)
{
  LabelShown *shown = data;

  return find_label (shown->widget, shown->text) != NULL;
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
