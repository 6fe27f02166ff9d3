/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-cli-write.c — the commands that change a project: new, import,
 * tag-add, highlight and autocode. Each change is one transaction in the
 * core: it is committed whole or not at all. They need the project's write
 * lock, and say so plainly when another process holds it.
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-cli-private.h"

int
cli_new (const char *name,
         int         argc,
         char      **argv)
{
  g_autofree char *title = NULL;
  GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title,
      N_("The project’s title (default: the file name)"), N_("TITLE") },
    { NULL }
  };
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  if (!cli_parse (name, entries, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  path = argv[0];

  if (title == NULL)
    {
      g_autofree char *base = g_path_get_basename (path);

      if (g_str_has_suffix (base, ".dossier") && strlen (base) > strlen (".dossier"))
        base[strlen (base) - strlen (".dossier")] = '\0';
      title = g_filename_display_name (base);
    }
  else if (!g_utf8_validate (title, -1, NULL) || *g_strstrip (title) == '\0')
    return cli_usage_error (name, _("the title must be non-empty text"));

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      cli_error (name, _("“%s” already exists; choose another file name"), path);
      return CLI_EXIT_FAILURE;
    }

  project = dossier_project_create (path, title, &error);
  if (project == NULL)
    return cli_fail (name, error);

  dossier_project_close (project);
  return CLI_EXIT_OK;
}

