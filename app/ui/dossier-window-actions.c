/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-window-actions.c — DossierWindow's win.* actions: projects (new,
 * open, save as, export), importing (files, drops, the clipboard), undo
 * and redo, toasts, zoom and the project search. Tagging is the reader
 * page's (reader.*, dossier-reader-page-actions.c).
 *
 * Every change goes to the core at once and is committed there. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-application.h"
#include "dossier-briefing-page.h"
#include "dossier-export-dialog.h"
#include "dossier-import-report-dialog.h"
#include "dossier-replace-text-dialog.h"
#include "dossier-codebook-panel.h"
#include "dossier-search-panel.h"
#include "dossier-window-private.h"
#include "dossier-ui-utils.h"

#define MAX_RECENT_IN_MENU 10
#define ZOOM_STEP 1.1

/* ---- Messages ------------------------------------------------------------- */

void
dossier_window_show_toast (DossierWindow *self,
                           const char    *message,
                           gboolean       undo)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  if (undo && self->project != NULL)
    _dossier_window_show_step_toast (self, message, FALSE);
  else
    dossier_show_toast (GTK_WIDGET (self->toast_overlay), message, FALSE);
}

void
_dossier_window_report_error (DossierWindow *self,
                              const char    *what,
                              const GError  *error)
{
  /* Without its overlay (the window is being destroyed) it is only
   * logged: the window itself is in no overlay. */
  dossier_report_in_toast (self->toast_overlay != NULL ? GTK_WIDGET (self->toast_overlay)
                                                       : GTK_WIDGET (self),
                           what, error);
}

void
_dossier_window_show_error_dialog (DossierWindow *self,
                                   const char    *heading,
                                   const char    *body)
{
  dossier_present_error (GTK_WINDOW (self), heading, body);
}

/* ---- Action state ----------------------------------------------------------- */

void
_dossier_window_update_actions (DossierWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_project, writable;

  if (_dossier_window_is_closed (self))
    return;

  has_project = self->project != NULL;
  writable = has_project && !dossier_project_get_read_only (self->project);

  gtk_widget_action_set_enabled (widget, "win.save-as", has_project);
  gtk_widget_action_set_enabled (widget, "win.export", has_project);
  gtk_widget_action_set_enabled (widget, "win.import", writable);
  gtk_widget_action_set_enabled (widget, "win.paste-document", writable);
  gtk_widget_action_set_enabled (widget, "win.replace-text", writable);
  gtk_widget_action_set_enabled (widget, "win.replace-text-clipboard", writable);
  gtk_widget_action_set_enabled (widget, "win.cancel-import", self->import_cancellable != NULL);
  gtk_widget_action_set_enabled (widget, "win.undo",
                                 writable && dossier_project_get_can_undo (self->project));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 writable && dossier_project_get_can_redo (self->project));
  gtk_widget_action_set_enabled (widget, "win.undo-step",
                                 writable && dossier_project_get_can_undo (self->project));
  gtk_widget_action_set_enabled (widget, "win.redo-step",
                                 writable && dossier_project_get_can_redo (self->project));
  gtk_widget_action_set_enabled (widget, "win.search", has_project);
  gtk_widget_action_set_enabled (widget, "win.search-next", has_project);
  gtk_widget_action_set_enabled (widget, "win.search-previous", has_project);
  gtk_widget_action_set_enabled (widget, "win.no-recent", FALSE);
  /* No sidebars beside the start page (update_sidebars). */
  gtk_widget_action_set_enabled (widget, "win.show-left-sidebar", has_project);
  gtk_widget_action_set_enabled (widget, "win.show-right-sidebar", has_project);
  _dossier_window_update_new_stakeholder (self);
}

/* ---- The Keyboard Shortcuts window --------------------------------------------- */

/* Which tags the number keys apply, one name a line ("" for a free key). */
static char *
codebook_keys (DossierWindow *self)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint slot = 1; self->project != NULL && slot <= DOSSIER_CODEBOOK_N_SLOTS; slot++)
    {
      gint64 tag_id = dossier_project_get_key_tag (self->project, slot);
      DossierTag *tag = tag_id != 0 ? dossier_project_get_tag (self->project, tag_id) : NULL;

      g_string_append_printf (keys, "%s\n", tag != NULL ? dossier_tag_get_name (tag) : "");
    }

  return g_string_free (g_steal_pointer (&keys), FALSE);
}

/* Lines (a group's title, each shortcut) in a column of the window: GTK
 * starts a new column (two to a page) before a group that would pass it.
 * With titles on two or three lines, 16 made the window ~765 px high. */
#define HELP_COLUMN_LINES 14
/* A shortcut's or group's title wraps past this many characters: on one
 * line, the longest of them made the window ~1,280 px wide in English and
 * over 1,500 px in Spanish, too wide for a 1,366 px laptop. */
#define HELP_TITLE_CHARS 24
/* On a window made here: the codebook keys it lists (codebook_keys ()). */
#define HELP_KEYS "dossier-help-keys"
/* Set on a shown window whose keys changed: made again once closed. */
#define HELP_STALE "dossier-help-stale"

/* The codebook group's shortcuts, "1: Tag the selection “Risks”", as
 * GtkBuilder children; @names holds one tag name a key ("" for a free
 * key). */
static char *
codebook_keys_xml (char **names)
{
  g_autoptr(GString) xml = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL && i < DOSSIER_CODEBOOK_N_SLOTS; i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *escaped = NULL;

      if (names[i][0] == '\0')
        continue;
      /* Translators: in the Keyboard Shortcuts window, beside a number key */
      label = g_strdup_printf (C_("shortcut window", "Tag the selection “%s”"), names[i]);
      escaped = g_markup_escape_text (label, -1);
      g_string_append_printf (xml,
                              "<child><object class=\"GtkShortcutsShortcut\">"
                              "<property name=\"title\">%s</property>"
                              "<property name=\"accelerator\">%u</property>"
                              "</object></child>",
                              escaped, i + 1);
    }
  return g_string_free (g_steal_pointer (&xml), FALSE);
}

/* The window's description with @keys_xml inside the (empty) codebook
 * group, or NULL if that group is not found. */
static char *
help_overlay_xml (const char *keys_xml)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/dossier/Dossier/help-overlay.ui",
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  const char *ui = bytes != NULL ? g_bytes_get_data (bytes, NULL) : NULL;
  const char *group = ui != NULL ? strstr (ui, "id=\"codebook_keys\"") : NULL;
  const char *end = group != NULL ? strstr (group, "</object>") : NULL;

  if (end == NULL)
    return NULL;
  return g_strdup_printf ("%.*s%s%s", (int) (end - ui), ui, keys_xml, end);
}

/* Lets every title under @widget wrap (the shortcuts' and the groups', in
 * the sections and in the search's results), not the keys themselves.
 * GTK puts the shortcuts' titles of a column in one size group, which
 * asks them all their width for the height of one of them: for a one-line
 * row, every title's width on one line, and the longest title, unwrapped,
 * made every title as wide, past the column's end (by ~35 px in Spanish).
 * The titles leave the group: the keys' size group still lines them up. */
static void
wrap_help_titles (GtkWidget *widget,
                  gboolean   in_title)
{
  if (GTK_IS_SHORTCUT_LABEL (widget))
    return;
  if (in_title && GTK_IS_LABEL (widget))
    {
      gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (widget), HELP_TITLE_CHARS);
      return;
    }
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    g_object_set (widget, "title-size-group", NULL, NULL);
  in_title = in_title || GTK_IS_SHORTCUTS_SHORTCUT (widget) || GTK_IS_SHORTCUTS_GROUP (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    wrap_help_titles (child, in_title);
}

