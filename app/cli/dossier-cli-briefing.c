/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-cli-briefing.c — briefing notes on the command line: list them,
 * print one (its body, its citations checked, its sections with the
 * evidence each cites), make one (optionally from the template) and change
 * its title, documents or body. Exporting one is "export --briefing".
 *
 * Every argument is checked before the project changes, so a wrong one
 * leaves the project as it was; each change is one undo step in the
 * window's history.
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>

#include "dossier-cli-private.h"

static DossierBriefing *
find_briefing (const char     *name,
               DossierProject *project,
               gint64          briefing_id)
{
  DossierBriefing *briefing = dossier_project_get_briefing (project, briefing_id);

  if (briefing == NULL)
    cli_error (name, _("there is no briefing note %" PRId64 " in “%s” "
                       "(“dossier-cli briefings %s” lists them)"),
               briefing_id, dossier_project_get_path (project),
               dossier_project_get_path (project));
  return briefing;
}

/* --doc given several times: ids, each a document of the project. */
static GArray *
parse_documents (const char     *name,
                 DossierProject *project,
                 char          **docs,
                 gboolean       *ok)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  *ok = TRUE;
  for (guint i = 0; docs != NULL && docs[i] != NULL; i++)
    {
      gint64 id;

      if (!cli_parse_int (name, "DOC", docs[i], 1, &id))
        {
          *ok = FALSE;
          break;
        }
      if (cli_find_document (name, project, id) == NULL)
        {
          *ok = FALSE;
          break;
        }
      for (guint k = 0; k < ids->len; k++)
        if (g_array_index (ids, gint64, k) == id)
          {
            cli_error (name, _("document %" PRId64 " is given twice"), id);
            *ok = FALSE;
            break;
          }
      if (!*ok)
        break;
      g_array_append_val (ids, id);
    }
  return ids;
}

/* The body from --body TEXT or --body-file FILE ("-" = standard input),
 * as UTF-8 text; NULL (reported) when it cannot be read. */
static char *
read_body (const char *name,
           const char *text,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (text != NULL)
    contents = g_strdup (text);
  else if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable ();

      if (g_output_stream_splice (mem, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error) < 0)
        {
          cli_error (name, _("cannot read the body from standard input: %s"), error->message);
          return NULL;
        }
      length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (mem));
      contents = g_malloc (length + 1);
      memcpy (contents, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (mem)), length);
      contents[length] = '\0';
    }
  else if (!cli_file_readable (name, path))
    return NULL;
  else if (!g_file_get_contents (path, &contents, &length, &error))
    {
      cli_error (name, _("cannot read the body: %s"), error->message);
      return NULL;
    }

  if (text == NULL && (memchr (contents, '\0', length) != NULL ||
                       !g_utf8_validate_len (contents, length, NULL)))
    {
      cli_error (name, _("“%s” is not UTF-8 text; convert it to UTF-8 first"),
                 g_strcmp0 (path, "-") == 0 ? _("standard input") : path);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

static gboolean
print_briefing (DossierProject  *project,
                gpointer         item,
                GError         **error)
{
  DossierBriefing *briefing = item;
  g_autoptr(DossierMarkdownNode) root = dossier_markdown_parse (dossier_briefing_get_body (briefing));
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GString) documents = g_string_new (NULL);
  g_autofree char *title = cli_field (dossier_briefing_get_title (briefing));
  const gint64 *ids;
  guint n_ids, n_unverified = 0;

  citations = dossier_project_resolve_citations (project, root, error);
  if (citations == NULL)
    return FALSE;
  for (guint k = 0; k < citations->len; k++)
    if (((DossierCitation *) g_ptr_array_index (citations, k))->status != DOSSIER_CITATION_OK)
      n_unverified++;

  ids = dossier_briefing_get_document_ids (briefing, &n_ids);
  for (guint k = 0; k < n_ids; k++)
    g_string_append_printf (documents, "%s%" PRId64, k > 0 ? "," : "", ids[k]);

  cli_print ("%" PRId64 "\t%s\t%s\t%u\t%u\t%s\n",
             dossier_briefing_get_id (briefing), title, documents->str,
             citations->len, n_unverified, dossier_briefing_get_modified (briefing));
  return TRUE;
}

int
cli_briefings (const char *name,
               int         argc,
               char      **argv)
{
  return cli_list (name, argc, argv, dossier_project_get_briefings, print_briefing);
}