int
cli_import (const char *name,
            int         argc,
            char      **argv)
{
  g_autofree char *format_name = NULL;
  double wait = 0;
  GOptionEntry entries[] = {
    cli_import_format_entry (&format_name),
    cli_wait_entry (&wait),
    { NULL }
  };
  g_autoptr(DossierProject) project = NULL;
  DossierFormat format;
  int status = CLI_EXIT_OK;

  if (!cli_parse (name, entries, &argc, &argv, 2, -1))
    return CLI_EXIT_USAGE;

  if (!cli_parse_import_format (name, format_name, &format))
    return CLI_EXIT_USAGE;

  project = cli_open_project_full (name, argv[0], DOSSIER_OPEN_READ_WRITE, wait);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  /* Each file is parsed, then stored in its own transaction: one bad file
   * is reported and skipped, and the others still go in. */
  for (int i = 1; i < argc; i++)
    {
      const char *path = argv[i];
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(DossierParsedDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *display = g_filename_display_name (path);
      gint64 id;

      /* Another tool's project, codebook or annotations: its report. Not
       * a project of ours under such a name (read here, in a batch, the
       * project would lose its locks; the importer of articles refuses
       * one itself). */
      if (format == DOSSIER_FORMAT_AUTO && dossier_exchange_can_import (file) &&
          !cli_file_readable (name, path))
        {
          status = CLI_EXIT_FAILURE;
          continue;
        }
      if (format == DOSSIER_FORMAT_AUTO && dossier_exchange_can_import (file))
        {
          g_autoptr(DossierImportReport) report = dossier_exchange_import (project, file, NULL, NULL, &error);
          g_autofree char *text = NULL;

          if (report == NULL)
            {
              cli_error (name, "%s", error->message);
              status = CLI_EXIT_FAILURE;
              continue;
            }
          text = dossier_import_report_to_text (report);
          cli_print ("%s", text);
          fflush (stdout);
          continue;
        }

      doc = dossier_import_file (file, format, NULL, &error);
      if (doc != NULL)
        id = dossier_project_add_document (project, doc, &error);
      else
        id = 0;

      if (id <= 0)
        {
          g_autofree char *basename = g_path_get_basename (display);

          /* The importer's message normally names the file; make sure it
           * does when several files are being imported. */
          if (error != NULL && strstr (error->message, basename) != NULL)
            cli_error (name, "%s", error->message);
          else
            cli_error (name, "“%s”: %s", display,
                       error != NULL ? error->message : _("cannot be imported"));
          status = CLI_EXIT_FAILURE;
          continue;
        }

      {
        g_autofree char *title = cli_field (doc->title);

        cli_print ("%" G_GINT64_FORMAT "\t%s\n", id, title);
        fflush (stdout);
      }
      /* What to check: on standard error, so that standard output stays
       * one "ID<tab>TITLE" line per document for scripts. */
      for (guint n = 0; n < doc->notes->len; n++)
        cli_error (name, "%s", (const char *) g_ptr_array_index (doc->notes, n));
    }

  return status;
}

int
cli_tag_add (const char *name,
             int         argc,
             char      **argv)
{
  g_autofree char *parent_name = NULL;
  g_autofree char *color = NULL;
  g_autofree char *description = NULL;
  double wait = 0;
  GOptionEntry entries[] = {
    { "parent", 'p', 0, G_OPTION_ARG_STRING, &parent_name,
      N_("Put the tag under this tag (a name or a path “Parent/Child”)"), N_("NAME") },
    { "color", 'c', 0, G_OPTION_ARG_STRING, &color,
      N_("Its colour (default: the next one of the palette)"), N_("#RRGGBB") },
    { "description", 'D', 0, G_OPTION_ARG_STRING, &description,
      N_("What the tag is for"), N_("TEXT") },
    cli_wait_entry (&wait),
    { NULL }
  };
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 parent_id = 0;
  gint64 id;

  if (!cli_parse (name, entries, &argc, &argv, 2, 2))
    return CLI_EXIT_USAGE;

  if (!g_utf8_validate (argv[1], -1, NULL) || *argv[1] == '\0')
    return cli_usage_error (name, _("the tag name must be non-empty text"));
  if (color != NULL && !dossier_color_is_hex (color))
    return cli_usage_error (name, _("“%s” is not a colour: write it as #RRGGBB, e.g. #3584e4"),
                            color);
  if (description != NULL && !g_utf8_validate (description, -1, NULL))
    return cli_usage_error (name, _("the description must be text"));

  project = cli_open_project_full (name, argv[0], DOSSIER_OPEN_READ_WRITE, wait);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  if (parent_name != NULL)
    {
      g_autoptr(GError) lookup_error = NULL;
      DossierTag *parent = dossier_project_lookup_tag (project, parent_name, &lookup_error);

      if (parent == NULL && !g_error_matches (lookup_error, DOSSIER_PROJECT_ERROR,
                                              DOSSIER_PROJECT_ERROR_NOT_FOUND))
        {
          cli_error (name, "%s", lookup_error->message);
          return CLI_EXIT_FAILURE;
        }
      if (parent == NULL)
        {
          cli_error (name, _("there is no tag “%s” to put “%s” under (add it first with "
                             "“dossier-cli tag-add %s %s”)"),
                     parent_name, argv[1], argv[0], parent_name);
          return CLI_EXIT_FAILURE;
        }
      if (!cli_tag_id_usable (name, parent, TRUE))
        return CLI_EXIT_FAILURE;
      parent_id = dossier_tag_get_id (parent);
    }

  id = dossier_project_add_tag (project, argv[1], parent_id, color, description, &error);
  return cli_print_id (name, id, error);
}

int
cli_highlight (const char *name,
               int         argc,
               char      **argv)
{
  g_auto(GStrv) tag_names = NULL;
  g_autofree char *memo = NULL;
  double wait = 0;
  GOptionEntry entries[] = {
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tag_names,
      N_("A tag to apply (repeat for several; it must exist)"), N_("NAME") },
    { "memo", 'm', 0, G_OPTION_ARG_STRING, &memo,
      N_("A note about the passage"), N_("TEXT") },
    cli_wait_entry (&wait),
    { NULL }
  };
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  DossierDocument *doc;
  gint64 document_id, start, end, length, id;

  if (!cli_parse (name, entries, &argc, &argv, 4, 4))
    return CLI_EXIT_USAGE;
  if (!cli_parse_int (name, "DOC", argv[1], 1, &document_id) ||
      !cli_parse_int (name, "START", argv[2], 0, &start) ||
      !cli_parse_int (name, "END", argv[3], 0, &end))
    return CLI_EXIT_USAGE;
  if (tag_names == NULL || tag_names[0] == NULL)
    return cli_usage_error (name, _("give at least one tag with --tag NAME"));
  if (memo != NULL && !g_utf8_validate (memo, -1, NULL))
    return cli_usage_error (name, _("the memo must be text"));
  if (end <= start)
    {
      cli_error (name, _("the range %" PRId64 "–%" PRId64 " is empty: "
                         "END must be greater than START"), start, end);
      return CLI_EXIT_FAILURE;
    }

  project = cli_open_project_full (name, argv[0], DOSSIER_OPEN_READ_WRITE, wait);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  doc = cli_find_document (name, project, document_id);
  if (doc == NULL)
    return CLI_EXIT_FAILURE;
  length = dossier_document_get_length (doc);
  if (end > length)
    {
      cli_error (name, _("the range %" PRId64 "–%" PRId64 " goes past the end "
                         "of document %" PRId64 ", which has %" PRId64
                         " characters"), start, end, document_id, length);
      return CLI_EXIT_FAILURE;
    }

  for (guint i = 0; tag_names[i] != NULL; i++)
    {
      DossierTag *tag = cli_find_tag (name, project, tag_names[i]);
      gint64 tag_id;

      if (tag == NULL)
        return CLI_EXIT_FAILURE;
      tag_id = dossier_tag_get_id (tag);
      g_array_append_val (tag_ids, tag_id);
    }

  id = dossier_project_add_highlight (project, document_id, start, end,
                                      (const gint64 *) tag_ids->data, tag_ids->len,
                                      memo, &error);
  return cli_print_id (name, id, error);
}

