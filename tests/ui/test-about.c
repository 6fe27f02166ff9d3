/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-about.c — the About window, opened as the menu opens it (app.about),
 * links to the project's website and its issue tracker, the same ones
 * the AppStream metainfo gives software centres. Runs under xvfb-run and
 * dbus-run-session. */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "dossier-application.h"
#include "ui-test-util.h"

static void
test_about_links (void)
{
  g_autoptr(DossierApplication) app = dossier_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *metainfo_path = g_build_filename (BUILD_DATA_DIR, APP_ID ".metainfo.xml", NULL);
  g_autofree char *metainfo = NULL;
  g_autofree char *homepage = NULL;
  g_autofree char *bugtracker = NULL;
  AdwAboutWindow *about;

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_assert_null (find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = ADW_ABOUT_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL));
  g_assert_nonnull (about);

  /* Both links are there, and are web addresses. */
  g_assert_cmpstr (adw_about_window_get_website (about), ==, PACKAGE_WEBSITE);
  g_assert_cmpstr (adw_about_window_get_issue_url (about), ==, PACKAGE_ISSUE_URL);
  g_assert_true (g_str_has_prefix (PACKAGE_WEBSITE, "https://"));
  g_assert_true (g_str_has_prefix (PACKAGE_ISSUE_URL, "https://"));
  g_assert_cmpstr (PACKAGE_WEBSITE, !=, PACKAGE_ISSUE_URL);

  /* The metainfo says the same. */
  g_assert_true (g_file_get_contents (metainfo_path, &metainfo, NULL, &error));
  g_assert_no_error (error);
  homepage = g_strdup_printf ("<url type=\"homepage\">%s</url>", PACKAGE_WEBSITE);
  bugtracker = g_strdup_printf ("<url type=\"bugtracker\">%s</url>", PACKAGE_ISSUE_URL);
  g_assert_nonnull (strstr (metainfo, homepage));
  g_assert_nonnull (strstr (metainfo, bugtracker));

  gtk_window_destroy (GTK_WINDOW (about));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/dossier/about/links", test_about_links);

  return g_test_run ();
}