/* The window from its resource, with a group listing the codebook's keys,
 * which the static file cannot know. The keys go into the description
 * before it is built: GtkShortcutsWindow reads a section's shortcuts for
 * its search as the section is added to it, and a group added after was
 * never found. GTK 4.8 has no API to add a group to a shown section
 * either: the whole window is made again, while it is hidden. */
static void
rebuild_help_overlay (DossierWindow *self,
                      const char    *keys)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_auto(GStrv) names = g_strsplit (keys, "\n", -1);
  g_autofree char *keys_xml = codebook_keys_xml (names);
  g_autofree char *ui = help_overlay_xml (keys_xml);
  g_autoptr(GError) error = NULL;
  GObject *overlay, *section, *group;

  if (ui == NULL || !gtk_builder_add_from_string (builder, ui, -1, &error))
    {
      g_warning ("The Keyboard Shortcuts window cannot be made: %s",
                 error != NULL ? error->message : "no codebook group in help-overlay.ui");
      return;
    }
  overlay = gtk_builder_get_object (builder, "help_overlay");
  section = gtk_builder_get_object (builder, "shortcuts_section");
  group = gtk_builder_get_object (builder, "codebook_keys");
  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (overlay) && section != NULL && group != NULL);

  /* No key given a tag: no group (a hidden one takes no line). */
  gtk_widget_set_visible (GTK_WIDGET (group), keys_xml[0] != '\0');
  /* All groups in, in order, on the one page: now into columns (GTK lays
   * them out at once, and gives each column its size groups). */
  g_object_set (section, "max-height", HELP_COLUMN_LINES, NULL);
  wrap_help_titles (GTK_WIDGET (overlay), FALSE);

  g_object_set_data_full (overlay, HELP_KEYS, g_strdup (keys), g_free);
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), GTK_SHORTCUTS_WINDOW (overlay));
}

/* The Keyboard Shortcuts window as Ctrl+? shows it: made (1,300 widgets,
 * 3 MB) only when asked for, for the keys of the moment, not after every
 * open and every change of a tag; made again only if they changed since.
 * A window shown while they change keeps its list until it is closed
 * (GTK 4.8 cannot add a group to it), and is made again then. */
GtkShortcutsWindow *
_dossier_window_update_help_overlay (DossierWindow *self)
{
  GtkShortcutsWindow *current = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  g_autofree char *keys = NULL;

  if (current != NULL && gtk_widget_get_visible (GTK_WIDGET (current)))
    return current;

  keys = codebook_keys (self);
  if (current == NULL || g_strcmp0 (keys, g_object_get_data (G_OBJECT (current), HELP_KEYS)) != 0)
    rebuild_help_overlay (self, keys);
  return gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
}

static gboolean
update_help_overlay (gpointer data)
{
  DossierWindow *self = data;

  self->help_idle_id = 0;
  _dossier_window_update_help_overlay (self);
  return G_SOURCE_REMOVE;
}

/* Closed after the keys changed under it: made again at once, as it was
 * the last thing asked for. */
static void
help_overlay_hidden (DossierWindow *self)
{
  if (self->help_idle_id == 0 && !_dossier_window_is_closed (self))
    self->help_idle_id = g_idle_add (update_help_overlay, self);
}

void
_dossier_window_help_keys_changed (DossierWindow *self)
{
  GtkShortcutsWindow *current = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));

  /* Hidden, or never asked for: made when it is (Ctrl+?). */
  if (current == NULL || !gtk_widget_get_visible (GTK_WIDGET (current)) ||
      g_object_get_data (G_OBJECT (current), HELP_STALE) != NULL)
    return;
  g_object_set_data (G_OBJECT (current), HELP_STALE, GINT_TO_POINTER (TRUE));
  g_signal_connect_object (current, "hide", G_CALLBACK (help_overlay_hidden), self, G_CONNECT_SWAPPED);
}

/* Ctrl+? (in place of GtkApplicationWindow's own action): the window
 * brought up to date, then shown. GtkApplication makes none as a window
 * joins it (help-overlay.ui is not where it looks). */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkShortcutsWindow *overlay;

  g_clear_handle_id (&self->help_idle_id, g_source_remove);
  overlay = _dossier_window_update_help_overlay (self);
  if (overlay != NULL)
    gtk_widget_set_visible (GTK_WIDGET (overlay), TRUE);
}

/* ---- Recent projects ------------------------------------------------------------ */

void
_dossier_window_update_recent_menu (DossierWindow *self)
{
  g_auto(GStrv) recent = NULL;
  guint n = 0;

  if (self->recent_menu == NULL)
    return;

  g_menu_remove_all (self->recent_menu);
  recent = g_settings_get_strv (self->settings, "recent-projects");
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_IN_MENU; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;
      g_auto(GStrv) parts = NULL;

      if (!g_file_test (recent[i], G_FILE_TEST_EXISTS))
        continue;

      name = g_path_get_basename (recent[i]);
      if (g_str_has_suffix (name, ".dossier"))
        name[strlen (name) - strlen (".dossier")] = '\0';
      /* Underscores in file names are not mnemonics. */
      parts = g_strsplit (name, "_", -1);
      label = g_strjoinv ("__", parts);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
      n++;
    }

  if (n == 0)
    g_menu_append (self->recent_menu, _("No Recent Projects"), "win.no-recent");
}

static gboolean
require_writable (DossierWindow *self)
{
  if (self->project == NULL)
    return FALSE;
  if (dossier_project_get_read_only (self->project))
    {
      dossier_window_show_toast (self, _("This project is open read-only"), FALSE);
      return FALSE;
    }
  return TRUE;
}

/* ---- File choosers ------------------------------------------------------------- */

typedef void (*ChooserDone) (DossierWindow *self,
                             GListModel    *files);

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     DossierWindow   *self)
{
  ChooserDone done = g_object_get_data (G_OBJECT (chooser), "dossier-done");

  if (response == GTK_RESPONSE_ACCEPT && !_dossier_window_is_closed (self))
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      if (g_list_model_get_n_items (files) > 0)
        done (self, files);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

/* A filter listing the files matching @patterns or of @mime_types (or of
 * a type GLib takes for one of their subclasses: text/plain would list
 * CSV, source code and logs). A pattern "*.suffix" is that suffix, in
 * any case ("Notes.TXT" too). */
static GtkFileFilter *
make_filter (const char         *name,
             const char * const *patterns,
             const char * const *mime_types)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    if (g_str_has_prefix (patterns[i], "*.") && strpbrk (patterns[i] + 2, "*?[") == NULL)
      gtk_file_filter_add_suffix (filter, patterns[i] + 2);
    else
      gtk_file_filter_add_pattern (filter, patterns[i]);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  return filter;
}

static GtkFileChooserNative *
new_chooser (DossierWindow        *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             ChooserDone           done)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "dossier-done", done);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  return chooser;
}

/* Adds @filters to @chooser, the first chosen. */
static void
add_filter_list (GtkFileChooserNative *chooser,
                 GPtrArray            *filters)
{
  for (guint i = 0; i < filters->len; i++)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), g_ptr_array_index (filters, i));
  if (filters->len > 0)
    gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), g_ptr_array_index (filters, 0));
}

/* Adds @first and the filters after it (NULL-terminated, each taken over),
 * @first chosen. */
static void
add_filters (GtkFileChooserNative *chooser,
             GtkFileFilter        *first,
             ...)
{
  va_list args;

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), first);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), first);
  g_object_unref (first);

  va_start (args, first);
  for (GtkFileFilter *filter = va_arg (args, GtkFileFilter *); filter != NULL;
       filter = va_arg (args, GtkFileFilter *))
    {
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
    }
  va_end (args);
}

