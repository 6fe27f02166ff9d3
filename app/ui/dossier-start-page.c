/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-start-page.c — no project open: New, Open and the recent
 * projects.
 *
 * The list is the GSettings "recent-projects" (paths, most recent first)
 * with what the window recorded of each in "recent-project-info" (title,
 * documents, when last opened): nothing is read from the project files
 * themselves, so that a long list of big projects, or one on a slow or
 * vanished disk, costs nothing to show. A file that is gone is shown as
 * such; activating it offers to take it off the list.
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-application.h"
#include "dossier-start-page.h"
#include "dossier-ui-utils.h"

#define MAX_SHOWN 10

struct _DossierStartPage
{
  AdwBin      parent_instance;

  GSettings  *settings;
  GPtrArray  *paths;        /* of the rows, in order */

  /* template */
  GtkWidget  *recent_clamp;
  GtkListBox *recent_list;
};

G_DEFINE_FINAL_TYPE (DossierStartPage, dossier_start_page, ADW_TYPE_BIN)

/* "~/Documents/Ferries.dossier": the home folder as people write it. */
static char *
display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize n = strlen (home);

  if (n > 1 && g_str_has_prefix (path, home) && path[n] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + n, NULL);
  return g_filename_display_name (path);
}

/* "Opened today", "Opened yesterday", "Opened 3 Dec 2026". */
static char *
format_opened (gint64 opened)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = NULL;
  int days;

  if (opened <= 0)
    return NULL;

  when = g_date_time_new_from_unix_local (opened);
  if (when == NULL)
    return NULL;

  days = g_date_time_get_day_of_year (now) - g_date_time_get_day_of_year (when);
  if (g_date_time_get_year (now) == g_date_time_get_year (when) && days == 0)
    return g_strdup (_("Opened today"));
  if (g_date_time_get_year (now) == g_date_time_get_year (when) && days == 1)
    return g_strdup (_("Opened yesterday"));

  day = dossier_format_day (when);
  /* Translators: when a recent project was last opened, e.g. "Opened 3 Dec 2026" */
  return g_strdup_printf (_("Opened %s"), day);
}

static GtkWidget *
make_row (DossierStartPage *self,
          const char       *path,
          GVariant         *info)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  GtkWidget *remove;
  g_autofree char *where = display_path (path);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *opened_text = NULL;
  gboolean exists = g_file_test (path, G_FILE_TEST_IS_REGULAR);
  const char *info_title = NULL;
  gint64 n_documents = -1, opened = 0;

  if (info != NULL)
    g_variant_get (info, "(&sxx)", &info_title, &n_documents, &opened);

  if (info_title != NULL && info_title[0] != '\0')
    title = g_strdup (info_title);
  else
    {
      title = g_path_get_basename (path);
      if (g_str_has_suffix (title, ".dossier"))
        title[strlen (title) - strlen (".dossier")] = '\0';
    }

  if (!exists)
    /* Translators: a recent project whose file is no longer there */
    subtitle = g_strdup_printf (_("%s\nNot found: moved, renamed or deleted"), where);
  else
    {
      g_autofree char *documents = NULL;

      opened_text = format_opened (opened);
      if (n_documents >= 0)
        documents = g_strdup_printf (ngettext ("%" PRId64 " document",
                                               "%" PRId64 " documents", n_documents),
                                     n_documents);
      if (documents != NULL && opened_text != NULL)
        /* Translators: "12 documents · Opened 3 Dec 2026" */
        subtitle = g_strdup_printf (_("%s\n%s · %s"), where, documents, opened_text);
      else if (documents != NULL || opened_text != NULL)
        subtitle = g_strdup_printf ("%s\n%s", where, documents ? documents : opened_text);
      else
        subtitle = g_strdup (where);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  icon = gtk_image_new_from_icon_name (exists ? "folder-documents-symbolic" : "dialog-warning-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  exists ? _("Project") : _("Not found"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (!exists)
    gtk_widget_add_css_class (row, "missing-project");

  remove = dossier_icon_button_new ("list-remove-symbolic", _("Remove From Recent Projects"),
                                    GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "start.remove-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", path);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
update_list (DossierStartPage *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr(GVariant) info = g_settings_get_value (self->settings, "recent-project-info");
  GtkWidget *focus = dossier_focus_within (GTK_WIDGET (self->recent_list));
  GtkWidget *focus_row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  int focus_index = focus_row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus_row)) : -1;
  GtkListBoxRow *row;
  GtkWidget *child;

  /* A project taken off with the keyboard (its Remove button) leaves the
   * focus on the row that takes its place, not lost with the row: Tab
   * would start again from the window's top. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  g_ptr_array_set_size (self->paths, 0);

  for (guint i = 0; recent[i] != NULL && self->paths->len < MAX_SHOWN; i++)
    {
      g_autoptr(GVariant) entry = g_variant_lookup_value (info, recent[i], G_VARIANT_TYPE ("(sxx)"));

      gtk_list_box_append (self->recent_list, make_row (self, recent[i], entry));
      g_ptr_array_add (self->paths, g_strdup (recent[i]));
    }

  gtk_widget_set_visible (self->recent_clamp, self->paths->len > 0);
  if (focus_index < 0 || self->paths->len == 0)
    return;
  row = gtk_list_box_get_row_at_index (self->recent_list, MIN (focus_index, (int) self->paths->len - 1));
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* ---- Opening, and files that are gone ------------------------------------------- */

static void
on_missing_response (AdwMessageDialog *dialog,
                     const char       *response,
                     DossierStartPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "dossier-path");

  if (g_strcmp0 (response, "remove") == 0)
    dossier_application_remove_recent (self->settings, path);
}

