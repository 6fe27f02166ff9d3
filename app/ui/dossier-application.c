/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-application.c — the Dossier application: decides which project
 * a window opens (a file given on the command line, the most recent
 * project, or a copy of the bundled sample on the first run), keeps the
 * recent-projects list and holds the app-wide actions (preferences, about,
 * quit). */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dossier-application.h"
#include "dossier-preferences-window.h"
#include "dossier-window.h"

#define MAX_RECENT 10

struct _DossierApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (DossierApplication, dossier_application, ADW_TYPE_APPLICATION)

/* ---- The sample project and recent projects ------------------------------------ */

char *
dossier_application_find_sample_project (void)
{
  const char *env = g_getenv ("DOSSIER_SAMPLE_PROJECT");
  const char *candidates[3];

  candidates[0] = env != NULL && env[0] != '\0' ? env : NULL;
  candidates[1] = PKGDATADIR "/sample.dossier";
  candidates[2] = BUILD_DATA_DIR "/samples/sample.dossier";

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      GStatBuf st;

      /* The build's placeholder is an empty file: not a project. */
      if (candidates[i] != NULL && g_stat (candidates[i], &st) == 0 && S_ISREG (st.st_mode)
          && st.st_size > 0)
        return g_strdup (candidates[i]);
    }

  return NULL;
}

char *
dossier_application_copy_sample_project (GError **error)
{
  g_autofree char *source_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *dest_path = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;

  dir = g_build_filename (g_get_user_data_dir (), "dossier", NULL);
  dest_path = g_build_filename (dir, "Sample.dossier", NULL);

  /* The user may have worked in their copy: never replace it. */
  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&dest_path);

  source_path = dossier_application_find_sample_project ();
  if (source_path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The sample project is not installed. Create a new project instead."));
      return NULL;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  source = g_file_new_for_path (source_path);
  dest = g_file_new_for_path (dest_path);
  if (!g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return NULL;

  return g_steal_pointer (&dest_path);
}

/* Writes "recent-projects" again: @first (if not NULL) on top, then the
 * list as it was without @path; MAX_RECENT entries at the most. */
static void
write_recent (GSettings  *settings,
              const char *first,
              const char *path)
{
  g_auto(GStrv) old = g_settings_get_strv (settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 0;

  if (first != NULL)
    {
      g_strv_builder_add (builder, first);
      n++;
    }
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-projects", (const char * const *) recent);
}

void
dossier_application_add_recent (GSettings  *settings,
                                const char *path)
{
  g_autofree char *absolute = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  absolute = g_canonicalize_filename (path, NULL);
  write_recent (settings, absolute, absolute);
}

void
dossier_application_remember_project (GSettings  *settings,
                                      const char *path,
                                      const char *title,
                                      guint       n_documents,
                                      gboolean    opened_now)
{
  g_autoptr(GVariant) old = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *absolute = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  const char *old_title;
  gint64 old_n, old_opened;
  gint64 opened = 0;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  absolute = g_canonicalize_filename (path, NULL);
  recent = g_settings_get_strv (settings, "recent-projects");
  old = g_settings_get_value (settings, "recent-project-info");

  /* What the list no longer holds goes; the project's own entry is new. */
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(sxx)}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s(&sxx)}", &key, &old_title, &old_n, &old_opened))
    {
      if (g_strcmp0 (key, absolute) == 0)
        opened = old_opened;
      else if (g_strv_contains ((const char * const *) recent, key))
        g_variant_builder_add (&builder, "{s(sxx)}", key, old_title, old_n, old_opened);
    }
  if (opened_now)
    opened = g_get_real_time () / G_USEC_PER_SEC;
  if (g_strv_contains ((const char * const *) recent, absolute))
    g_variant_builder_add (&builder, "{s(sxx)}", absolute, title ? title : "", (gint64) n_documents, opened);

  g_settings_set_value (settings, "recent-project-info", g_variant_builder_end (&builder));
}

void
dossier_application_remove_recent (GSettings  *settings,
                                   const char *path)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  write_recent (settings, NULL, path);

  /* Its entry in recent-project-info goes with it. */
  dossier_application_remember_project (settings, path, NULL, 0, FALSE);
}

GSettings *
dossier_application_get_settings (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* ---- Windows ------------------------------------------------------------------ */

static DossierWindow *
get_window (DossierApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (DOSSIER_IS_WINDOW (window))
    return DOSSIER_WINDOW (window);
  return dossier_window_new (GTK_APPLICATION (self));
}

/* With no file given: the most recent project that still opens, else the
 * user's copy of the sample project. */
static void
open_initial_project (DossierApplication *self,
                      DossierWindow      *window)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = NULL;

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = NULL;

      if (!g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;

      file = g_file_new_for_path (recent[i]);
      /* The first that exists is shown, failing loudly if it cannot open:
       * silently showing another project would be confusing. */
      dossier_window_open_project_interactive (window, file);
      return;
    }

  sample = dossier_application_copy_sample_project (&error);
  if (sample == NULL)
    {
      g_message ("No sample project: %s", error->message);
      return;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_path (sample);

    dossier_window_open_project_interactive (window, file);
    g_settings_set_boolean (self->settings, "sample-opened", TRUE);
  }
}