int
cli_autocode (const char *name,
              int         argc,
              char      **argv)
{
  g_autofree char *tag_name = NULL;
  g_autofree char *match = NULL;
  g_autofree char *regex = NULL;
  gint64 document_id = 0;
  double wait = 0;
  GOptionEntry entries[] = {
    { "tag", 't', 0, G_OPTION_ARG_STRING, &tag_name,
      N_("The tag to apply (it must exist)"), N_("NAME") },
    { "match", 'm', 0, G_OPTION_ARG_STRING, &match,
      N_("Text to find, ignoring case"), N_("TEXT") },
    { "regex", 'r', 0, G_OPTION_ARG_STRING, &regex,
      N_("A regular expression to find (PCRE syntax)"), N_("RE") },
    { "doc", 'd', 0, G_OPTION_ARG_INT64, &document_id,
      N_("Only in this document (default: all)"), N_("DOC") },
    cli_wait_entry (&wait),
    { NULL }
  };
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  DossierTag *tag;
  gint64 n;

  if (!cli_parse (name, entries, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;
  if (tag_name == NULL)
    return cli_usage_error (name, _("give the tag to apply with --tag NAME"));
  if ((match == NULL) == (regex == NULL))
    return cli_usage_error (name, _("give exactly one of --match TEXT and --regex RE"));
  if ((match != NULL && (*match == '\0' || !g_utf8_validate (match, -1, NULL))) ||
      (regex != NULL && (*regex == '\0' || !g_utf8_validate (regex, -1, NULL))))
    return cli_usage_error (name, _("the text to find must be non-empty text"));
  if (document_id < 0)
    return cli_usage_error (name, _("DOC must be a document id, not %" PRId64), document_id);

  /* A bad pattern is a usage error, found before the project is touched. */
  if (regex != NULL)
    {
      g_autoptr(GRegex) re = g_regex_new (regex, 0, 0, &error);

      if (re == NULL)
        return cli_usage_error (name, _("the regular expression is not valid: %s"), error->message);
    }

  project = cli_open_project_full (name, argv[0], DOSSIER_OPEN_READ_WRITE, wait);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  tag = cli_find_tag (name, project, tag_name);
  if (tag == NULL)
    return CLI_EXIT_FAILURE;
  if (document_id != 0 && cli_find_document (name, project, document_id) == NULL)
    return CLI_EXIT_FAILURE;

  n = dossier_project_autocode (project, dossier_tag_get_id (tag), match, regex,
                                document_id, &error);
  if (n < 0)
    return cli_fail (name, error);

  cli_print ("%" G_GINT64_FORMAT "\n", n);
  return CLI_EXIT_OK;
}

int
cli_meta (const char *name,
          int         argc,
          char      **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *outlet = NULL;
  g_autofree char *source = NULL;
  g_autofree char *published = NULL;
  double wait = 0;
  GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The document’s title"), N_("TITLE") },
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author,
      N_("Its author or byline (\"\" clears it)"), N_("NAME") },
    { "outlet", 'o', 0, G_OPTION_ARG_STRING, &outlet,
      N_("The outlet that published it (\"\" clears it)"), N_("NAME") },
    { "source", 's', 0, G_OPTION_ARG_STRING, &source,
      N_("Where it comes from, e.g. its URL (\"\" clears it)"), N_("URL") },
    { "published", 'p', 0, G_OPTION_ARG_STRING, &published,
      N_("Its publication date (\"\" clears it)"), N_("YYYY-MM-DD") },
    cli_wait_entry (&wait),
    { NULL }
  };
  const char *values[5];
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id;

  if (!cli_parse (name, entries, &argc, &argv, 2, 2))
    return CLI_EXIT_USAGE;
  if (!cli_parse_int (name, "DOC", argv[1], 1, &document_id))
    return CLI_EXIT_USAGE;

  values[0] = title;
  values[1] = author;
  values[2] = outlet;
  values[3] = source;
  values[4] = published;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (values[i] != NULL && !g_utf8_validate (values[i], -1, NULL))
      return cli_usage_error (name, _("metadata must be UTF-8 text"));
  if (title != NULL && *g_strstrip (title) == '\0')
    return cli_usage_error (name, _("the title must be non-empty text"));

  project = cli_open_project_full (name, argv[0], DOSSIER_OPEN_READ_WRITE, wait);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  if (!dossier_project_set_document_metadata (project, document_id, title, author, outlet,
                                              source, published, &error))
    return cli_fail (name, error);
  return CLI_EXIT_OK;
}

