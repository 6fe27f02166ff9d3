/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-cli-read.c — the commands that only read a project: documents,
 * text, tags, export and check. They open it read-only, so they work while
 * the Dossier window (or another writer) holds the project's write lock.
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "dossier-briefing-layout.h"
#include "dossier-cli-private.h"

static gboolean
print_document (DossierProject  *project,
                gpointer         item,
                GError         **error)
{
  DossierDocument *doc = item;
  g_autofree char *title = cli_field (dossier_document_get_title (doc));
  g_autofree char *outlet = cli_field (dossier_document_get_outlet (doc));
  g_autofree char *date = cli_field (dossier_document_get_published (doc));

  cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%u\n",
             dossier_document_get_id (doc), title, outlet, date,
             dossier_document_get_n_highlights (doc));
  return TRUE;
}

int
cli_documents (const char *name,
               int         argc,
               char      **argv)
{
  return cli_list (name, argc, argv, dossier_project_get_documents, print_document);
}

int
cli_text (const char *name,
          int         argc,
          char      **argv)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 document_id;
  gsize len;
  int status;

  project = cli_parse_and_open_document (name, &argc, &argv, &document_id, &status);
  if (project == NULL)
    return status;

  text = dossier_project_get_document_text (project, document_id, &error);
  if (text == NULL)
    return cli_fail (name, error);

  len = strlen (text);
  cli_write_text (text, len);
  /* End the last line, as line-oriented tools expect. */
  if (len == 0 || text[len - 1] != '\n')
    fputc ('\n', stdout);

  return CLI_EXIT_OK;
}

static gboolean
print_tag (DossierProject  *project,
           gpointer         item,
           GError         **error)
{
  DossierTag *tag = item;
  g_autofree char *path = cli_field (dossier_tag_get_path (tag));

  cli_print ("%*s%s\t%s\t%u\n",
             (int) (2 * dossier_tag_get_depth (tag)), "",
             path, dossier_tag_get_color (tag), dossier_tag_get_n_highlights (tag));
  return TRUE;
}

int
cli_tags (const char *name,
          int         argc,
          char      **argv)
{
  return cli_list (name, argc, argv, dossier_project_get_tags, print_tag);
}

