/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-cli-batch.c — `dossier-cli batch PROJECT [FILE]`: many commands
 * on one project in one process, the project opened once.
 *
 * Each line of FILE (or standard input) is one command without
 * "dossier-cli" and without PROJECT, its words quoted as in a shell. Each
 * runs as it would alone — its own transaction, its own output on
 * standard output, in order — on the project the batch opened for
 * writing: the commands' own opens of PROJECT hand it out again (see
 * cli_open_project_full). The first command that fails stops the batch,
 * a line on stderr naming it and its line; what came before stays done.
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-cli-private.h"

/* The project the batch has open, and its path as the commands are given
 * it; NULL outside a batch. */
static DossierProject *batch_project;
static const char *batch_path;

DossierProject *
cli_batch_project (const char       *path,
                   DossierOpenFlags  flags)
{
  if (batch_project == NULL || g_strcmp0 (path, batch_path) != 0)
    return NULL;
  /* A check reads the file its own way (it looks at a damaged one
   * too): it opens it beside the batch, as it would beside the window. */
  if ((flags & DOSSIER_OPEN_INSPECT) != 0)
    return NULL;
  return g_object_ref (batch_project);
}

/* One line, safe to show, cut if very long: the command that failed. */
static char *
shown_command (const char *text)
{
  g_autofree char *safe = cli_safe_text (text, -1);

  for (char *p = safe; *p; p++)
    if (*p == '\n' || *p == '\t' || *p == '\r')
      *p = ' ';
  if (g_utf8_strlen (safe, -1) > 200)
    {
      char *end = g_utf8_offset_to_pointer (safe, 200);

      return g_strdup_printf ("%.*s…", (int) (end - safe), safe);
    }
  return g_steal_pointer (&safe);
}

/* Runs the command in @words (without PROJECT) on the batch's project.
 * *@said is set when the line was refused here, the reason said. */
static int
run_line (const char *batch_name,
          guint       line,
          char      **words,
          gboolean   *said)
{
  const CliCommand *command = cli_find_command (words[0]);
  guint n = g_strv_length (words);
  g_autofree char **args = NULL;
  int status;

  *said = TRUE;
  if (command == NULL)
    return cli_usage_error (batch_name, _("line %u: unknown command “%s”"), line, words[0]);
  if (strcmp (command->name, "batch") == 0 || strcmp (command->name, "new") == 0)
    return cli_usage_error (batch_name, _("line %u: “%s” cannot run in a batch"), line,
                            command->name);
  for (guint i = 1; i < n && strcmp (words[i], "--") != 0; i++)
    if (strcmp (words[i], "--help") == 0 || strcmp (words[i], "-h") == 0 ||
        strcmp (words[i], "--help-all") == 0 || strcmp (words[i], "-?") == 0)
      return cli_usage_error (batch_name, _("line %u: --help does not go in a batch"), line);

  *said = FALSE;

  /* COMMAND PROJECT WORD…: the project first, as GOption keeps the order
   * of what is not an option. A shallow copy, which the parse reorders. */
  args = g_new0 (char *, n + 2);
  args[0] = words[0];
  args[1] = (char *) batch_path;
  for (guint i = 1; i < n; i++)
    args[i + 1] = words[i];

  cli_set_running_command (command->name);
  status = command->run (command->name, (int) n + 1, args);
  cli_set_running_command (batch_name);

  /* What a commit left for the main loop (the copy of the log into the
   * file) is done now, as the window's loop would do it. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  fflush (stdout);
  return status;
}

int
cli_batch (const char *name,
           int         argc,
           char      **argv)
{
  double wait = 0;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *file;
  guint line = 0, first_line = 0;
  gboolean said = FALSE;
  int status = CLI_EXIT_OK;

  if (!cli_parse_wait_only (name, &wait, &argc, &argv, 1, 2))
    return CLI_EXIT_USAGE;
  file = argc > 1 ? argv[1] : "-";

  if (strcmp (file, "-") == 0)
    channel = g_io_channel_unix_new (0);
  else if (g_file_test (file, G_FILE_TEST_IS_DIR))
    {
      cli_error (name, _("“%s” is a folder, not a file of commands"), file);
      return CLI_EXIT_FAILURE;
    }
  else if (!cli_file_readable (name, file))
    return CLI_EXIT_FAILURE;
  else
    channel = g_io_channel_new_file (file, "r", &error);
  if (channel == NULL)
    {
      /* TRANSLATORS: the file of commands, then why it cannot be read */
      cli_error (name, _("cannot read “%s”: %s"), file, error->message);
      return CLI_EXIT_FAILURE;
    }
  /* Read as bytes: a line that is not UTF-8 is refused by its command. */
  g_io_channel_set_encoding (channel, NULL, NULL);

  project = cli_open_project_full (name, argv[0], DOSSIER_OPEN_READ_WRITE, wait);
  if (project == NULL)
    return CLI_EXIT_FAILURE;
  batch_project = project;
  batch_path = argv[0];

  for (;;)
    {
      g_autofree char *buffer = NULL;
      g_auto(GStrv) words = NULL;
      g_autoptr(GError) parse_error = NULL;
      gsize length = 0;
      GIOStatus io;

      io = g_io_channel_read_line (channel, &buffer, &length, NULL, &error);
      if (io == G_IO_STATUS_ERROR)
        {
          status = cli_fail (name, error);
          break;
        }
      if (io == G_IO_STATUS_EOF)
        {
          if (text->len == 0)
            break;
          /* The last command ended inside quotes or after a backslash. */
          g_shell_parse_argv (text->str, NULL, &words, &parse_error);
          status = cli_usage_error (name, _("line %u: %s"), first_line,
                                    parse_error != NULL ? parse_error->message : "");
          break;
        }
      if (io != G_IO_STATUS_NORMAL)
        continue;

      line++;
      if (text->len == 0)
        first_line = line;
      if (length > 0 && buffer[length - 1] == '\n')
        length--;
      g_string_append_len (text, buffer, (gssize) length);

      if (!g_shell_parse_argv (text->str, NULL, &words, &parse_error))
        {
          if (g_error_matches (parse_error, G_SHELL_ERROR, G_SHELL_ERROR_EMPTY_STRING))
            {
              /* A blank line, or a comment. */
              g_string_truncate (text, 0);
              continue;
            }
          if (g_error_matches (parse_error, G_SHELL_ERROR, G_SHELL_ERROR_BAD_QUOTING))
            {
              /* A quote left open, or a backslash at the end: the command
               * goes on on the next line. */
              g_string_append_c (text, '\n');
              continue;
            }
          status = cli_usage_error (name, _("line %u: %s"), first_line, parse_error->message);
          break;
        }

      status = run_line (name, first_line, words, &said);
      if (status != CLI_EXIT_OK && !said)
        {
          g_autofree char *shown = shown_command (text->str);

          /* TRANSLATORS: the line number, then the command as written */
          cli_error (name, _("line %u failed: %s (the lines before it are done, the rest were "
                             "not run)"), first_line, shown);
        }
      if (status != CLI_EXIT_OK)
        break;
      g_string_truncate (text, 0);
    }

  batch_project = NULL;
  batch_path = NULL;
  return status;
}
