/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-renderer.c — drawing with cairo, Dossier does not load OpenGL:
 * dossier_application_skip_unused_gl() before GTK opens the display.
 * Each case runs in a process of its own (GDK reads GDK_DEBUG once).
 * Runs under xvfb-run. */
#include "config.h"

#include <adwaita.h>

#include "dossier-application.h"

static void
set_env (const char *name,
         const char *value)
{
  if (value != NULL)
    g_setenv (name, value, TRUE);
  else
    g_unsetenv (name);
}

/* The cairo renderer asked for: GL is turned off, and the display then
 * has none to give. */
static void
test_cairo_no_gl (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      set_env ("GSK_RENDERER", "cairo");
      set_env ("GDK_DEBUG", NULL);
      dossier_application_skip_unused_gl ();
      g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");

      g_assert_true (gtk_init_check ());
      g_assert_false (gdk_display_prepare_gl (gdk_display_get_default (), &error));
      g_assert_nonnull (error);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* What GDK_DEBUG already asks for stays. */
static void
test_cairo_keeps_debug_flags (void)
{
  if (g_test_subprocess ())
    {
      set_env ("GSK_RENDERER", "Cairo");
      set_env ("GDK_DEBUG", "misc");
      dossier_application_skip_unused_gl ();
      g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "misc,gl-disable");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Another renderer (or GTK's choice) may draw with GL: nothing changes. */
static void
test_other_renderers_keep_gl (void)
{
  if (g_test_subprocess ())
    {
      set_env ("GSK_RENDERER", "gl");
      set_env ("GDK_DEBUG", NULL);
      dossier_application_skip_unused_gl ();
      g_assert_null (g_getenv ("GDK_DEBUG"));

      set_env ("GSK_RENDERER", NULL);
      dossier_application_skip_unused_gl ();
      g_assert_null (g_getenv ("GDK_DEBUG"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/renderer/cairo-no-gl", test_cairo_no_gl);
  g_test_add_func ("/dossier/renderer/cairo-keeps-debug-flags", test_cairo_keeps_debug_flags);
  g_test_add_func ("/dossier/renderer/other-renderers-keep-gl", test_other_renderers_keep_gl);

  return g_test_run ();
}