static GtkFileFilter *
all_files_filter (void)
{
  return make_filter (_("All Files"), (const char *[]) { "*", NULL }, NULL);
}

static void
add_project_filters (GtkFileChooserNative *chooser)
{
  add_filters (chooser,
               make_filter (_("Dossier Projects"), (const char *[]) { "*.dossier", NULL }, NULL),
               all_files_filter (), NULL);
}

/* Where a file chooser for projects starts: beside the open project, but
 * never in the app's own data folder (where the sample project lives, with
 * its lock and WAL files); there, and with no project, in the user's
 * Documents folder (their home if they have none). */
GFile *
_dossier_window_get_project_folder (DossierWindow *self)
{
  g_autofree char *private_dir = g_build_filename (g_get_user_data_dir (), "dossier", NULL);
  g_autoptr(GFile) private = g_file_new_for_path (private_dir);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (self->project != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (dossier_project_get_path (self->project));
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL && !g_file_equal (folder, private) && !g_file_has_prefix (folder, private))
        return g_steal_pointer (&folder);
    }

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

static void
set_chooser_folder_near_project (DossierWindow  *self,
                                 GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = _dossier_window_get_project_folder (self);

  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

/* The path the user chose, with ".dossier" added when they left it out. */
static char *
project_path_for (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return NULL;
  if (g_str_has_suffix (path, ".dossier"))
    return g_steal_pointer (&path);
  return g_strconcat (path, ".dossier", NULL);
}

/* ---- New, open, save as ----------------------------------------------------------- */

gboolean
dossier_window_new_project (DossierWindow  *self,
                            GFile          *file,
                            GError        **error)
{
  g_autoptr(DossierProject) project = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = project_path_for (file);
  if (path == NULL)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                   _("Projects must be saved on this computer. Choose a local folder."));
      return FALSE;
    }

  title = g_path_get_basename (path);
  title[strlen (title) - strlen (".dossier")] = '\0';

  project = dossier_project_create (path, title, error);
  if (project == NULL)
    return FALSE;

  dossier_window_set_project (self, project);
  dossier_application_add_recent (self->settings, path);
  _dossier_window_remember_project (self);
  return TRUE;
}

static void
new_project_now (DossierWindow *self,
                 GFile         *file)
{
  g_autoptr(GError) error = NULL;

  g_autoptr(GPtrArray) articles = g_steal_pointer (&self->import_after_new);

  if (!dossier_window_new_project (self, file, &error))
    {
      /* The name with ".dossier" added, as the message says it. */
      g_autofree char *path = project_path_for (file);
      g_autofree char *name = path != NULL ? g_path_get_basename (path) : g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Create “%s”"), name);

      _dossier_window_show_error_dialog (self, heading, error->message);
      return;
    }

  /* The articles that New Project was started for go in. */
  if (articles != NULL)
    dossier_window_import_files (self, (GFile **) articles->pdata, articles->len);
}

void
_dossier_window_new_project_interactive (DossierWindow *self,
                                         GFile         *file)
{
  _dossier_window_leave_project (self, new_project_now, file);
}

static void
new_project_chosen (DossierWindow *self,
                    GListModel    *files)
{
  g_autoptr(GFile) file = g_list_model_get_item (files, 0);

  _dossier_window_new_project_interactive (self, file);
}

void
_dossier_window_new_project_for (DossierWindow  *self,
                                 GFile         **articles,
                                 guint           n_articles)
{
  GtkFileChooserNative *chooser;

  /* Only the chooser started for them imports them (not a later one). */
  g_clear_pointer (&self->import_after_new, g_ptr_array_unref);
  if (n_articles > 0)
    {
      self->import_after_new = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < n_articles; i++)
        g_ptr_array_add (self->import_after_new, g_object_ref (articles[i]));
    }

  chooser = new_chooser (self, _("New Project"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"),
                         new_project_chosen);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled.dossier"));
  set_chooser_folder_near_project (self, GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _dossier_window_new_project_for (DOSSIER_WINDOW (widget), NULL, 0);
}

static void
open_project_chosen (DossierWindow *self,
                     GListModel    *files)
{
  g_autoptr(GFile) file = g_list_model_get_item (files, 0);

  dossier_window_open_project_interactive (self, file);
}

static void
open_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("Open Project"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                         open_project_chosen);
  add_project_filters (chooser);
  set_chooser_folder_near_project (self, GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  dossier_window_open_project_interactive (self, file);
}

gboolean
dossier_window_save_as (DossierWindow  *self,
                        GFile          *file,
                        GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) dest = NULL;
  gboolean own_name;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->project == NULL)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("No project is open."));
      return FALSE;
    }

  path = project_path_for (file);
  if (path == NULL)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                   _("Projects must be saved on this computer. Choose a local folder."));
      return FALSE;
    }
  /* Its own name, once its file was moved, deleted or replaced, is where
   * the work goes back to. */
  own_name = g_strcmp0 (path, dossier_project_get_path (self->project)) == 0;
  if (own_name && dossier_project_verify_in_place (self->project, NULL))
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS,
                   _("This is the project’s own file, and it is already saved. Choose another name to make a copy."));
      return FALSE;
    }

  if (!dossier_project_save_as (self->project, path, error))
    return FALSE;

  /* Go on working in the copy, as "Save As" does everywhere. Under its
   * own name, the project that had lost its file is closed first: it
   * holds the name's lock. */
  if (own_name)
    dossier_window_set_project (self, NULL);
  dest = g_file_new_for_path (path);
  return dossier_window_open_project (self, dest, DOSSIER_OPEN_READ_WRITE, error);
}

static void
save_as_now (DossierWindow *self,
             GFile         *file)
{
  g_autoptr(GError) error = NULL;

  if (!dossier_window_save_as (self, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      _dossier_window_show_error_dialog (self, heading, error->message);
    }
}

typedef struct
{
  DossierWindow *self;
  GFile         *file;
} SaveAs;

static void
save_as_free (gpointer data)
{
  SaveAs *save_as = data;

  g_object_unref (save_as->self);
  g_object_unref (save_as->file);
  g_free (save_as);
}

static void
on_save_as_replace_response (AdwMessageDialog *question,
                             const char       *response,
                             SaveAs           *save_as)
{
  if (g_strcmp0 (response, "replace") == 0 && !_dossier_window_is_closed (save_as->self))
    save_as_now (save_as->self, save_as->file);
}

void
_dossier_window_save_as_interactive (DossierWindow *self,
                                     GFile         *file)
{
  g_autofree char *chosen = g_file_get_path (file);
  g_autofree char *path = project_path_for (file);
  AdwMessageDialog *question;
  SaveAs *save_as;

  /* The chooser asked before replacing the name typed, not the one with
   * ".dossier" added: a file there is asked about here (the project's
   * own file, still in place, is refused by Save As). */
  if (path == NULL || g_strcmp0 (path, chosen) == 0 || !g_file_test (path, G_FILE_TEST_EXISTS) ||
      (self->project != NULL && g_strcmp0 (path, dossier_project_get_path (self->project)) == 0 &&
       dossier_project_verify_in_place (self->project, NULL)))
    {
      save_as_now (self, file);
      return;
    }

  save_as = g_new0 (SaveAs, 1);
  save_as->self = g_object_ref (self);
  save_as->file = g_file_new_for_path (path);
  question = dossier_replace_question_new (GTK_WINDOW (self), save_as->file);
  g_signal_connect_data (question, "response", G_CALLBACK (on_save_as_replace_response), save_as,
                         (GClosureNotify) (void (*) (void)) save_as_free, 0);
  gtk_window_present (GTK_WINDOW (question));
}

static void
save_as_chosen (DossierWindow *self,
                GListModel    *files)
{
  g_autoptr(GFile) file = g_list_model_get_item (files, 0);

  _dossier_window_save_as_interactive (self, file);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  if (self->project == NULL)
    return;

  chooser = new_chooser (self, _("Save Project As"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                         save_as_chosen);
  /* Translators: the suggested file name of a copy of a project */
  /* A title from the file may be of any length; a file name is at most
   * 255 bytes. */
  stem = dossier_text_shorten (dossier_project_get_title (self->project), 60);
  name = g_strdup_printf (_("%s (copy).dossier"), stem);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  set_chooser_folder_near_project (self, GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierExportDialog *dialog;

  if (self->project == NULL)
    return;

  /* The whole project by default: exporting is mostly for sharing it;
   * from the Brief page, the note on show. */
  dialog = dossier_export_dialog_new (GTK_WINDOW (self), self->project, 0);
  if (adw_view_stack_get_visible_child (self->page_stack) == self->briefing_page)
    dossier_export_dialog_set_briefing_id (dialog, dossier_briefing_page_get_briefing_id (
                                                     DOSSIER_BRIEFING_PAGE (self->briefing_page)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
exported_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), name);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  dossier_accessible_show_toast (GTK_WIDGET (self->toast_overlay), toast);
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) && !_dossier_window_is_closed (self))
    _dossier_window_report_error (self, _("Could not open the file"), error);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));
  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL), context,
                                           self->cancellable, on_launched, g_object_ref (self));
}

