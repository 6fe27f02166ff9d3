/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-cli-compare.c — comparing documents on the command line: the
 * matrix (text, CSV, JSON, or a PNG/SVG picture), the excerpts behind a
 * row (Markdown, HTML), and where the sources diverge (text, JSON).
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "dossier-cli-private.h"
#include "dossier-render-matrix.h"

/* The documents named (DOC… and --docs ID,ID…), or every document in
 * import order when none is. */
static GArray *
chosen_documents (const char      *name,
                  DossierProject  *project,
                  int              argc,
                  char           **argv,
                  char           **lists)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (int i = 1; i < argc; i++)
    {
      gint64 id;

      if (!cli_parse_int (name, "DOC", argv[i], 1, &id))
        return NULL;
      g_array_append_val (ids, id);
    }
  for (guint l = 0; lists != NULL && lists[l] != NULL; l++)
    {
      g_auto(GStrv) parts = g_strsplit (lists[l], ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          gint64 id;

          if (*g_strstrip (parts[i]) == '\0')
            continue;
          if (!cli_parse_int (name, "--docs", parts[i], 1, &id))
            return NULL;
          g_array_append_val (ids, id);
        }
    }

  if (ids->len == 0)
    {
      GListModel *documents = dossier_project_get_documents (project);

      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, i);
          gint64 id = dossier_document_get_id (doc);

          g_array_append_val (ids, id);
        }
    }
  return g_steal_pointer (&ids);
}

/* To @output (with the exports' care) or to standard output: made safe
 * to show there when it is text for a person (@for_reading) or a
 * terminal (stdout, or one -o names), as exactly as written down a pipe
 * or into a file otherwise. */