int
cli_briefing (const char *name,
              int         argc,
              char      **argv)
{
  gboolean check = FALSE;
  gboolean sections = FALSE;
  GOptionEntry entries[] = {
    { "check", 'c', 0, G_OPTION_ARG_NONE, &check,
      N_("Instead of the body, check every citation against its document’s text"), NULL },
    { "sections", 's', 0, G_OPTION_ARG_NONE, &sections,
      N_("Instead of the body, list its sections with the citations each holds"), NULL },
    { NULL }
  };
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(DossierMarkdownNode) root = NULL;
  g_autoptr(GError) error = NULL;
  DossierBriefing *briefing;
  gint64 briefing_id;
  const char *body;
  gsize len;

  if (!cli_parse (name, entries, &argc, &argv, 2, 2))
    return CLI_EXIT_USAGE;
  if (check && sections)
    return cli_usage_error (name, _("give --check or --sections, not both"));
  if (!cli_parse_int (name, "ID", argv[1], 1, &briefing_id))
    return CLI_EXIT_USAGE;

  project = cli_open_project (name, argv[0], FALSE);
  if (project == NULL)
    return CLI_EXIT_FAILURE;
  briefing = find_briefing (name, project, briefing_id);
  if (briefing == NULL)
    return CLI_EXIT_FAILURE;

  body = dossier_briefing_get_body (briefing);
  root = dossier_markdown_parse (body);

  if (check)
    {
      g_autoptr(GPtrArray) citations = dossier_project_resolve_citations (project, root, &error);
      g_autofree char *report = NULL;

      if (citations == NULL)
        return cli_fail (name, error);
      if (!dossier_citations_verify (citations, &report))
        {
          cli_print ("%s", report);
          return CLI_EXIT_FAILURE;
        }
      /* TRANSLATORS: %u is how many passages the note cites */
      cli_print (g_dngettext (GETTEXT_PACKAGE, "ok: %u citation verified\n",
                              "ok: %u citations verified\n", citations->len),
                 citations->len);
      return CLI_EXIT_OK;
    }

  if (sections)
    {
      g_autoptr(GPtrArray) citations = dossier_project_resolve_citations (project, root, &error);
      g_autoptr(GPtrArray) list = NULL;
      guint top = 6;

      if (citations == NULL)
        return cli_fail (name, error);
      list = dossier_briefing_get_sections_verified (root, citations);

      /* Indented by depth below the body's top level. */
      for (guint i = 0; i < list->len; i++)
        {
          DossierBriefingSection *section = g_ptr_array_index (list, i);

          if (section->level > 0)
            top = MIN (top, section->level);
        }
      for (guint i = 0; i < list->len; i++)
        {
          DossierBriefingSection *section = g_ptr_array_index (list, i);
          g_autofree char *heading = cli_field (section->heading != NULL ? section->heading
                                                                          : _("(before the first heading)"));

          cli_print ("%*s%s\t%u", (int) (2 * (section->level > top ? section->level - top : 0)), "",
                     heading, section->n_citations);
          if (section->n_unverified > 0)
            {
              cli_print ("\t");
              /* TRANSLATORS: %u is how many of a section's citations cite a
               * highlight deleted or changed */
              cli_print (g_dngettext (GETTEXT_PACKAGE, "%u no longer verifies", "%u no longer verify",
                                      section->n_unverified), section->n_unverified);
            }
          cli_print ("\n");
        }
      return CLI_EXIT_OK;
    }

  len = strlen (body);
  cli_write_text (body, len);
  if (len > 0 && body[len - 1] != '\n')
    fputc ('\n', stdout);
  return CLI_EXIT_OK;
}

int
cli_briefing_new (const char *name,
                  int         argc,
                  char      **argv)
{
  g_auto(GStrv) docs = NULL;
  g_autofree char *body_text = NULL;
  g_autofree char *body_file = NULL;
  gboolean template = FALSE;
  double wait = 0;
  GOptionEntry entries[] = {
    { "doc", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &docs,
      N_("A document the note compares (give it once per document, in order)"), N_("DOC") },
    { "body", 'b', 0, G_OPTION_ARG_STRING, &body_text,
      N_("The note’s body, in Markdown"), N_("TEXT") },
    { "body-file", 'f', 0, G_OPTION_ARG_FILENAME, &body_file,
      N_("Read the body from FILE (“-” for standard input)"), N_("FILE") },
    { "template", 0, 0, G_OPTION_ARG_NONE, &template,
      N_("Start from the briefing template, filled with the project’s stakeholders, "
         "questions and their evidence"), NULL },
    cli_wait_entry (&wait),
    { NULL }
  };
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *body = NULL;
  gint64 id;
  gboolean ok;

  if (!cli_parse (name, entries, &argc, &argv, 2, 2))
    return CLI_EXIT_USAGE;
  if ((body_text != NULL) + (body_file != NULL) + template > 1)
    return cli_usage_error (name, _("give one of --body, --body-file and --template"));

  project = cli_open_project_full (name, argv[0], DOSSIER_OPEN_READ_WRITE, wait);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  ids = parse_documents (name, project, docs, &ok);
  if (!ok)
    return CLI_EXIT_FAILURE;

  if (template)
    body = dossier_project_make_briefing_template (project, (const gint64 *) ids->data, ids->len);
  else if (body_text != NULL || body_file != NULL)
    {
      body = read_body (name, body_text, body_file);
      if (body == NULL)
        return CLI_EXIT_FAILURE;
    }

  id = dossier_project_add_briefing (project, argv[1], (const gint64 *) ids->data, ids->len,
                                     body, &error);
  return cli_print_id (name, id, error);
}