/* ---- Import ------------------------------------------------------------------ */

gboolean
_dossier_window_is_closed (DossierWindow *self)
{
  return g_cancellable_is_cancelled (self->cancellable);
}

void
_dossier_window_import_cancel (DossierWindow *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

gboolean
dossier_window_is_importing (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  return self->import_cancellable != NULL;
}

static void start_import (DossierWindow *self);

/* Files imported again: the new copies, and the document each repeats. */
typedef struct
{
  DossierWindow *self;
  GArray        *copies;     /* gint64: the new documents */
  gint64         original;   /* the first one's original, shown after removal */
} Duplicates;

static void
duplicates_free (gpointer data)
{
  Duplicates *d = data;

  g_object_unref (d->self);
  g_array_unref (d->copies);
  g_free (d);
}

static void
on_duplicates_response (AdwMessageDialog *dialog,
                        const char       *response,
                        Duplicates       *d)
{
  DossierWindow *self = d->self;
  /* The briefing notes citing the removed copies' highlights (the
   * project's own objects, one per note). */
  g_autoptr(GHashTable) citing = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
  guint n_removed = 0;

  if (g_strcmp0 (response, "remove") != 0 || self->project == NULL || _dossier_window_is_closed (self))
    return;

  for (guint i = 0; i < d->copies->len; i++)
    {
      gint64 copy = g_array_index (d->copies, gint64, i);
      g_autoptr(GError) error = NULL;
      /* Read before its highlights go, as deleting a document does. */
      g_autoptr(GPtrArray) cite_copy = dossier_project_get_briefings_citing_document (self->project, copy);

      if (!dossier_project_delete_document (self->project, copy, &error))
        {
          _dossier_window_report_error (self, _("Could not remove the new copy"), error);
          break;
        }
      n_removed++;
      for (guint k = 0; k < cite_copy->len; k++)
        g_hash_table_add (citing, g_object_ref (g_ptr_array_index (cite_copy, k)));
    }

  if (n_removed > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Removed %u new copy", "Removed %u new copies",
                                                            n_removed), n_removed);
      guint n_citing = g_hash_table_size (citing);

      /* Notes that cited them now cite what cannot be verified. */
      if (n_citing > 0)
        {
          g_autofree char *removed = g_steal_pointer (&message);

          if (n_removed == 1)
            message = g_strdup_printf (ngettext ("%s; %u briefing note cited its highlights",
                                                 "%s; %u briefing notes cited its highlights", n_citing),
                                       removed, n_citing);
          else
            message = g_strdup_printf (ngettext ("%s; %u briefing note cited their highlights",
                                                 "%s; %u briefing notes cited their highlights", n_citing),
                                       removed, n_citing);
        }

      if (dossier_project_get_document (self->project, d->original) != NULL)
        dossier_window_open_document (self, d->original);
      dossier_window_show_toast (self, message, TRUE);
    }
}

/* A file already in the project (the same text) was imported again: say
 * so, and offer to take the new copies out again (undoably). */
static void
warn_duplicates (DossierWindow *self,
                 GPtrArray     *outcomes)
{
  g_autoptr(GArray) copies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) body = g_string_new (NULL);
  gint64 original = 0;
  Duplicates *d;
  GtkWidget *dialog;

  for (guint i = 0; i < outcomes->len; i++)
    {
      DossierImportOutcome *outcome = g_ptr_array_index (outcomes, i);
      DossierDocument *same = NULL;
      gint64 same_id;

      if (outcome->document_id == 0)
        continue;
      same_id = dossier_project_find_same_text (self->project, outcome->document_id, NULL);
      if (same_id > 0)
        same = dossier_project_get_document (self->project, same_id);
      if (same == NULL)
        continue;

      if (copies->len == 0)
        original = same_id;
      g_array_append_val (copies, outcome->document_id);
      if (body->len > 0)
        g_string_append_c (body, '\n');
      {
        g_autofree char *name = g_file_get_basename (outcome->file);

        /* Translators: a file imported again, and the document it repeats */
        g_string_append_printf (body, _("“%s” has the same text as “%s”, already in the project."),
                                name, dossier_document_get_title (same));
      }
    }

  if (copies->len == 0)
    return;

  g_string_append (body, "\n\n");
  g_string_append (body, ngettext ("Keep both, or remove the new copy?",
                                   "Keep both, or remove the new copies?", copies->len));

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Already in the Project"),
                                   body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Both"),
                                    "remove", ngettext ("_Remove New Copy", "_Remove New Copies", copies->len),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");

  d = g_new0 (Duplicates, 1);
  d->self = g_object_ref (self);
  d->copies = g_steal_pointer (&copies);
  d->original = original;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_duplicates_response), d,
                         (GClosureNotify) (void (*) (void)) duplicates_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A list of paragraphs (@text) in a dialog, classed @css_class: it wraps
 * at the dialog's width. */
static GtkWidget *
report_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  /* Its height is asked at this width: at one line a message, the list
   * would get a sliver of the height it takes once wrapped. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* What an import did that a toast cannot say: the files that did not come
 * in (@n_failed, each with why and what to do in @failures, a paragraph
 * each) and what to check in those that did (@notes, a paragraph each: a
 * page that looks cut off, a title shortened). One file that failed, and
 * nothing to check, is its message alone; else a list that scrolls, as
 * thirty would run off the screen, below how many came in. No file at all
 * (@n_failed and @n_imported 0) is a pasted document's notes. */