static int
emit (const char *name,
      const char *output,
      GBytes     *bytes,
      gboolean    for_reading)
{
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  if (output != NULL && strcmp (output, "-") != 0)
    {
      if (!cli_write_file (output, bytes, &error))
        return cli_fail (name, error);
      return CLI_EXIT_OK;
    }
  if (for_reading || cli_stdout_is_terminal ())
    cli_write_text ((const char *) data, size);
  else if (size > 0 && fwrite (data, 1, size, stdout) != size)
    {
      cli_error (name, _("Cannot write to standard output"));
      return CLI_EXIT_FAILURE;
    }
  return fflush (stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
}

static int
emit_string (const char           *name,
             const char           *output,
             DossierCompareFormat  format,
             char                 *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

  return emit (name, output, bytes, format == DOSSIER_COMPARE_FORMAT_TEXT);
}

int
cli_compare (const char *name,
             int         argc,
             char      **argv)
{
  g_autofree char *rows_name = NULL;
  g_autofree char *by = NULL;
  g_autofree char *measure_name = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *tag_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *sort_name = NULL;
  g_autofree char *sort_documents = NULL;
  g_auto(GStrv) lists = NULL;
  gboolean per_1000 = FALSE, skip_empty = FALSE, reverse = FALSE;
  gint64 excerpts_row = -1;
  GOptionEntry entries[] = {
    { "rows", 'r', 0, G_OPTION_ARG_STRING, &rows_name,
      N_("What the rows are: tags (default), stakeholders or arguments"), N_("ROWS") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("The same as --rows"), N_("ROWS") },
    { "measure", 'm', 0, G_OPTION_ARG_STRING, &measure_name,
      N_("What a cell counts: highlights (default), mentions, evidence, or per-1000 (highlights, or a stakeholder’s mentions, per 1,000 words)"),
      N_("MEASURE") },
    { "per-1000", 0, 0, G_OPTION_ARG_NONE, &per_1000,
      N_("Count per 1,000 words of each document"), NULL },
    { "tag", 't', 0, G_OPTION_ARG_STRING, &tag_name,
      N_("Only this tag and its sub-tags as rows"), N_("NAME") },
    { "skip-empty", 0, 0, G_OPTION_ARG_NONE, &skip_empty,
      N_("Leave out rows that count nothing"), NULL },
    { "docs", 0, 0, G_OPTION_ARG_STRING_ARRAY, &lists,
      N_("The documents to compare, in order (as well as DOC…)"), N_("ID,ID…") },
    { "sort", 's', 0, G_OPTION_ARG_STRING, &sort_name,
      N_("Sort the rows (sub-tags under their tag): order (default), name, total (largest first) or a document’s id (its column, largest first)"),
      N_("KEY") },
    { "reverse", 0, 0, G_OPTION_ARG_NONE, &reverse,
      N_("Sort the rows the other way round"), NULL },
    { "sort-documents", 0, 0, G_OPTION_ARG_STRING, &sort_documents,
      N_("Sort the documents: order (as given, default), title, date, outlet or total (largest first)"),
      N_("KEY") },
    { "excerpts", 'x', 0, G_OPTION_ARG_INT64, &excerpts_row,
      N_("Write the excerpts behind row ROW (0: all rows) side by side instead"), N_("ROW") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("text (default), csv, json, svg or png; markdown or html for --excerpts"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  DossierCompareArrangement arrangement = DOSSIER_COMPARE_ARRANGEMENT_INIT;
  DossierCompareFormat format = DOSSIER_COMPARE_FORMAT_TEXT;
  DossierRenderFormat picture = DOSSIER_RENDER_PNG;
  gboolean is_picture = FALSE;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(DossierComparison) comparison = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli_parse (name, entries, &argc, &argv, 1, G_MAXINT))
    return CLI_EXIT_USAGE;

  if (rows_name != NULL && by != NULL)
    return cli_usage_error (name, _("give --rows or --by, not both"));
  if ((rows_name != NULL || by != NULL) &&
      !dossier_compare_rows_from_string (rows_name != NULL ? rows_name : by, &options.rows))
    return cli_usage_error (name, _("unknown rows “%s”: use tags, stakeholders or arguments"),
                            rows_name != NULL ? rows_name : by);
  if (measure_name != NULL && g_ascii_strcasecmp (measure_name, "per-1000") == 0)
    {
      per_1000 = TRUE;
      if (options.rows == DOSSIER_COMPARE_STAKEHOLDERS)
        options.measure = DOSSIER_COMPARE_MENTIONS;
    }
  else if (measure_name != NULL &&
           !dossier_compare_measure_from_string (measure_name, &options.measure))
    return cli_usage_error (name, _("unknown measure “%s”: use highlights, mentions, evidence or per-1000"),
                            measure_name);
  options.per_1000_words = per_1000;
  options.skip_empty = skip_empty;

  if (sort_name != NULL)
    {
      gint64 id;

      if (g_ascii_isdigit (*sort_name))
        {
          if (!cli_parse_int (name, "--sort", sort_name, 1, &id))
            return CLI_EXIT_USAGE;
          arrangement.row_sort = DOSSIER_COMPARE_SORT_DOCUMENT;
          arrangement.row_sort_document = id;
        }
      else if (!dossier_compare_sort_from_string (sort_name, &arrangement.row_sort) ||
               arrangement.row_sort > DOSSIER_COMPARE_SORT_TOTAL)
        return cli_usage_error (name, _("unknown sort “%s”: use order, name, total or a document’s id"),
                                sort_name);
    }
  /* Numbers largest first, names from A. */
  arrangement.rows_descending = (arrangement.row_sort == DOSSIER_COMPARE_SORT_TOTAL ||
                                 arrangement.row_sort == DOSSIER_COMPARE_SORT_DOCUMENT) != reverse;
  if (sort_documents != NULL &&
      (!dossier_compare_sort_from_string (sort_documents, &arrangement.column_sort) ||
       arrangement.column_sort == DOSSIER_COMPARE_SORT_DOCUMENT))
    return cli_usage_error (name, _("unknown sort “%s”: use order, title, date, outlet or total"),
                            sort_documents);
  arrangement.columns_descending = arrangement.column_sort == DOSSIER_COMPARE_SORT_TOTAL;

  if (format_name != NULL && dossier_render_format_from_string (format_name, &picture))
    is_picture = TRUE;
  else if (format_name != NULL && !dossier_compare_format_from_string (format_name, &format))
    return cli_usage_error (name, _("unknown format “%s”: use text, csv, json, svg, png, markdown or html"),
                            format_name);
  if (excerpts_row >= 0)
    {
      if (format_name == NULL)
        format = DOSSIER_COMPARE_FORMAT_MARKDOWN;
      else if (is_picture || (format != DOSSIER_COMPARE_FORMAT_MARKDOWN &&
                              format != DOSSIER_COMPARE_FORMAT_HTML))
        return cli_usage_error (name, _("excerpts are written as markdown or html"));
    }
  else if (!is_picture && (format == DOSSIER_COMPARE_FORMAT_MARKDOWN ||
                           format == DOSSIER_COMPARE_FORMAT_HTML))
    return cli_usage_error (name, _("the matrix is written as text, csv, json, svg or png; "
                                    "markdown and html are for --excerpts"));
  if (is_picture && picture == DOSSIER_RENDER_PNG && cli_output_is_terminal (output))
    return cli_usage_error (name, _("a PNG is a picture: write it to a file with -o FILE"));

  project = cli_open_project (name, argv[0], FALSE);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  if (tag_name != NULL)
    {
      DossierTag *tag = cli_find_tag (name, project, tag_name);

      if (tag == NULL)
        return CLI_EXIT_FAILURE;
      if (options.rows != DOSSIER_COMPARE_TAGS)
        return cli_usage_error (name, _("--tag is for comparing by tags"));
      if (!cli_tag_id_usable (name, tag, FALSE))
        return CLI_EXIT_FAILURE;
      options.tag_id = dossier_tag_get_id (tag);
    }

  ids = chosen_documents (name, project, argc, argv, lists);
  if (ids == NULL)
    return CLI_EXIT_USAGE;

  comparison = dossier_project_compare (project, (const gint64 *) (void *) ids->data, ids->len,
                                        &options, &error);
  if (comparison == NULL)
    return cli_fail (name, error);
  if (sort_name != NULL || sort_documents != NULL || reverse)
    {
      DossierComparison *sorted = dossier_comparison_arrange (comparison, &arrangement, &error);

      if (sorted == NULL)
        return cli_fail (name, error);
      dossier_comparison_unref (comparison);
      comparison = sorted;
    }

  if (excerpts_row >= 0)
    {
      g_autoptr(GPtrArray) excerpts = NULL;
      g_autofree char *title = NULL;
      char *text;
      int row;

      excerpts = dossier_project_compare_excerpts (project, (const gint64 *) (void *) ids->data,
                                                   ids->len, &options, excerpts_row, &error);
      if (excerpts == NULL)
        return cli_fail (name, error);
      row = excerpts_row > 0 ? dossier_comparison_find_row (comparison, excerpts_row) : -1;
      if (row >= 0)
        /* Translators: the title of excerpts written out, with what they are about. */
        title = g_strdup_printf (_("Excerpts: %s"), dossier_comparison_get_row_label (comparison, row));
      text = dossier_compare_excerpts_to_string (comparison, excerpts, title, format, &error);
      if (text == NULL)
        return cli_fail (name, error);
      return emit_string (name, output, format, text);
    }

  if (is_picture)
    {
      g_autoptr(GBytes) bytes = dossier_render_matrix_bytes (comparison, picture, &error);

      if (bytes == NULL)
        return cli_fail (name, error);
      return emit (name, output, bytes, FALSE);
    }

  {
    char *text = dossier_comparison_to_string (comparison, format, &error);

    if (text == NULL)
      return cli_fail (name, error);
    return emit_string (name, output, format, text);
  }
}

int
cli_diverge (const char *name,
             int         argc,
             char      **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) lists = NULL;
  GOptionEntry entries[] = {
    { "docs", 0, 0, G_OPTION_ARG_STRING_ARRAY, &lists,
      N_("The documents to compare, in order (as well as DOC…)"), N_("ID,ID…") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("text (default) or json"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  DossierCompareFormat format = DOSSIER_COMPARE_FORMAT_TEXT;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(DossierComparison) comparison = NULL;
  g_autoptr(GPtrArray) divergences = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  char *text;

  if (!cli_parse (name, entries, &argc, &argv, 1, G_MAXINT))
    return CLI_EXIT_USAGE;
  if (format_name != NULL &&
      (!dossier_compare_format_from_string (format_name, &format) ||
       (format != DOSSIER_COMPARE_FORMAT_TEXT && format != DOSSIER_COMPARE_FORMAT_JSON)))
    return cli_usage_error (name, _("unknown format “%s”: use text or json"), format_name);

  project = cli_open_project (name, argv[0], FALSE);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  ids = chosen_documents (name, project, argc, argv, lists);
  if (ids == NULL)
    return CLI_EXIT_USAGE;

  divergences = dossier_project_compare_divergences (project, (const gint64 *) (void *) ids->data,
                                                     ids->len, &error);
  if (divergences == NULL)
    return cli_fail (name, error);
  /* For the documents' names. */
  comparison = dossier_project_compare (project, (const gint64 *) (void *) ids->data, ids->len,
                                        &options, &error);
  if (comparison == NULL)
    return cli_fail (name, error);

  text = dossier_compare_divergences_to_string (comparison, divergences, format, &error);
  if (text == NULL)
    return cli_fail (name, error);
  return emit_string (name, output, format, text);
}