static void
offer_removal (DossierStartPage *self,
               const char       *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *where = display_path (path);
  g_autofree char *heading = g_strdup_printf (_("“%s” Was Not Found"), name);
  g_autofree char *body = g_strdup_printf (_("There is no project at %s any more: it may have been moved, "
                                             "renamed or deleted. Open it from where it is now with "
                                             "Open Project…, or take it off the list."), where);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep"),
                                    "remove", _("_Remove From List"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "dossier-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_missing_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_row_activated (DossierStartPage *self,
                  GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row);
  g_autofree char *path = NULL;

  if (index < 0 || (guint) index >= self->paths->len)
    return;

  /* A copy: the list may be redrawn before it is used. */
  path = g_strdup (g_ptr_array_index (self->paths, index));
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      /* Gone since the list was drawn, or before. */
      update_list (self);
      offer_removal (self, path);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-recent", "s", path);
}

static void
remove_recent_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DossierStartPage *self = DOSSIER_START_PAGE (widget);

  dossier_application_remove_recent (self->settings, g_variant_get_string (parameter, NULL));
}

/* ---- public ------------------------------------------------------------------------ */

GtkWidget *
dossier_start_page_new (void)
{
  return g_object_new (DOSSIER_TYPE_START_PAGE, NULL);
}

GtkListBox *
dossier_start_page_get_list (DossierStartPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_START_PAGE (self), NULL);

  return self->recent_list;
}

/* ---- GObject --------------------------------------------------------------------- */

static void
dossier_start_page_map (GtkWidget *widget)
{
  /* Files come and go while the page is hidden. */
  update_list (DOSSIER_START_PAGE (widget));

  GTK_WIDGET_CLASS (dossier_start_page_parent_class)->map (widget);
}

static void
dossier_start_page_dispose (GObject *object)
{
  DossierStartPage *self = DOSSIER_START_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_START_PAGE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_start_page_parent_class)->dispose (object);
}

static void
dossier_start_page_finalize (GObject *object)
{
  DossierStartPage *self = DOSSIER_START_PAGE (object);

  g_ptr_array_unref (self->paths);

  G_OBJECT_CLASS (dossier_start_page_parent_class)->finalize (object);
}

static void
dossier_start_page_class_init (DossierStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_start_page_dispose;
  object_class->finalize = dossier_start_page_finalize;
  widget_class->map = dossier_start_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierStartPage, recent_clamp);
  gtk_widget_class_bind_template_child (widget_class, DossierStartPage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "start.remove-recent", "s", remove_recent_action);
}

static void
dossier_start_page_init (DossierStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Up to ten projects, each with its Remove button: Tab walked twenty
   * stops before the rest of the window. One stop now, the arrows
   * between rows; Tab on a row still reaches its Remove button. */
  dossier_accessible_one_tab_stop (self->recent_list);

  self->paths = g_ptr_array_new_with_free_func (g_free);
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (update_list), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-project-info",
                           G_CALLBACK (update_list), self, G_CONNECT_SWAPPED);
  update_list (self);
}