static GtkWidget *
import_report_dialog (DossierWindow *self,
                      guint          n_failed,
                      guint          n_imported,
                      const char    *failures,
                      const char    *notes)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *scrolled, *box;

  if (n_failed == 1)
    heading = g_strdup (_("A File Could Not Be Imported"));
  else if (n_failed > 1)
    heading = g_strdup_printf (ngettext ("%u File Could Not Be Imported",
                                         "%u Files Could Not Be Imported", n_failed),
                               n_failed);
  else
    heading = g_strdup (_("Check What Was Imported"));

  if (n_failed == 1 && notes[0] == '\0')
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, failures);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      return dialog;
    }

  if (n_failed == 0 && n_imported == 0)
    /* (a document pasted from the clipboard: no file) */
    body = g_strdup (_("The pasted text was added as a document. What to check in it:"));
  else if (n_failed == 0)
    body = g_strdup_printf (ngettext ("%u file was imported. What to check in it:",
                                      "%u files were imported. What to check in them:",
                                      n_imported),
                            n_imported);
  else if (n_failed == 1)
    body = g_strdup_printf (ngettext ("%u other file was imported. Why this one was not, and what to do:",
                                      "%u other files were imported. Why this one was not, and what to do:",
                                      n_imported),
                            n_imported);
  else if (n_imported > 0)
    body = g_strdup_printf (ngettext ("%u other file was imported. Why these were not, and what to do:",
                                      "%u other files were imported. Why these were not, and what to do:",
                                      n_imported),
                            n_imported);
  else
    body = g_strdup (_("Nothing was imported. Why, and what to do:"));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  if (n_failed > 0)
    gtk_box_append (GTK_BOX (box), report_label (failures, "import-failures"));
  if (n_failed > 0 && notes[0] != '\0')
    {
      GtkWidget *caption = gtk_label_new (_("What to check in what was imported:"));

      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_widget_add_css_class (caption, "heading");
      gtk_box_append (GTK_BOX (box), caption);
    }
  if (notes[0] != '\0')
    gtk_box_append (GTK_BOX (box), report_label (notes, "import-notes"));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  return dialog;
}

/* Appends @paragraph to @list, a blank line after the ones before. */
static void
append_paragraph (GString    *list,
                  const char *paragraph)
{
  if (list->len > 0)
    g_string_append (list, "\n\n");
  g_string_append (list, paragraph);
}

/* What is left to say once an import's report is closed. */
typedef struct
{
  GWeakRef        self;      /* the window */
  DossierProject *project;   /* the project imported into */
  GPtrArray      *outcomes;
} AfterReport;

static void
after_report_free (AfterReport *after)
{
  g_weak_ref_clear (&after->self);
  g_object_unref (after->project);
  g_ptr_array_unref (after->outcomes);
  g_free (after);
}

static void
on_import_report_closed (GtkWidget   *dialog,
                         AfterReport *after)
{
  g_autoptr(DossierWindow) self = g_weak_ref_get (&after->self);

  if (self != NULL && !_dossier_window_is_closed (self) && self->project == after->project)
    warn_duplicates (self, after->outcomes);
}

/* Reports what an import did: a toast for what came in, one dialog for
 * every file that could not and everything to check in those that did,
 * then, once it is closed, the question about files already in the
 * project. */
static void
report_import (DossierWindow *self,
               GPtrArray     *outcomes,
               gboolean       cancelled)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  const char *first_title = NULL;
  gint64 first_id = 0;
  guint n_imported = 0, n_failed = 0;

  for (guint i = 0; i < outcomes->len; i++)
    {
      DossierImportOutcome *outcome = g_ptr_array_index (outcomes, i);

      if (outcome->document_id != 0)
        {
          if (n_imported++ == 0)
            {
              first_id = outcome->document_id;
              first_title = outcome->title;
            }
          for (guint j = 0; outcome->notes != NULL && j < outcome->notes->len; j++)
            append_paragraph (notes, g_ptr_array_index (outcome->notes, j));
        }
      else if (outcome->error != NULL &&
               !g_error_matches (outcome->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *name = g_file_get_basename (outcome->file);

          n_failed++;
          /* The core's messages usually name the file already. */
          if (strstr (outcome->error->message, name) != NULL)
            append_paragraph (errors, outcome->error->message);
          else
            {
              /* Translators: one line of the import error report: file name, then why */
              g_autofree char *line = g_strdup_printf (_("%s: %s"), name, outcome->error->message);

              append_paragraph (errors, line);
            }
        }
    }

  if (first_id != 0)
    dossier_window_open_document (self, first_id);

  if (cancelled)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("Import cancelled: %u document was imported",
                                   "Import cancelled: %u documents were imported",
                                   n_imported), n_imported);
      dossier_window_show_toast (self, message, FALSE);
    }
  else if (n_imported == 1)
    {
      g_autofree char *message = g_strdup_printf (_("Imported “%s”"), first_title);
      dossier_window_show_toast (self, message, FALSE);
    }
  else if (n_imported > 1)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("Imported %u document", "Imported %u documents", n_imported),
                         n_imported);
      dossier_window_show_toast (self, message, FALSE);
    }

  if (n_failed > 0 || notes->len > 0)
    {
      GtkWidget *dialog = import_report_dialog (self, n_failed, n_imported, errors->str, notes->str);
      AfterReport *after = g_new0 (AfterReport, 1);

      /* The question about copies comes once the report is closed: two
       * dialogs over the window at once hide one another. */
      g_weak_ref_init (&after->self, self);
      after->project = g_object_ref (self->project);
      after->outcomes = g_ptr_array_ref (outcomes);
      g_signal_connect_data (dialog, "destroy", G_CALLBACK (on_import_report_closed), after,
                             (GClosureNotify) (void (*) (void)) after_report_free, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    warn_duplicates (self, outcomes);
}

/* The window an import ends in, with the import's cancellable and progress
 * dropped and whether the user cancelled it; NULL if the window closed
 * meanwhile (and so cancelled the import: what came in is in the project). */
static DossierWindow *
end_import (gpointer  user_data,
            gboolean *cancelled)
{
  GWeakRef *weak = user_data;
  g_autoptr(DossierWindow) self = g_weak_ref_get (weak);

  g_weak_ref_clear (weak);
  g_free (weak);
  if (self == NULL || _dossier_window_is_closed (self))
    return NULL;

  *cancelled = g_cancellable_is_cancelled (self->import_cancellable);
  g_cancellable_disconnect (self->cancellable, self->import_cancel_handler);
  self->import_cancel_handler = 0;
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->import_status);
  return g_steal_pointer (&self);
}

/* After an import into @project: the files dropped meanwhile, unless the
 * user stopped it all or another project is open now. */
static void
import_next (DossierWindow  *self,
             DossierProject *project,
             gboolean        cancelled)
{
  if (cancelled || self->project != project)
    g_ptr_array_set_size (self->pending_imports, 0);
  if (self->pending_imports->len > 0)
    {
      start_import (self);
      return;
    }

  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  _dossier_window_update_actions (self);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierWindow) self = NULL;
  gboolean cancelled = FALSE;

  outcomes = dossier_project_import_files_finish (DOSSIER_PROJECT (source), result, &error);
  self = end_import (user_data, &cancelled);
  if (self == NULL)
    return;

  if (outcomes == NULL)
    _dossier_window_show_error_dialog (self, _("Could Not Import"), error->message);
  else if (DOSSIER_PROJECT (source) == self->project)
    report_import (self, outcomes, cancelled);
  import_next (self, DOSSIER_PROJECT (source), cancelled);
}

static void
cancel_child (GCancellable *window_cancellable,
              GCancellable *import_cancellable)
{
  g_cancellable_cancel (import_cancellable);
}

/* The end of an import from another tool: its report in a dialog, or why
 * nothing came in (the project is as it was). */
