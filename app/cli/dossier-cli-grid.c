/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-cli-grid.c — the grid command: the stakeholders' power/interest
 * grid as an SVG or PNG picture (libdossier-render draws it). */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "dossier-cli-private.h"
#include "dossier-grid-render.h"

int
cli_grid (const char *name,
          int         argc,
          char      **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format_name = NULL;
  int width = DOSSIER_GRID_RENDER_DEFAULT_WIDTH;
  int height = DOSSIER_GRID_RENDER_DEFAULT_HEIGHT;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the picture to FILE (.svg or .png), or to standard output with -"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("svg or png (default: from the file’s extension)"), N_("FORMAT") },
    { "width", 'W', 0, G_OPTION_ARG_INT, &width,
      N_("Width in pixels (default 900)"), N_("PIXELS") },
    { "height", 'H', 0, G_OPTION_ARG_INT, &height,
      N_("Height in pixels (default 700)"), N_("PIXELS") },
    { NULL }
  };
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  DossierGridRenderFormat format;
  gboolean to_stdout;
  gboolean ok;

  if (!cli_parse (name, entries, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;

  if (output == NULL)
    return cli_usage_error (name, _("say where to write the picture with -o FILE.svg or -o FILE.png"));
  to_stdout = strcmp (output, "-") == 0;
  if (format_name != NULL)
    {
      if (!dossier_grid_render_format_from_string (format_name, &format))
        return cli_usage_error (name, _("unknown format “%s”: use svg or png"), format_name);
    }
  else if (to_stdout || !dossier_grid_render_format_from_path (output, &format))
    return cli_usage_error (name, _("name a .svg or .png file, or choose with --format svg|png"));
  if (width < DOSSIER_GRID_RENDER_MIN_SIZE || width > DOSSIER_GRID_RENDER_MAX_SIZE ||
      height < DOSSIER_GRID_RENDER_MIN_SIZE || height > DOSSIER_GRID_RENDER_MAX_SIZE)
    return cli_usage_error (name, _("--width and --height must be from %d to %d pixels"),
                            DOSSIER_GRID_RENDER_MIN_SIZE, DOSSIER_GRID_RENDER_MAX_SIZE);
  /* A PNG is no use on a terminal. */
  if (format == DOSSIER_GRID_RENDER_PNG && cli_output_is_terminal (output))
    return cli_usage_error (name, _("a PNG is an image: write it to a file with -o FILE.png"));

  project = cli_open_project (name, argv[0], FALSE);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  if (to_stdout || cli_output_is_terminal (output))
    {
      g_autoptr(GOutputStream) out = cli_output_stream (output);

      ok = dossier_grid_render_to_stream (dossier_project_get_stakeholders (project),
                                          dossier_project_get_title (project), format, width,
                                          height, out, NULL, &error) &&
           cli_output_stream_done (output, out, &error);
    }
  else
    ok = dossier_grid_render_to_file (dossier_project_get_stakeholders (project),
                                      dossier_project_get_title (project), format, width, height,
                                      output, NULL, &error);
  if (!ok)
    return cli_fail (name, error);

  return CLI_EXIT_OK;
}
