/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — the entry point of the Dossier application. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include <dossier/dossier.h>

#include "dossier-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DossierApplication) app = NULL;
  const char *localedir = g_getenv ("DOSSIER_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* The uninstalled program (tools/run-sample.sh) finds its translations
   * in the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A second process that finds a project open here says so. */
  dossier_project_set_holder (DOSSIER_HOLDER_WINDOW);

  dossier_application_skip_unused_gl ();
  app = dossier_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