static void
on_exchange_imported (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierWindow) self = NULL;
  gboolean cancelled = FALSE;

  report = dossier_exchange_import_finish (DOSSIER_PROJECT (source), result, &error);
  self = end_import (user_data, &cancelled);
  if (self == NULL)
    return;

  if (report != NULL && DOSSIER_PROJECT (source) == self->project)
    {
      const GArray *documents = dossier_import_report_get_documents (report);
      GtkWidget *dialog;

      if (documents->len > 0)
        dossier_window_open_document (self, g_array_index (documents, gint64, 0));
      dialog = dossier_import_report_dialog_new (GTK_WINDOW (self), report);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (report == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    dossier_window_show_toast (self, _("Import cancelled: nothing was imported"), FALSE);
  else if (report == NULL)
    _dossier_window_show_error_dialog (self, _("Could Not Import"), error->message);
  import_next (self, DOSSIER_PROJECT (source), cancelled);
}

/* Imports the pending files; the import's own cancellable is cancelled by
 * the Cancel button, and by the window's closing. Articles go together;
 * a project, codebook or annotations from another tool go one at a time,
 * each with its report. */
static void
start_import (DossierWindow *self)
{
  g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending_imports);
  /* Not a reference: closing the window must finalize it, which cancels. */
  GWeakRef *weak = g_new0 (GWeakRef, 1);
  gboolean exchange = dossier_exchange_can_import (g_ptr_array_index (files, 0));
  guint n = 1;

  while (n < files->len && !exchange && !dossier_exchange_can_import (g_ptr_array_index (files, n)))
    n++;
  self->pending_imports = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = n; i < files->len; i++)
    g_ptr_array_add (self->pending_imports, g_object_ref (g_ptr_array_index (files, i)));
  g_ptr_array_set_size (files, n);

  self->import_cancellable = g_cancellable_new ();
  self->import_cancel_handler = g_cancellable_connect (self->cancellable, G_CALLBACK (cancel_child),
                                                       g_object_ref (self->import_cancellable),
                                                       g_object_unref);
  self->import_status = dossier_progress_new ();
  g_object_bind_property (self->import_status, "fraction",
                          self->import_progress, "fraction", G_BINDING_DEFAULT);
  g_object_bind_property (self->import_status, "message",
                          self->import_label, "label", G_BINDING_DEFAULT);

  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  _dossier_window_update_actions (self);
  g_weak_ref_init (weak, self);
  if (exchange)
    dossier_exchange_import_async (self->project, g_ptr_array_index (files, 0), self->import_status,
                                   self->import_cancellable, on_exchange_imported, weak);
  else
    dossier_project_import_files_async (self->project, (GFile **) files->pdata, files->len,
                                        DOSSIER_FORMAT_AUTO, self->import_status,
                                        self->import_cancellable, on_imported, weak);
}

void
dossier_window_import_files (DossierWindow  *self,
                             GFile         **files,
                             guint           n_files)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (self->project == NULL || n_files == 0)
    return;
  if (dossier_project_get_read_only (self->project))
    {
      dossier_window_show_toast (self, _("This project is open read-only: nothing can be imported"), FALSE);
      return;
    }

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->pending_imports, g_object_ref (files[i]));

  /* Files dropped during an import follow it. */
  if (self->import_cancellable == NULL)
    start_import (self);
}

static void
import_chosen (DossierWindow *self,
               GListModel    *files)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (files);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  if (array->len > 0)
    {
      g_autoptr(GFile) parent = g_file_get_parent (g_ptr_array_index (array, 0));

      g_free (self->last_import_folder);
      self->last_import_folder = parent ? g_file_get_path (parent) : NULL;
    }
  dossier_window_import_files (self, (GFile **) array->pdata, array->len);
}

/* Plain text by its suffix alone: by type, text/plain, GLib counts CSV,
 * source code, logs and the like as text too. An article saved without a
 * suffix is under All Files. */
GPtrArray *
_dossier_window_import_filters (void)
{
  GPtrArray *filters = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (filters,
                   make_filter (_("Articles and Projects of Other Tools"),
                                (const char *[]) { "*.txt", "*.md", "*.markdown", "*.html", "*.htm",
                                                   "*.qdpx", "*.qdc", "*.qde", "*.jsonld", NULL },
                                (const char *[]) { "text/markdown", "text/html", NULL }));
  g_ptr_array_add (filters, make_filter (_("Plain Text"), (const char *[]) { "*.txt", NULL }, NULL));
  g_ptr_array_add (filters, make_filter (_("Markdown"), (const char *[]) { "*.md", "*.markdown", NULL },
                                         (const char *[]) { "text/markdown", NULL }));
  g_ptr_array_add (filters, make_filter (_("Web Pages"), (const char *[]) { "*.html", "*.htm", NULL },
                                         (const char *[]) { "text/html", NULL }));
  g_ptr_array_add (filters, make_filter (_("REFI-QDA Projects and Codebooks"),
                                         (const char *[]) { "*.qdpx", "*.qdc", "*.qde", NULL }, NULL));
  g_ptr_array_add (filters, make_filter (_("W3C Web Annotations"), (const char *[]) { "*.jsonld", "*.json", NULL },
                                         (const char *[]) { "application/ld+json", NULL }));
  g_ptr_array_add (filters, all_files_filter ());
  return filters;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GPtrArray) filters = NULL;

  if (!require_writable (self))
    return;

  chooser = new_chooser (self, _("Import Articles"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                         import_chosen);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  filters = _dossier_window_import_filters ();
  add_filter_list (chooser, filters);

  /* Where articles came from last time, else home (not "Recent"). */
  {
    g_autoptr(GFile) folder = g_file_new_for_path (self->last_import_folder ? self->last_import_folder
                                                                             : g_get_home_dir ());
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  }

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _dossier_window_import_cancel (DOSSIER_WINDOW (widget));
}

/* ---- Paste as a new document ------------------------------------------------------- */

typedef struct
{
  GBytes        *bytes;
  DossierFormat  format;
} PasteData;

static void
paste_data_free (PasteData *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

static void
paste_parse_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  PasteData *data = task_data;
  DossierParsedDocument *doc;
  GError *error = NULL;

  doc = dossier_import_bytes (data->bytes, data->format, NULL, &error);
  if (doc == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, doc, (GDestroyNotify) dossier_parsed_document_free);
}

/* A pasted document on its way into the project. */
typedef struct
{
  GWeakRef   self;    /* not a reference: the window closes as it would without the paste */
  GPtrArray *notes;   /* the import's, of char *: what to check in it */
} PasteAdded;

static void
paste_added_free (PasteAdded *added)
{
  g_weak_ref_clear (&added->self);
  g_ptr_array_unref (added->notes);
  g_free (added);
}

/* The pasted document stored: shown, with what to check in it as a file
 * import reports it (a page that looks cut off, a title shortened),
 * unless the window closed or has another project now. */