int
cli_export (const char *name,
            int         argc,
            char      **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *tag_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *group_by = NULL;
  g_autofree char *memos = NULL;
  g_autofree char *target_name = NULL;
  gint64 document_id = 0;
  gboolean offsets = FALSE;
  gboolean no_headings = FALSE;
  int context_words = 0;
  gint64 briefing_id = 0;
  gboolean appendix = FALSE;
  gboolean allow_unverified = FALSE;
  g_autofree char *paper_name = NULL;
  gboolean pdf = FALSE;
  DossierBriefingPdfOptions pdf_options;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("json, markdown, html, csv, text, qdpx, qdc or w3c; pdf for a briefing note (default: from "
         "the file name’s extension)"),
      N_("FORMAT") },
    { "target", 0, 0, G_OPTION_ARG_STRING, &target_name,
      N_("For qdpx: the tool the file is for — standard (default), maxqda, atlasti, nvivo or qualcoder"),
      N_("TOOL") },
    { "doc", 'd', 0, G_OPTION_ARG_INT64, &document_id,
      N_("Only this document and its highlights"), N_("DOC") },
    { "tag", 't', 0, G_OPTION_ARG_STRING, &tag_name,
      N_("Only highlights with this tag or one under it"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "group-by", 'g', 0, G_OPTION_ARG_STRING, &group_by,
      N_("Summaries: “document” (document, tag, quotes; the default) or “tag” (tag, quotes "
         "of every document with their source)"),
      N_("document|tag") },
    { "offsets", 0, 0, G_OPTION_ARG_NONE, &offsets,
      N_("Summaries: show each quote’s position in characters"), NULL },
    { "context", 'c', 0, G_OPTION_ARG_INT, &context_words,
      N_("Summaries: show up to N words of text before and after each quote (0–50)"),
      N_("N") },
    { "no-headings", 0, 0, G_OPTION_ARG_NONE, &no_headings,
      N_("Summaries: leave out the heading of the section each quote is in"), NULL },
    { "memos", 'm', 0, G_OPTION_ARG_STRING, &memos,
      N_("Summaries: memos as “notes” under their quotes (the default), as numbered "
         "“footnotes”, or “none”"),
      N_("notes|footnotes|none") },
    { "briefing", 'b', 0, G_OPTION_ARG_INT64, &briefing_id,
      N_("Export briefing note ID (markdown, html or pdf), its citations as numbered footnotes"),
      N_("ID") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("Briefing as pdf: the paper size, a4 (the default) or letter"), N_("a4|letter") },
    { "appendix", 0, 0, G_OPTION_ARG_NONE, &appendix,
      N_("Briefing: end with its cited passages grouped by source"), NULL },
    { "allow-unverified", 0, 0, G_OPTION_ARG_NONE, &allow_unverified,
      N_("Briefing: export even if a citation cannot be verified, marking it as unverified"),
      NULL },
    { NULL }
  };
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  DossierExportFilter filter = { 0, 0, 0 };
  DossierExportOptions options;
  DossierExportFormat format;
  gboolean ok;

  if (!cli_parse (name, entries, &argc, &argv, 1, 1))
    return CLI_EXIT_USAGE;

  /* PDF is drawn outside the core (libdossier-render), for notes only. */
  {
    const char *dot = output != NULL ? strrchr (output, '.') : NULL;

    pdf = format_name != NULL ? g_ascii_strcasecmp (format_name, "pdf") == 0
                              : dot != NULL && g_ascii_strcasecmp (dot + 1, "pdf") == 0;
  }
  if (pdf)
    format = DOSSIER_EXPORT_MARKDOWN;
  else if (format_name != NULL)
    {
      if (!dossier_export_format_from_string (format_name, &format))
        return cli_usage_error (name, _("unknown format “%s”: use json, markdown, html, csv, text, "
                                        "qdpx, qdc or w3c"),
                                format_name);
    }
  else
    {
      const char *dot = output != NULL ? strrchr (output, '.') : NULL;

      if (dot == NULL || !dossier_export_format_from_string (dot + 1, &format))
        return cli_usage_error (name, _("choose a format with --format json, markdown, html, csv, "
                                        "text, qdpx, qdc or w3c"));
    }

  dossier_export_options_init (&options);
  if (group_by != NULL && !dossier_export_grouping_from_string (group_by, &options.group_by))
    return cli_usage_error (name, _("unknown grouping “%s”: use document or tag"), group_by);
  if (memos != NULL && !dossier_export_memos_from_string (memos, &options.memos))
    return cli_usage_error (name, _("unknown memo style “%s”: use notes, footnotes or none"), memos);
  if (context_words < 0 || context_words > DOSSIER_EXPORT_MAX_CONTEXT_WORDS)
    return cli_usage_error (name, _("--context must be a number of words from 0 to %d, not %d"),
                            DOSSIER_EXPORT_MAX_CONTEXT_WORDS, context_words);
  options.context_words = context_words;
  options.offsets = offsets;
  options.headings = !no_headings;
  options.appendix = appendix;
  options.allow_unverified = allow_unverified;

  if (briefing_id < 0)
    return cli_usage_error (name, _("ID must be a briefing note’s id, not %" PRId64), briefing_id);
  if (briefing_id != 0 && (document_id != 0 || tag_name != NULL))
    return cli_usage_error (name, _("--briefing exports a whole note: give it without --doc or --tag"));
  if (briefing_id != 0 && format != DOSSIER_EXPORT_MARKDOWN && format != DOSSIER_EXPORT_HTML)
    return cli_usage_error (name, _("a briefing note is exported as markdown, html or pdf, not %s"),
                            dossier_export_format_to_string (format));
  if (briefing_id == 0 && (appendix || allow_unverified))
    return cli_usage_error (name, _("--appendix and --allow-unverified go with --briefing"));
  if (pdf && briefing_id == 0)
    return cli_usage_error (name, _("pdf is for a briefing note: give --briefing ID"));
  if (paper_name != NULL && !pdf)
    return cli_usage_error (name, _("--paper goes with a briefing note exported as pdf"));
  dossier_briefing_pdf_options_init (&pdf_options);
  if (paper_name != NULL && !dossier_paper_from_string (paper_name, &pdf_options.paper))
    return cli_usage_error (name, _("unknown paper “%s”: use a4 or letter"), paper_name);
  pdf_options.appendix = appendix;
  pdf_options.allow_unverified = allow_unverified;
  if (pdf && cli_output_is_terminal (output))
    return cli_usage_error (name, _("a PDF is no use on a terminal: write it to a file with -o FILE"));
  filter.briefing_id = briefing_id;

  if (target_name != NULL)
    {
      if (format != DOSSIER_EXPORT_QDPX && format != DOSSIER_EXPORT_QDC)
        return cli_usage_error (name, _("--target is for REFI-QDA exports (qdpx, qdc)"));
      if (!dossier_exchange_target_from_string (target_name, &options.target))
        return cli_usage_error (name, _("unknown target “%s”: use standard, maxqda, atlasti, nvivo "
                                        "or qualcoder"), target_name);
    }

  /* A zip archive is no use on a terminal. */
  if (format == DOSSIER_EXPORT_QDPX && cli_output_is_terminal (output))
    return cli_usage_error (name, _("a .qdpx is a zip archive: write it to a file with -o FILE"));

  if (document_id < 0)
    return cli_usage_error (name, _("DOC must be a document id, not %" PRId64), document_id);

  project = cli_open_project (name, argv[0], FALSE);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  if (document_id != 0)
    {
      if (cli_find_document (name, project, document_id) == NULL)
        return CLI_EXIT_FAILURE;
      filter.document_id = document_id;
    }
  if (tag_name != NULL)
    {
      DossierTag *tag = cli_find_tag (name, project, tag_name);

      if (tag == NULL || !cli_tag_id_usable (name, tag, FALSE))
        return CLI_EXIT_FAILURE;
      filter.tag_id = dossier_tag_get_id (tag);
    }

  if (pdf)
    {
      fflush (stdout);
      ok = dossier_project_export_briefing_pdf (project, briefing_id, &pdf_options,
                                                output != NULL && strcmp (output, "-") != 0
                                                ? output : "/dev/stdout",
                                                NULL, &error);
    }
  else if (output != NULL && strcmp (output, "-") != 0 && !cli_output_is_terminal (output))
    ok = dossier_export_to_file (project, format, &filter, &options, output, NULL, &error);
  else
    {
      /* Standard output, or a terminal -o names: shown safely there. */
      g_autoptr(GOutputStream) out = cli_output_stream (output);

      ok = dossier_export_to_stream (project, format, &filter, &options, out, NULL, &error) &&
           cli_output_stream_done (output, out, &error);
    }

  if (!ok)
    return cli_fail (name, error);

  return CLI_EXIT_OK;
}

int
cli_check (const char *name,
           int         argc,
           char      **argv)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  int status;

  /* Opened to be inspected: a file refused everywhere else for what it
   * holds is opened here, inert, so that the report can say what. */
  project = cli_parse_and_open (name, NULL, &argc, &argv, 1, 1, DOSSIER_OPEN_INSPECT, NULL,
                                &status);
  if (project == NULL)
    return status;

  if (!dossier_project_check (project, &report, &error))
    {
      if (report != NULL && *report != '\0')
        {
          cli_print ("%s%s", report, g_str_has_suffix (report, "\n") ? "" : "\n");
          return CLI_EXIT_FAILURE;
        }
      if (error != NULL)
        return cli_fail (name, error);
      cli_error (name, _("“%s” has problems"), argv[0]);
      return CLI_EXIT_FAILURE;
    }

  cli_print ("ok\n");
  return CLI_EXIT_OK;
}