int
cli_replace_text (const char *name,
                  int         argc,
                  char      **argv)
{
  g_autofree char *format_name = NULL;
  double wait = 0;
  GOptionEntry entries[] = {
    cli_import_format_entry (&format_name),
    cli_wait_entry (&wait),
    { NULL }
  };
  static const char * const outcomes[] = { "exact", "moved", "approximate", "orphaned" };
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  DossierFormat format;
  guint counts[G_N_ELEMENTS (outcomes)] = { 0 };
  gint64 document_id;

  G_STATIC_ASSERT (DOSSIER_ANCHOR_ORPHANED == G_N_ELEMENTS (outcomes) - 1);

  if (!cli_parse (name, entries, &argc, &argv, 3, 3))
    return CLI_EXIT_USAGE;
  if (!cli_parse_import_format (name, format_name, &format))
    return CLI_EXIT_USAGE;
  if (!cli_parse_int (name, "DOC", argv[1], 1, &document_id))
    return CLI_EXIT_USAGE;

  project = cli_open_project_with_document (name, argv[0], DOSSIER_OPEN_READ_WRITE, wait,
                                            document_id);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  file = g_file_new_for_commandline_arg (argv[2]);
  doc = dossier_import_file (file, format, NULL, &error);
  if (doc == NULL)
    return cli_fail (name, error);

  plan = dossier_project_plan_text_replacement (project, document_id, doc, &error);
  if (plan == NULL || !dossier_project_replace_text (project, document_id, doc, plan, &error))
    return cli_fail (name, error);

  for (guint i = 0; i < plan->len; i++)
    {
      const DossierReanchor *r = g_ptr_array_index (plan, i);
      g_autofree char *quote = cli_field (r->new_quote != NULL ? r->new_quote : r->old_quote);

      counts[r->outcome]++;
      cli_print ("%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\n",
                 outcomes[r->outcome], r->highlight_id, r->new_start, r->new_end, quote);
    }
  /* Translators: the counts of re-anchored highlights; the words before
   * each number are the outcomes printed above, which stay in English. */
  cli_print (_("%u exact, %u moved, %u approximate, %u orphaned\n"),
             counts[DOSSIER_ANCHOR_EXACT_POSITION], counts[DOSSIER_ANCHOR_EXACT_QUOTE],
             counts[DOSSIER_ANCHOR_APPROXIMATE], counts[DOSSIER_ANCHOR_ORPHANED]);

  return CLI_EXIT_OK;
}

int
cli_reindex (const char *name,
             int         argc,
             char      **argv)
{
  double wait = 0;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  project = cli_parse_and_open (name, NULL, &argc, &argv, 1, 1, DOSSIER_OPEN_READ_WRITE, &wait,
                                &status);
  if (project == NULL)
    return status;

  if (!dossier_project_rebuild_search_index (project, &error))
    return cli_fail (name, error);
  return CLI_EXIT_OK;
}