static void
on_paste_added (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PasteAdded *added = user_data;
  g_autoptr(DossierWindow) self = g_weak_ref_get (&added->self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  gint64 id;

  id = dossier_project_add_document_finish (DOSSIER_PROJECT (source), result, &error);
  for (guint i = 0; i < added->notes->len; i++)
    append_paragraph (notes, g_ptr_array_index (added->notes, i));
  paste_added_free (added);
  if (self == NULL || _dossier_window_is_closed (self) || DOSSIER_PROJECT (source) != self->project)
    return;
  if (id <= 0)
    {
      _dossier_window_show_error_dialog (self, _("Could Not Add the Pasted Document"), error->message);
      return;
    }

  dossier_window_open_document (self, id);
  if (notes->len > 0)
    gtk_window_present (GTK_WINDOW (import_report_dialog (self, 0, 0, "", notes->str)));
}

/* @doc's title is now @title, which the user gave: the note on the title
 * the import found, if any, goes, and one on @title comes if it is too
 * long too. */
static void
retitle_pasted (DossierParsedDocument *doc,
                char                  *title)
{
  g_autofree char *old_note = dossier_import_title_note (doc->title, NULL);
  char *new_note = dossier_import_title_note (title, NULL);

  for (guint i = 0; old_note != NULL && i < doc->notes->len; i++)
    if (strcmp (g_ptr_array_index (doc->notes, i), old_note) == 0)
      {
        g_ptr_array_remove_index (doc->notes, i);
        break;
      }
  if (new_note != NULL)
    g_ptr_array_insert (doc->notes, 0, new_note);
  g_free (doc->title);
  doc->title = title;
}

/* At most this many characters of a pasted document's title or text name
 * it in the notes on it. */
#define PASTED_NAME_MAX 60

/* What the notes on a pasted document call it: its title, or its first
 * words when it has none (the import's "Untitled document"). */
static char *
pasted_name (DossierParsedDocument *doc)
{
  g_autofree char *head = NULL;
  g_autofree char *words = NULL;
  char *space;

  if (doc->title != NULL && doc->title[0] != '\0' &&
      g_strcmp0 (doc->title, _("Untitled document")) != 0)
    return dossier_text_shorten (doc->title, PASTED_NAME_MAX);

  /* (of a text of megabytes, its start; cut after a whole word where
   * there is one) */
  head = dossier_text_shorten (doc->text, 2 * PASTED_NAME_MAX);
  words = dossier_text_join_lines (head);
  if (g_utf8_strlen (words, -1) <= PASTED_NAME_MAX)
    return g_steal_pointer (&words);
  *g_utf8_offset_to_pointer (words, PASTED_NAME_MAX - 1) = '\0';
  space = strrchr (words, ' ');
  if (space != NULL && space > words)
    *space = '\0';
  return g_strconcat (words, "…", NULL);
}

/* The import named the pasted text as it names a text that comes with no
 * file name, "The document" (dossier-import.c, in the same catalogue):
 * its notes name it by its title now that it has one ("“Quay wall” looks
 * cut off"). */
static void
name_pasted_notes (DossierParsedDocument *doc)
{
  const char *unnamed = _("The document");
  g_autofree char *name = pasted_name (doc);

  for (guint i = 0; doc->notes != NULL && i < doc->notes->len; i++)
    {
      char *note = g_ptr_array_index (doc->notes, i);
      const char *at = strstr (note, unnamed);

      if (at == NULL)
        continue;
      g_ptr_array_index (doc->notes, i) = g_strdup_printf ("%.*s%s%s", (int) (at - note), note, name,
                                                           at + strlen (unnamed));
      g_free (note);
    }
}

static void
on_paste_title_response (AdwMessageDialog *dialog,
                         const char       *response,
                         DossierWindow    *self)
{
  DossierParsedDocument *doc;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "dossier-entry");
  g_autofree char *title = NULL;
  PasteAdded *added;

  if (g_strcmp0 (response, "import") != 0 || self->project == NULL || _dossier_window_is_closed (self))
    return;

  doc = g_object_steal_data (G_OBJECT (dialog), "dossier-parsed");
  title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (title[0] != '\0' && g_strcmp0 (title, doc->title) != 0)
    retitle_pasted (doc, g_steal_pointer (&title));
  name_pasted_notes (doc);

  /* Stored in a thread: a long text would hold the window meanwhile. */
  added = g_new0 (PasteAdded, 1);
  g_weak_ref_init (&added->self, self);
  added->notes = g_ptr_array_ref (doc->notes);
  dossier_project_add_document_async (self->project, doc, NULL, on_paste_added, added);
}

static void
ask_paste_title (DossierWindow         *self,
                 DossierParsedDocument *doc)
{
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Paste as New Document"),
                                   _("The clipboard’s text becomes a new document of the project. What is its title?"));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), doc->title ? doc->title : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document title"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Add Document"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "dossier-parsed", doc,
                          (GDestroyNotify) dossier_parsed_document_free);
  g_object_set_data (G_OBJECT (dialog), "dossier-entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_paste_title_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_paste_parsed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DossierWindow *self = DOSSIER_WINDOW (source);
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *doc;

  doc = g_task_propagate_pointer (G_TASK (result), &error);
  if (_dossier_window_is_closed (self))
    {
      g_clear_pointer (&doc, dossier_parsed_document_free);
      return;
    }
  if (doc == NULL)
    {
      _dossier_window_show_error_dialog (self, _("Could Not Paste the Clipboard"), error->message);
      return;
    }

  ask_paste_title (self, doc);
}

static void
parse_pasted (DossierWindow *self,
              GBytes        *bytes,
              DossierFormat  format)
{
  g_autoptr(GTask) task = NULL;
  PasteData *data = g_new0 (PasteData, 1);

  data->bytes = g_bytes_ref (bytes);
  data->format = format;
  task = g_task_new (self, self->cancellable, on_paste_parsed, NULL);
  g_task_set_source_tag (task, parse_pasted);
  g_task_set_task_data (task, data, (GDestroyNotify) paste_data_free);
  g_task_run_in_thread (task, paste_parse_thread);
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  if (_dossier_window_is_closed (self))
    return;
  if (text == NULL || text[0] == '\0')
    {
      dossier_window_show_toast (self, _("The clipboard holds no text to paste"), FALSE);
      return;
    }

  {
    gsize len = strlen (text);

    bytes = g_bytes_new_take (g_steal_pointer (&text), len);
  }
  parse_pasted (self, bytes, DOSSIER_FORMAT_AUTO);
}

static void
read_clipboard_text (DossierWindow *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  gdk_clipboard_read_text_async (clipboard, self->cancellable, on_clipboard_text, g_object_ref (self));
}

static void
on_clipboard_html_spliced (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0
      || _dossier_window_is_closed (self))
    {
      if (!_dossier_window_is_closed (self))
        read_clipboard_text (self);
      return;
    }

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  if (g_bytes_get_size (bytes) == 0)
    {
      read_clipboard_text (self);
      return;
    }
  parse_pasted (self, bytes, DOSSIER_FORMAT_HTML);
}

static void
on_clipboard_html (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  if (_dossier_window_is_closed (self))
    return;
  if (stream == NULL)
    {
      read_clipboard_text (self);
      return;
    }

  memory = g_memory_output_stream_new_resizable ();
  /* (the cancellable read before the reference is passed on: the order
   * in which a call's arguments are evaluated is not C's to promise, and
   * g_steal_pointer () first made it NULL->cancellable) */
  cancellable = self->cancellable;
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, cancellable, on_clipboard_html_spliced,
                                g_steal_pointer (&self));
}

static void
paste_document_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (!require_writable (self))
    return;

  /* A page copied from a browser carries its structure in HTML. */
  if (gdk_content_formats_contain_mime_type (formats, "text/html"))
    gdk_clipboard_read_async (clipboard, (const char *[]) { "text/html", NULL }, G_PRIORITY_DEFAULT,
                              self->cancellable, on_clipboard_html, g_object_ref (self));
  else
    read_clipboard_text (self);
}

/* ---- Replacing a document's text -------------------------------------------------- */

static void
on_text_replaced (DossierWindow *self)
{
  dossier_window_show_toast (self, _("Text replaced"), FALSE);
}