static void
dossier_application_activate (GApplication *app)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  DossierWindow *window;

  if (DOSSIER_IS_WINDOW (active))
    {
      gtk_window_present (active);
      return;
    }

  window = dossier_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  open_initial_project (self, window);
}

static void
dossier_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  DossierWindow *first = NULL;

  for (int i = 0; i < n_files; i++)
    {
      DossierWindow *window;

      /* Articles are offered for import together ("dossier PROJECT
       * FILE…", or many opened from a file manager), not a window each. */
      if (dossier_window_is_article_file (files[i]))
        {
          g_ptr_array_add (articles, files[i]);
          continue;
        }

      /* The first project goes to the current window, any others get their own. */
      window = first == NULL ? get_window (self) : dossier_window_new (GTK_APPLICATION (app));
      if (first == NULL)
        first = window;
      gtk_window_present (GTK_WINDOW (window));
      dossier_window_open_project_interactive (window, files[i]);
    }

  if (articles->len == 0)
    return;
  /* Into the first project given, else the one open. */
  if (first == NULL)
    {
      first = get_window (self);
      gtk_window_present (GTK_WINDOW (first));
    }
  if (articles->len == 1)
    dossier_window_open_project_interactive (first, g_ptr_array_index (articles, 0));
  else
    dossier_window_offer_articles (first, (GFile **) articles->pdata, articles->len);
}

/* ---- App actions ---------------------------------------------------------------- */

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  DossierApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  DossierPreferencesWindow *prefs;

  prefs = dossier_preferences_window_new (parent, self->settings);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  DossierApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Dossier developers"), NULL };

  adw_show_about_window (parent,
                         "application-name", _("Dossier"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Dossier developers"),
                         "developers", developers,
                         "comments", _("Read articles closely, tag passages, and turn them into briefing notes."),
                         "website", PACKAGE_WEBSITE,
                         "issue-url", PACKAGE_ISSUE_URL,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2024 The Dossier developers",
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Closing (not destroying) lets each window save its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

/* "default" follows the system's light or dark preference. */
static void
apply_color_scheme (DossierApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

/* ---- Drawing without OpenGL ------------------------------------------------- */

/* GDK_DEBUG as it was before dossier_application_skip_unused_gl(), put
 * back once GTK has read it, for the programs Dossier starts. */
static char *outer_gdk_debug;
static gboolean gdk_debug_set;

void
dossier_application_skip_unused_gl (void)
{
  const char *renderer = g_getenv ("GSK_RENDERER");
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *more = NULL;

  if (renderer == NULL || g_ascii_strcasecmp (renderer, "cairo") != 0 || gdk_debug_set)
    return;
  if (debug != NULL && strstr (debug, "gl-disable") != NULL)
    return;

  outer_gdk_debug = g_strdup (debug);
  gdk_debug_set = TRUE;
  more = debug != NULL && debug[0] != '\0' ? g_strconcat (debug, ",gl-disable", NULL) : g_strdup ("gl-disable");
  g_setenv ("GDK_DEBUG", more, TRUE);
}

static void
restore_gdk_debug (void)
{
  if (!gdk_debug_set)
    return;
  if (outer_gdk_debug != NULL)
    g_setenv ("GDK_DEBUG", outer_gdk_debug, TRUE);
  else
    g_unsetenv ("GDK_DEBUG");
  g_clear_pointer (&outer_gdk_debug, g_free);
  gdk_debug_set = FALSE;
}

static const GActionEntry app_actions[] = {
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
  { .name = "quit", .activate = quit_action },
};

static void
dossier_application_startup (GApplication *app)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);

  G_APPLICATION_CLASS (dossier_application_parent_class)->startup (app);
  /* GTK has opened the display and read GDK_DEBUG. */
  restore_gdk_debug ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  /* What GtkApplication gives it when it finds gtk/help-overlay.ui, which
   * Dossier keeps elsewhere (the window makes it when asked for). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });

  apply_color_scheme (self);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
}

static void
dossier_application_finalize (GObject *object)
{
  DossierApplication *self = DOSSIER_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_application_parent_class)->finalize (object);
}

static void
dossier_application_class_init (DossierApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = dossier_application_finalize;
  app_class->startup = dossier_application_startup;
  app_class->activate = dossier_application_activate;
  app_class->open = dossier_application_open;
}

static void
dossier_application_init (DossierApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

DossierApplication *
dossier_application_new (void)
{
  return g_object_new (DOSSIER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/dossier/Dossier",
                       NULL);
}