int
cli_briefing_set (const char *name,
                  int         argc,
                  char      **argv)
{
  g_auto(GStrv) docs = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body_text = NULL;
  g_autofree char *body_file = NULL;
  gboolean no_documents = FALSE;
  gboolean delete = FALSE;
  double wait = 0;
  GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title,
      N_("A new title"), N_("TITLE") },
    { "doc", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &docs,
      N_("The documents it compares, in order (give it once per document; replaces the list)"),
      N_("DOC") },
    { "no-documents", 0, 0, G_OPTION_ARG_NONE, &no_documents,
      N_("It compares no documents"), NULL },
    { "body", 'b', 0, G_OPTION_ARG_STRING, &body_text,
      N_("A new body, in Markdown"), N_("TEXT") },
    { "body-file", 'f', 0, G_OPTION_ARG_FILENAME, &body_file,
      N_("Read the new body from FILE (“-” for standard input)"), N_("FILE") },
    { "delete", 0, 0, G_OPTION_ARG_NONE, &delete,
      N_("Delete the note"), NULL },
    cli_wait_entry (&wait),
    { NULL }
  };
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *body = NULL;
  gint64 briefing_id;
  gboolean ok;

  if (!cli_parse (name, entries, &argc, &argv, 2, 2))
    return CLI_EXIT_USAGE;
  if (!cli_parse_int (name, "ID", argv[1], 1, &briefing_id))
    return CLI_EXIT_USAGE;
  if (body_text != NULL && body_file != NULL)
    return cli_usage_error (name, _("give --body or --body-file, not both"));
  if (docs != NULL && no_documents)
    return cli_usage_error (name, _("give --doc or --no-documents, not both"));
  if (delete && (title != NULL || docs != NULL || no_documents || body_text != NULL ||
                 body_file != NULL))
    return cli_usage_error (name, _("--delete takes no other change"));
  if (!delete && title == NULL && docs == NULL && !no_documents && body_text == NULL &&
      body_file == NULL)
    return cli_usage_error (name, _("nothing to change: give --title, --doc, --no-documents, "
                                    "--body, --body-file or --delete"));

  project = cli_open_project_full (name, argv[0], DOSSIER_OPEN_READ_WRITE, wait);
  if (project == NULL)
    return CLI_EXIT_FAILURE;
  if (find_briefing (name, project, briefing_id) == NULL)
    return CLI_EXIT_FAILURE;

  if (delete)
    return dossier_project_delete_briefing (project, briefing_id, &error)
           ? CLI_EXIT_OK : cli_fail (name, error);

  /* Everything is read and checked before the first change. */
  ids = parse_documents (name, project, docs, &ok);
  if (!ok)
    return CLI_EXIT_FAILURE;
  if (body_text != NULL || body_file != NULL)
    {
      body = read_body (name, body_text, body_file);
      if (body == NULL)
        return CLI_EXIT_FAILURE;
    }
  if (title != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (title));

      if (*stripped == '\0')
        return cli_usage_error (name, _("the title must not be empty"));
    }

  if (title != NULL && !dossier_project_set_briefing_title (project, briefing_id, title, &error))
    return cli_fail (name, error);
  if ((docs != NULL || no_documents) &&
      !dossier_project_set_briefing_documents (project, briefing_id,
                                               (const gint64 *) ids->data, ids->len, &error))
    return cli_fail (name, error);
  if (body != NULL && !dossier_project_set_briefing_body (project, briefing_id, body, &error))
    return cli_fail (name, error);

  return CLI_EXIT_OK;
}