GtkWidget *
dossier_window_replace_text (DossierWindow         *self,
                             DossierParsedDocument *doc)
{
  g_autoptr(DossierParsedDocument) owned = doc;
  g_autoptr(GError) error = NULL;
  gint64 document_id;
  GtkWidget *dialog;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  g_return_val_if_fail (doc != NULL, NULL);

  document_id = dossier_window_get_document_id (self);
  if (self->project == NULL || document_id == 0)
    {
      dossier_window_show_toast (self, _("Open the document whose text you want to replace first"), FALSE);
      return NULL;
    }
  dialog = dossier_replace_text_dialog_new (GTK_WINDOW (self), self->project, document_id,
                                            g_steal_pointer (&owned), &error);
  if (dialog == NULL)
    {
      _dossier_window_show_error_dialog (self, _("Could Not Replace the Text"), error->message);
      return NULL;
    }
  g_signal_connect_object (dialog, "replaced", G_CALLBACK (on_text_replaced), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Reviews replacing the open document's text with @doc (transfer full),
 * or says why the new version could not be read (@doc NULL). */
static void
replace_text_with (DossierWindow         *self,
                   DossierParsedDocument *doc,
                   const GError          *error)
{
  if (doc == NULL)
    {
      _dossier_window_show_error_dialog (self, _("Could Not Replace the Text"), error->message);
      return;
    }
  dossier_window_replace_text (self, doc);
}

static void
replace_text_chosen (DossierWindow *self,
                     GListModel    *files)
{
  g_autoptr(GFile) file = g_list_model_get_item (files, 0);
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *doc;

  if (file == NULL)
    return;
  doc = dossier_import_file (file, DOSSIER_FORMAT_AUTO, NULL, &error);
  replace_text_with (self, doc, error);
}

static void
replace_text_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (!require_writable (self))
    return;
  if (dossier_window_get_document_id (self) == 0)
    {
      dossier_window_show_toast (self, _("Open the document whose text you want to replace first"), FALSE);
      return;
    }

  chooser = new_chooser (self, _("Replace Text With a Newer Version"), GTK_FILE_CHOOSER_ACTION_OPEN,
                         _("_Review"), replace_text_chosen);
  add_filters (chooser,
               make_filter (_("Articles and Saved Pages"),
                            (const char *[]) { "*.txt", "*.md", "*.markdown", "*.html", "*.htm",
                                               NULL },
                            (const char *[]) { "text/markdown", "text/html", NULL }),
               all_files_filter (), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_replacement_text (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr(GBytes) bytes = NULL;
  DossierParsedDocument *doc;

  if (_dossier_window_is_closed (self))
    return;
  if (text == NULL || *g_strstrip (text) == '\0')
    {
      dossier_window_show_toast (self, _("The clipboard holds no text"), FALSE);
      return;
    }
  bytes = g_bytes_new (text, strlen (text));
  doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_AUTO, "clipboard.txt", &error);
  replace_text_with (self, doc, error);
}

static void
replace_text_clipboard_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (!require_writable (self))
    return;
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), self->cancellable,
                                 on_replacement_text, g_object_ref (self));
}

/* ---- Undo, redo, toasts ------------------------------------------------------------ */

static void
undo_toast_dismissed_cb (DossierWindow *self,
                         AdwToast      *toast)
{
  if (self->undo_toast == toast)
    g_clear_weak_pointer (&self->undo_toast);
}

void
_dossier_window_show_step_toast (DossierWindow *self,
                                 const char    *message,
                                 gboolean       redo)
{
  AdwToast *toast;
  guint64 step;

  g_return_if_fail (DOSSIER_IS_WINDOW (self) && self->project != NULL);

  /* One at a time: queued behind this one, an older toast's button would
   * come up after this action. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  step = dossier_project_get_undo_step (self->project);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, redo ? _("_Redo") : _("_Undo"));
  adw_toast_set_action_name (toast, redo ? "win.redo-step" : "win.undo-step");
  adw_toast_set_action_target_value (toast, g_variant_new_uint64 (step));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->undo_toast, toast);
  self->undo_toast_step = step;
  dossier_accessible_show_toast (GTK_WIDGET (self->toast_overlay), toast);
}

void
_dossier_window_dismiss_stale_undo_toast (DossierWindow *self)
{
  if (self->undo_toast != NULL
      && (self->project == NULL || dossier_project_get_undo_step (self->project) != self->undo_toast_step))
    adw_toast_dismiss (self->undo_toast);
}

/* Undoes (or redoes) the project's last step, then says what was undone,
 * with the way back: it may be on another page or document than the one
 * on show, where nothing would seem to change. */
static void
undo_or_redo (DossierWindow *self,
              gboolean       redo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  if (self->project == NULL
      || !(redo ? dossier_project_get_can_redo (self->project) : dossier_project_get_can_undo (self->project)))
    return;
  label = g_strdup (redo ? dossier_project_get_redo_label (self->project)
                         : dossier_project_get_undo_label (self->project));
  if (!(redo ? dossier_project_redo (self->project, &error) : dossier_project_undo (self->project, &error)))
    {
      _dossier_window_report_error (self, redo ? _("Could not redo") : _("Could not undo"), error);
      return;
    }
  if (label == NULL)
    return;
  if (redo)
    /* Translators: a toast after Shift+Ctrl+Z, e.g. "Redone: Tag “Risks”" */
    message = g_strdup_printf (_("Redone: %s"), label);
  else
    /* Translators: a toast after Ctrl+Z, e.g. "Undone: Tag “Risks”" */
    message = g_strdup_printf (_("Undone: %s"), label);
  _dossier_window_show_step_toast (self, message, !redo);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_or_redo (DOSSIER_WINDOW (widget), FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_or_redo (DOSSIER_WINDOW (widget), TRUE);
}

/* A toast's Undo or Redo: only while the project's undo step is the one
 * the toast was shown for (see _dossier_window_show_step_toast), else
 * the action it names is not the one Undo or Redo would take back. */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->project != NULL && dossier_project_get_undo_step (self->project) == g_variant_get_uint64 (parameter))
    undo_or_redo (self, g_str_equal (action_name, "win.redo-step"));
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  dossier_window_show_toast (DOSSIER_WINDOW (widget), g_variant_get_string (parameter, NULL), TRUE);
}

/* ---- View ---------------------------------------------------------------------- */

static void
set_zoom (DossierWindow *self,
          double         zoom)
{
  g_settings_set_double (self->settings, "zoom", CLAMP (zoom, 0.5, 3.0));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  set_zoom (self, g_settings_get_double (self->settings, "zoom") * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  set_zoom (self, g_settings_get_double (self->settings, "zoom") / ZOOM_STEP);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  set_zoom (DOSSIER_WINDOW (widget), 1.0);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->project == NULL)
    return;
  _dossier_window_show_search (self);
}

/* F3 / Shift+F3: the next or previous hit of the project search, wherever
 * the focus is; with nothing found yet, the search, to type the words. */
static void
search_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->project == NULL)
    return;
  if (!dossier_search_panel_step (DOSSIER_SEARCH_PANEL (self->search_panel),
                                  g_str_equal (action_name, "win.search-next")))
    _dossier_window_show_search (self);
}

static void
focus_documents_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _dossier_window_show_documents (DOSSIER_WINDOW (widget));
}

static void
no_recent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
}

void
_dossier_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, open_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, no_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.exported", "s", exported_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.paste-document", NULL, paste_document_action);
  gtk_widget_class_install_action (widget_class, "win.replace-text", NULL, replace_text_action);
  gtk_widget_class_install_action (widget_class, "win.replace-text-clipboard", NULL,
                                   replace_text_clipboard_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-step", "t", step_action);
  gtk_widget_class_install_action (widget_class, "win.redo-step", "t", step_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.search-next", NULL, search_step_action);
  gtk_widget_class_install_action (widget_class, "win.search-previous", NULL, search_step_action);
  gtk_widget_class_install_action (widget_class, "win.focus-documents", NULL, focus_documents_action);

  /* Window bindings act after the focused widget had its chance, so an
   * entry keeps its own Ctrl+Z; the reader's keys are the page's (Ctrl+T,
   * Ctrl+M and Ctrl+F passed on to it in dossier-window.c). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.paste-document", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, 0, "win.search-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, GDK_SHIFT_MASK, "win.search-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.focus-documents", NULL);
}
