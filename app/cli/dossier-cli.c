/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-cli.c — Dossier's core on the command line: git-style
 * subcommands for scripting, batch import and export, and tests.
 *
 * This file holds main(), the command table, the help texts and the shared
 * helpers. Whatever goes wrong, the user gets one line on stderr naming
 * the command and the cause, and exit status 1 (or 2 for a wrong command
 * line); every change to a project is one transaction in the core, so a
 * failure never leaves a half-written project.
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "dossier-cli-private.h"

static const CliCommand commands[] = {
  { "new", N_("PROJECT"), N_("Create an empty project"),
    N_("Creates PROJECT (a new .dossier file); fails if the file exists."),
    cli_new },
  { "import", N_("PROJECT FILE…"), N_("Import text, Markdown or HTML files, or another tool’s work"),
    N_("Imports each FILE as a document, each in its own transaction, and prints\n"
       "“ID<tab>TITLE” for each. A file that cannot be imported is reported and\n"
       "skipped; the exit status is then 1. What to check in a file that came in\n"
       "(a page that looks cut off, a title shortened) is printed on standard\n"
       "error.\n"
       "\n"
       "A REFI-QDA project (.qdpx) or codebook (.qdc) from another tool, or a W3C\n"
       "Web Annotation collection (.jsonld) onto the project’s documents, comes\n"
       "in as one step, and what came in, what changed on the way and what could\n"
       "not come in is printed."),
    cli_import },
  { "documents", N_("PROJECT"), N_("List the documents"),
    N_("Prints one line per document: id, title, outlet, date and number of\n"
       "highlights, separated by tabs."),
    cli_documents },
  { "text", N_("PROJECT DOC"), N_("Print a document’s text"),
    N_("Prints the normalized text of document DOC (an id from “documents”).\n"
       "Offsets used by “highlight” count characters of this text."),
    cli_text },
  { "meta", N_("PROJECT DOC"), N_("Set a document’s title, author, outlet, source or date"),
    N_("Changes the metadata given as options and keeps the rest; an empty\n"
       "value (\"\") clears an optional field."),
    cli_meta },
  { "tags", N_("PROJECT"), N_("Show the codebook"),
    N_("Prints the tags as a tree: path (indented by depth), colour and number\n"
       "of highlights, separated by tabs."),
    cli_tags },
  { "tag-add", N_("PROJECT NAME"), N_("Add a tag to the codebook"),
    N_("Adds tag NAME and prints its id."),
    cli_tag_add },
  { "highlight", N_("PROJECT DOC START END"), N_("Tag a passage"),
    N_("Highlights characters START to END (end exclusive, counted in\n"
       "characters of “text”) of document DOC with one or more tags, and prints\n"
       "the new highlight’s id."),
    cli_highlight },
  { "autocode", N_("PROJECT"), N_("Tag every match of a text or pattern"),
    N_("Tags every occurrence of --match (case-insensitive) or --regex in one\n"
       "document or all of them, and prints how many highlights were made or\n"
       "extended."),
    cli_autocode },
  { "replace-text", N_("PROJECT DOC FILE"), N_("Replace a document’s text with a newer version"),
    N_("Replaces the text of document DOC with FILE (a newer version of the same\n"
       "article) and places every highlight again. Prints one line per highlight:\n"
       "“OUTCOME<tab>ID<tab>START<tab>END<tab>QUOTE”, OUTCOME being exact (same\n"
       "place), moved (same words elsewhere), approximate (nearly the same words)\n"
       "or orphaned (kept, but its passage is gone; START and END are then -1),\n"
       "then a count of each. One step to undo in the window."),
    cli_replace_text },
  { "export", N_("PROJECT"), N_("Export to JSON, Markdown, HTML, CSV, text, REFI-QDA or W3C"),
    N_("Writes the whole project, one document (--doc) or one tag and its\n"
       "descendants (--tag) to FILE (-o), or to standard output.\n"
       "\n"
       "JSON and CSV carry everything, offsets included. Markdown, HTML and text\n"
       "are summaries for reading: grouped by document or by tag (--group-by),\n"
       "each quote under the heading of its section, with optional context\n"
       "(--context) and positions (--offsets), memos as notes or footnotes.\n"
       "\n"
       "qdpx is a REFI-QDA project for NVivo, MAXQDA, ATLAS.ti or QualCoder\n"
       "(--target names the tool; the default follows the standard), qdc its\n"
       "codebook alone, w3c a W3C Web Annotation collection (JSON-LD).\n"
       "\n"
       "In CSV a cell starting with =, +, -, @, tab or CR gets a leading ' so\n"
       "that spreadsheets do not run it as a formula.\n"
       "\n"
       "--briefing ID writes briefing note ID as Markdown or HTML, each citation a\n"
       "numbered footnote: the quote, the document’s title, outlet and date, and\n"
       "the heading of its section. Every citation is checked against its\n"
       "document’s text first; a note citing a deleted, orphaned or altered\n"
       "passage is refused, naming each, unless --allow-unverified, which marks\n"
       "them. --appendix adds the cited passages grouped by source.\n"
       "\n"
       "A file is replaced only when the export is complete, and keeps its\n"
       "permissions; a symbolic link is followed (the link stays); a pipe or a\n"
       "device such as /dev/stdout is written through; a folder, a disk device\n"
       "or a read-only file is refused."),
    cli_export },
  { "stakeholder-add", N_("PROJECT NAME"), N_("Add a stakeholder"),
    N_("Adds stakeholder NAME with its aliases, kind, stance and ratings, counts\n"
       "where its name and aliases are mentioned, and prints its id."),
    cli_stakeholder_add },
  { "stakeholders", N_("PROJECT"), N_("List the stakeholders"),
    N_("Prints one line per stakeholder: id, name, kind, stance (-2 to +2, or -\n"
       "when not assessed), power, interest, mentions, documents that mention it,\n"
       "evidence, and its aliases separated by “; ”, all separated by tabs."),
    cli_stakeholders },
  { "mentions", N_("PROJECT [STAKEHOLDER]"), N_("List where stakeholders are mentioned"),
    N_("Prints one line per mention of every stakeholder, or of STAKEHOLDER (a\n"
       "name, alias or id): document, start, end, stakeholder and the words as\n"
       "written. Names are found as whole words, whatever their case and\n"
       "accents; an alias that is a word for a kind of body, written with its\n"
       "capital, of a name that holds it (“School” of “Fenwick Church School”)\n"
       "only where the text writes it so, not alone in a table’s cell. Where two\n"
       "overlap, the longer wins. With --unreviewed, only the mentions no\n"
       "highlight covers yet, with their line of context."),
    cli_mentions },
  { "question-add", N_("PROJECT TEXT"), N_("Add a question to weigh"),
    N_("Adds a question (a proposition under debate) and prints its id."),
    cli_question_add },
  { "argument-add", N_("PROJECT QUESTION STATEMENT"), N_("Add an argument for or against a question"),
    N_("Adds an argument for (--pro) or against (--con) QUESTION (an id, or its\n"
       "exact text) and prints its id."),
    cli_argument_add },
  { "arguments", N_("PROJECT"), N_("List the questions and their pros and cons"),
    N_("Prints each question — id, text, number of pros, their summed strength,\n"
       "number of cons, theirs — and under it, indented by two spaces, each\n"
       "argument: id, pro or con, strength, evidence, outlets the evidence comes\n"
       "from, whose perspective, statement; all separated by tabs."),
    cli_arguments },
  { "evidence-add", N_("PROJECT HIGHLIGHT"), N_("Cite a highlight as evidence"),
    N_("Cites highlight HIGHLIGHT for a stakeholder (--stakeholder) or an argument\n"
       "(--argument), with an optional note; for a stakeholder, also what it\n"
       "shows (--role) and, for its stance, which (--position). Citing it again\n"
       "updates the note."),
    cli_evidence_add },
  { "suggest", N_("PROJECT DOC"), N_("Suggest stakeholders and arguments from a document"),
    N_("Prints what document DOC suggests, leaving out existing stakeholders and\n"
       "dismissed suggestions: “stakeholder”, mentions, kind, name and aliases\n"
       "(separated by “; ”); then “argument”, pro or con, start and end of the\n"
       "list item, the heading it is under, and its statement. Tab-separated."),
    cli_suggest },
  { "grid", N_("PROJECT"), N_("Draw the stakeholders’ power/interest grid as SVG or PNG"),
    N_("Draws every stakeholder as a dot on the power/interest grid — placed by its\n"
       "power and interest, coloured by its stance, larger with more evidence,\n"
       "hollow when no evidence backs its ratings — in its quadrant (key players,\n"
       "keep satisfied, keep informed, monitor), with a legend, and writes it to\n"
       "FILE (-o) as SVG or PNG. Labels never overlap: one that has no room is\n"
       "left out (the SVG still names every stakeholder in its title). The file is\n"
       "replaced only when the picture is complete."),
    cli_grid },
  { "briefings", N_("PROJECT"), N_("List the briefing notes"),
    N_("Prints one line per briefing note: id, title, the documents it compares\n"
       "(ids, comma-separated), how many passages it cites, how many of those\n"
       "cannot be verified, and when it was last changed, separated by tabs."),
    cli_briefings },
  { "briefing", N_("PROJECT ID"), N_("Print a briefing note’s body"),
    N_("Prints the Markdown body of briefing note ID. A citation is written\n"
       "[@UUID], the UUID of the highlight it cites. --check verifies every\n"
       "citation against its document’s text (exit 1 and one line per problem\n"
       "when one fails); --sections lists its sections with the citations each\n"
       "holds (the evidence meter)."),
    cli_briefing },
  { "briefing-new", N_("PROJECT TITLE"), N_("Start a briefing note"),
    N_("Makes a briefing note and prints its id. --doc names a document it\n"
       "compares (once per document); the body comes from --body, --body-file or\n"
       "--template, which lays out Purpose, Summary, Background, the\n"
       "stakeholders’ positions and the pros and cons with their evidence\n"
       "already cited, Where sources diverge, and Options and recommendation."),
    cli_briefing_new },
  { "briefing-set", N_("PROJECT ID"), N_("Change a briefing note"),
    N_("Changes the title (--title), the documents compared (--doc, once per\n"
       "document, replacing the list; --no-documents) or the body (--body,\n"
       "--body-file), or deletes the note (--delete). Everything is checked\n"
       "before anything changes; each change is one step of undo in the window."),
    cli_briefing_set },
  { "compare", N_("PROJECT [DOC…]"), N_("Compare documents: a matrix of tags, stakeholders or arguments"),
    N_("Prints a matrix of the documents DOC… (ids, in that order; all of them\n"
       "when none is given), one column each, against the tags as a tree (a tag\n"
       "counts its sub-tags’ highlights, each passage once), the stakeholders\n"
       "(--rows stakeholders) or the arguments (--rows arguments). A cell counts\n"
       "highlights, a stakeholder’s mentions or the evidence cited (--measure),\n"
       "or that per 1,000 words of the document (--per-1000), so that long and\n"
       "short articles compare fairly; totals per row and per document come last.\n"
       "\n"
       "--format text shows a table with the documents named above it; csv (a\n"
       "cell starting with =, +, -, @, tab or CR gets a leading ') and json carry\n"
       "the same numbers; svg and png draw it, shaded by density. --excerpts ROW\n"
       "writes the passages behind row ROW (an id from the matrix; 0 for every\n"
       "row) side by side, one section per document, as markdown or html."),
    cli_compare },
  { "diverge", N_("PROJECT [DOC…]"), N_("Show where the documents diverge"),
    N_("Prints where the documents DOC… (two or more; all of them when none is\n"
       "given) diverge, each followed by the passages it comes from: omission (a\n"
       "tag, stakeholder or argument some have and others not), stance (a\n"
       "stakeholder’s stance evidence differs between sources), figures (the\n"
       "same kind of number, with its unit, for the same tag or stakeholder, and\n"
       "no value in common: £72m, £72 million and 72 millones de libras agree),\n"
       "shared-copy (30 words or more identical in several: one source, not\n"
       "agreement) and placement (raised in the first fifth of some, later in\n"
       "others). Text: kind, what, summary, tab-separated; each passage indented:\n"
       "source, start, end, what it shows, quote. --format json for programs."),
    cli_diverge },
  { "check", N_("PROJECT"), N_("Check a project’s integrity"),
    N_("Runs SQLite’s integrity check and Dossier’s own (every quote matches its\n"
       "text, offsets in range). Prints “ok”, or each problem found and exits 1."),
    cli_check },
  { "batch", N_("PROJECT [FILE]"), N_("Run many commands on a project, opened once"),
    N_("Runs the commands in FILE (or standard input, when FILE is absent or -),\n"
       "one a line, on PROJECT, which is opened once for them all. A line is a\n"
       "command as it would follow “dossier-cli”, without PROJECT, its words quoted\n"
       "as in a shell (a quoted word may go on over several lines, as may a line\n"
       "that ends in a backslash); blank lines and lines starting with # are\n"
       "skipped. Each command is its own transaction, as when run alone, and\n"
       "prints what it would print alone, in order. The first command that fails\n"
       "stops the batch: the lines before it are done, and its line is named.\n"
       "“new” and --help cannot be in a batch."),
    cli_batch },
  { "reindex", N_("PROJECT"), N_("Rebuild the search index"),
    N_("Makes the search index of the documents’ texts and the highlights’ memos\n"
       "again from them: for a project whose index “check” finds out of step\n"
       "(a search in it misses what is there or finds what is not)."),
    cli_reindex },
};

const CliCommand *
cli_find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* ---- Output ------------------------------------------------------------ */

/* GLib converts g_print() output to the locale's charset, which in the C
 * locale turns every non-ASCII character into "?". Dossier's data is
 * UTF-8 and goes out as is. */
static void
print_raw (const char *string)
{
  fputs (string, stdout);
}

static void
printerr_raw (const char *string)
{
  fputs (string, stderr);
}

char *
cli_safe_text (const char *s,
               gssize      len)
{
  GString *out;
  const char *p, *end, *run;

  if (s == NULL)
    return g_strdup ("");
  if (len < 0)
    len = strlen (s);

  out = g_string_sized_new (len);
  p = run = s;
  end = s + len;
  while (p < end)
    {
      guchar b = (guchar) *p;
      const char *next;
      gunichar c, replacement;

      /* Printable ASCII, tabs and newlines go out as they are. */
      if ((b >= 0x20 && b < 0x7f) || b == '\t' || b == '\n')
        {
          p++;
          continue;
        }

      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: 0x9b alone is CSI to an 8-bit terminal. */
          replacement = 0xfffd;
          next = p + 1;
        }
      else
        {
          next = g_utf8_next_char (p);
          if (c < 0x20)
            /* ␛ for ESC, ␇ for BEL, ␍ for CR…: one character for one,
             * so that offsets into a document's text still count right. */
            replacement = 0x2400 + c;
          else if (c == 0x7f)
            replacement = 0x2421;
          else if (c < 0xa0 || dossier_text_is_bidi_control (c))
            /* A C1 control (UTF-8's 0xc2 0x9b is CSI too), or a bidi one. */
            replacement = 0xfffd;
          else
            {
              p = next;
              continue;
            }
        }

      g_string_append_len (out, run, p - run);
      g_string_append_unichar (out, replacement);
      p = run = next;
    }
  g_string_append_len (out, run, p - run);

  return g_string_free (out, FALSE);
}

void
cli_write_text (const char *s,
                gssize      len)
{
  g_autofree char *safe = cli_safe_text (s, len);

  fputs (safe, stdout);
}

void
cli_print (const char *format,
           ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  cli_write_text (text, -1);
}

gboolean
cli_stdout_is_terminal (void)
{
  return isatty (STDOUT_FILENO);
}

gboolean
cli_output_is_terminal (const char *output)
{
  struct stat st;
  gboolean terminal;
  int fd;

  if (output == NULL || strcmp (output, "-") == 0)
    return cli_stdout_is_terminal ();

  /* Only a character device can be one (/dev/tty, /dev/pts/N, or
   * /dev/stdout when that is a terminal): nothing else is opened here. */
  if (stat (output, &st) != 0 || !S_ISCHR (st.st_mode))
    return FALSE;
  fd = open (output, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  terminal = isatty (fd);
  close (fd);
  return terminal;
}

GOutputStream *
cli_stdout_stream (void)
{
  fflush (stdout);
  if (cli_stdout_is_terminal ())
    return g_memory_output_stream_new_resizable ();
  return g_unix_output_stream_new (STDOUT_FILENO, FALSE);
}

void
cli_stdout_stream_done (GOutputStream *stream)
{
  GMemoryOutputStream *memory;

  if (!G_IS_MEMORY_OUTPUT_STREAM (stream))
    return;
  memory = G_MEMORY_OUTPUT_STREAM (stream);
  cli_write_text (g_memory_output_stream_get_data (memory),
                  g_memory_output_stream_get_data_size (memory));
}

static gboolean
write_bytes (GOutputStream  *stream,
             gpointer        user_data,
             GCancellable   *cancellable,
             GError        **error)
{
  GBytes *bytes = user_data;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return g_output_stream_write_all (stream, data, size, NULL, cancellable, error);
}

gboolean
cli_write_file (const char  *output,
                GBytes      *bytes,
                GError     **error)
{
  g_autoptr(GBytes) shown = NULL;

  /* A terminal is shown what a person reads there, as stdout is. */
  if (cli_output_is_terminal (output))
    {
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);
      char *safe = cli_safe_text (data, size);

      shown = g_bytes_new_take (safe, strlen (safe));
      bytes = shown;
    }
  return dossier_export_write_to_path (output, write_bytes, bytes, NULL, error);
}

GOutputStream *
cli_output_stream (const char *output)
{
  if (output == NULL || strcmp (output, "-") == 0)
    return cli_stdout_stream ();
  return g_memory_output_stream_new_resizable ();
}

gboolean
cli_output_stream_done (const char     *output,
                        GOutputStream  *stream,
                        GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (output == NULL || strcmp (output, "-") == 0)
    {
      cli_stdout_stream_done (stream);
      return TRUE;
    }
  if (!g_output_stream_is_closed (stream) && !g_output_stream_close (stream, NULL, error))
    return FALSE;
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  return cli_write_file (output, bytes, error);
}

char *
cli_field (const char *s)
{
  char *out = g_strdup (s != NULL ? s : "");

  for (char *p = out; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return out;
}

/* ---- Errors ------------------------------------------------------------ */

static void
print_error_line (const char *name,
                  const char *message)
{
  /* Safe to show, and one line, whatever the message holds. */
  g_autofree char *line = cli_safe_text (message, -1);

  g_strstrip (line);
  for (char *p = line; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';

  if (name != NULL)
    fprintf (stderr, "dossier-cli: %s: %s\n", name, line);
  else
    fprintf (stderr, "dossier-cli: %s\n", line);
  fflush (stderr);
}

void
cli_error (const char *name,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_error_line (name, message);
}

int
cli_usage_error (const char *name,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (name != NULL)
    /* TRANSLATORS: a usage error, then where to read about the command */
    line = g_strdup_printf (_("%s (see “dossier-cli %s --help”)"), message, name);
  else
    line = g_strdup_printf (_("%s (see “dossier-cli --help”)"), message);
  print_error_line (name, line);

  return CLI_EXIT_USAGE;
}

int
cli_fail (const char   *name,
          const GError *error)
{
  print_error_line (name, error->message);
  return CLI_EXIT_FAILURE;
}

gboolean
cli_file_readable (const char *name,
                   const char *path)
{
  if (!dossier_file_is_project_or_part (path))
    return TRUE;
  /* TRANSLATORS: the file named on the command line */
  cli_error (name, _("“%s” is a Dossier project, or one of its files, not a file to read from; "
                     "give another file"), path);
  return FALSE;
}

int
cli_print_id (const char   *name,
              gint64        id,
              const GError *error)
{
  if (id <= 0)
    return cli_fail (name, error);

  cli_print ("%" G_GINT64_FORMAT "\n", id);
  return CLI_EXIT_OK;
}

int
cli_list (const char     *name,
          int             argc,
          char          **argv,
          GListModel   *(*get_model) (DossierProject *project),
          CliPrintItem    print_item)
{
  g_autoptr(DossierProject) project = NULL;
  GListModel *model;
  int status;

  project = cli_parse_and_open (name, NULL, &argc, &argv, 1, 1, DOSSIER_OPEN_READ_ONLY, NULL,
                                &status);
  if (project == NULL)
    return status;

  model = get_model (project);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autoptr(GError) error = NULL;

      if (!print_item (project, item, &error))
        return cli_fail (name, error);
    }

  return CLI_EXIT_OK;
}

/* ---- Arguments --------------------------------------------------------- */

gboolean
cli_parse_int (const char *name,
               const char *what,
               const char *str,
               gint64      min,
               gint64     *out)
{
  g_autoptr(GError) error = NULL;

  if (!g_ascii_string_to_signed (str, 10, min, G_MAXINT64, out, &error))
    {
      if (g_error_matches (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
        /* TRANSLATORS: %s is DOC, START or END; then the value given and the minimum */
        cli_usage_error (name, _("%s must be at least %" PRId64 ", not “%s”"),
                         what, min, str);
      else
        cli_usage_error (name, _("%s must be a whole number, not “%s”"), what, str);
      return FALSE;
    }
  return TRUE;
}

gboolean
cli_parse (const char   *name,
           GOptionEntry *entries,
           int          *argc,
           char       ***argv,
           int           min_args,
           int           max_args)
{
  const CliCommand *command = cli_find_command (name);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("dossier-cli %s", name);
  int n;

  context = g_option_context_new (_(command->parameters));
  g_option_context_set_summary (context, _(command->summary));
  if (command->description != NULL)
    g_option_context_set_description (context, _(command->description));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  /* Makes --help say "Usage: dossier-cli import [OPTION…] PROJECT FILE…". */
  g_set_prgname (prgname);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      cli_usage_error (name, "%s", error->message);
      return FALSE;
    }

  /* What is left: argv[0] (the command) and the positional arguments.
   * "--" ends the options, so names starting with "-" can still be given;
   * GOption leaves it where it was, after any positional argument before
   * it ("argument-add p.dossier --con -- 1 '-5 °C is too cold'"). */
  for (int i = 1; i < *argc; i++)
    if (strcmp ((*argv)[i], "--") == 0)
      {
        memmove (&(*argv)[i], &(*argv)[i + 1], (size_t) (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }
  n = *argc - 1;

  if (n < min_args)
    {
      cli_usage_error (name, _("missing %s"), _(command->parameters));
      return FALSE;
    }
  if (max_args >= 0 && n > max_args)
    {
      cli_usage_error (name, _("unexpected argument “%s”"), (*argv)[1 + max_args]);
      return FALSE;
    }

  (*argv)++;
  (*argc)--;
  return TRUE;
}

gboolean
cli_parse_wait_only (const char   *name,
                     double       *wait,
                     int          *argc,
                     char       ***argv,
                     int           min_args,
                     int           max_args)
{
  GOptionEntry entries[] = {
    cli_wait_entry (wait),
    { NULL }
  };

  return cli_parse (name, entries, argc, argv, min_args, max_args);
}

/* ---- Projects, tags, documents ---------------------------------------- */

GOptionEntry
cli_wait_entry (double *wait)
{
  return (GOptionEntry) {
    "wait", 'w', 0, G_OPTION_ARG_DOUBLE, wait,
    N_("If another process has the project open for writing, wait up to SECONDS for it"),
    N_("SECONDS"),
  };
}

GOptionEntry
cli_import_format_entry (char **format_name)
{
  return (GOptionEntry) {
    "format", 'f', 0, G_OPTION_ARG_STRING, format_name,
    N_("auto (default), text, markdown or html"), N_("FORMAT"),
  };
}

gboolean
cli_parse_import_format (const char    *name,
                         const char    *format_name,
                         DossierFormat *format)
{
  *format = DOSSIER_FORMAT_AUTO;
  if (format_name == NULL || dossier_format_from_string (format_name, format))
    return TRUE;

  cli_usage_error (name, _("unknown format “%s”: use auto, text, markdown or html"), format_name);
  return FALSE;
}

DossierProject *
cli_parse_and_open (const char        *name,
                    GOptionEntry      *entries,
                    int               *argc,
                    char            ***argv,
                    int                min_args,
                    int                max_args,
                    DossierOpenFlags   flags,
                    double            *wait,
                    int               *status)
{
  DossierProject *project;
  gboolean parsed;

  if (entries == NULL && wait != NULL)
    parsed = cli_parse_wait_only (name, wait, argc, argv, min_args, max_args);
  else
    parsed = cli_parse (name, entries, argc, argv, min_args, max_args);
  if (!parsed)
    {
      *status = CLI_EXIT_USAGE;
      return NULL;
    }
  project = cli_open_project_full (name, (*argv)[0], flags, wait != NULL ? *wait : 0);
  *status = project != NULL ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
  return project;
}

DossierProject *
cli_parse_and_open_document (const char   *name,
                             int          *argc,
                             char       ***argv,
                             gint64       *document_id,
                             int          *status)
{
  DossierProject *project;

  if (!cli_parse (name, NULL, argc, argv, 2, 2) ||
      !cli_parse_int (name, "DOC", (*argv)[1], 1, document_id))
    {
      *status = CLI_EXIT_USAGE;
      return NULL;
    }
  project = cli_open_project_with_document (name, (*argv)[0], DOSSIER_OPEN_READ_ONLY, 0,
                                            *document_id);
  *status = project != NULL ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
  return project;
}

DossierProject *
cli_open_project (const char *name,
                  const char *path,
                  gboolean    writable)
{
  return cli_open_project_full (name, path,
                                writable ? DOSSIER_OPEN_READ_WRITE : DOSSIER_OPEN_READ_ONLY, 0);
}

DossierProject *
cli_open_project_full (const char       *name,
                       const char       *path,
                       DossierOpenFlags  flags,
                       double            wait)
{
  gboolean writable = (flags & (DOSSIER_OPEN_READ_ONLY | DOSSIER_OPEN_INSPECT)) == 0;
  g_autoptr(GError) error = NULL;
  DossierProject *project;
  gint64 deadline;

  /* In a batch, its project, already open. */
  project = cli_batch_project (path, flags);
  if (project != NULL)
    return project;

  /* Say plainly what is wrong with the path before SQLite gets a chance
   * to create an empty file there or talk about databases. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      cli_error (name, _("“%s” does not exist (create a project with “dossier-cli new %s”)"),
                 path, path);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      cli_error (name, _("“%s” is a folder, not a Dossier project"), path);
      return NULL;
    }

  /* A wrong command line, found late: nothing is open yet. */
  if (wait < 0 || wait > 24 * 3600 || isnan (wait))
    exit (cli_usage_error (name, _("--wait takes a number of seconds from 0 to 86400")));

  /* Another writer holds it: try again until it lets go, or time is up. */
  deadline = g_get_monotonic_time () + (gint64) (wait * G_USEC_PER_SEC);
  while ((project = dossier_project_open (path, flags, &error)) == NULL &&
         writable && g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED) &&
         g_get_monotonic_time () < deadline)
    {
      g_clear_error (&error);
      g_usleep (MIN (100 * 1000, MAX (0, deadline - g_get_monotonic_time ())));
    }

  if (project == NULL)
    {
      if (writable && g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED))
        {
          if (wait > 0)
            /* TRANSLATORS: the first %s says who has the project open */
            cli_error (name, _("%s It was still open after %g seconds."), error->message, wait);
          else
            cli_error (name, _("%s Try again when it is done, or give --wait SECONDS."),
                       error->message);
        }
      else
        cli_fail (name, error);
      return NULL;
    }

  /* A file nobody may write opens read-only; a change must not pretend
   * to work. */
  if (writable && dossier_project_get_read_only (project))
    {
      cli_error (name, _("“%s” is read-only; make the file writable to change it"), path);
      g_object_unref (project);
      return NULL;
    }

  return project;
}

DossierTag *
cli_find_tag (const char     *name,
              DossierProject *project,
              const char     *tag_name)
{
  g_autoptr(GError) error = NULL;
  DossierTag *tag = dossier_project_lookup_tag (project, tag_name, &error);

  if (g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND))
    cli_error (name, _("there is no tag “%s” in “%s” (add it with “dossier-cli tag-add %s %s”)"),
               tag_name, dossier_project_get_path (project),
               dossier_project_get_path (project), tag_name);
  else if (tag == NULL)
    cli_error (name, "%s", error->message);
  return tag;
}

gboolean
cli_tag_id_usable (const char *name,
                   DossierTag *tag,
                   gboolean    as_parent)
{
  gint64 id = dossier_tag_get_id (tag);

  /* Only a file made elsewhere (or damaged) holds such a tag: the core
   * takes 0 for "no tag" (every tag, the top level), and a negative
   * parent for none it knows. */
  if (id > 0 || (id < 0 && !as_parent))
    return TRUE;

  cli_error (name, _("tag “%s” cannot be used here: its id, %" PRId64 ", is one Dossier never gives "
                     "a tag, and would be taken for no tag at all"),
             dossier_tag_get_path (tag), id);
  return FALSE;
}

DossierDocument *
cli_find_document (const char     *name,
                   DossierProject *project,
                   gint64          document_id)
{
  DossierDocument *doc = dossier_project_get_document (project, document_id);

  if (doc == NULL)
    cli_error (name, _("there is no document %" PRId64 " in “%s” "
                       "(“dossier-cli documents %s” lists them)"),
               document_id, dossier_project_get_path (project),
               dossier_project_get_path (project));
  return doc;
}

DossierProject *
cli_open_project_with_document (const char       *name,
                                const char       *path,
                                DossierOpenFlags  flags,
                                double            wait,
                                gint64            document_id)
{
  g_autoptr(DossierProject) project = cli_open_project_full (name, path, flags, wait);

  if (project == NULL || cli_find_document (name, project, document_id) == NULL)
    return NULL;
  return g_steal_pointer (&project);
}

/* ---- Main -------------------------------------------------------------- */

/* The command running, for what the core says meanwhile. */
static const char *running_command;

void
cli_set_running_command (const char *name)
{
  running_command = name;
}

/* What the core says in passing, that a person should know (its search
 * index was damaged and has been rebuilt): one line in the CLI's own
 * form, "dossier-cli: COMMAND: …", not GLib's "Dossier-Message: time: …".
 * Warnings and criticals keep GLib's handler: they are bugs. */
static void
print_core_message (const char     *domain,
                    GLogLevelFlags  level,
                    const char     *message,
                    gpointer        user_data)
{
  print_error_line (running_command, message);
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n  dossier-cli %s\n\n", _("Usage:"), _("COMMAND [OPTION…] PROJECT [ARGUMENT…]"));
  fprintf (out, "%s\n\n", _("Work with Dossier projects from the command line."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("“dossier-cli COMMAND --help” describes a command and its options."));
  fprintf (out, "%s\n", _("Exit status: 0 success, 1 failure, 2 wrong command line."));
}

int
main (int    argc,
      char **argv)
{
  const CliCommand *command;
  int status;

  setlocale (LC_ALL, "");
  /* With no locale chosen (LANG unset, or naming one not installed, as in
   * scripts, cron jobs and fresh containers) the C locale's ASCII would
   * make GOption refuse every argument with an accent in it ("Invalid
   * byte sequence"). Read them as UTF-8 then, as everything else is. */
  if (!g_get_charset (NULL))
    {
      const char *ctype = setlocale (LC_CTYPE, NULL);

      if (ctype != NULL && (strcmp (ctype, "C") == 0 || strcmp (ctype, "POSIX") == 0))
        setlocale (LC_CTYPE, "C.UTF-8");
    }
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_print_handler (print_raw);
  g_set_printerr_handler (printerr_raw);
  g_set_prgname ("dossier-cli");
  dossier_project_set_holder (DOSSIER_HOLDER_CLI);

  if (argc < 2)
    {
      print_help (stderr);
      return CLI_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      /* "dossier-cli help import" is "dossier-cli import --help". */
      if (strcmp (argv[1], "help") == 0 && argc > 2)
        {
          char *help_argv[] = { argv[2], (char *) "--help", NULL };

          command = cli_find_command (argv[2]);
          if (command == NULL)
            return cli_usage_error (NULL, _("unknown command “%s”"), argv[2]);
          return command->run (command->name, 2, help_argv);
        }
      print_help (stdout);
      return CLI_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("dossier-cli %s\n", PACKAGE_VERSION);
      return CLI_EXIT_OK;
    }

  command = cli_find_command (argv[1]);
  if (command == NULL)
    {
      if (argv[1][0] == '-')
        return cli_usage_error (NULL, _("a command must come first, not “%s”"), argv[1]);
      return cli_usage_error (NULL, _("unknown command “%s”"), argv[1]);
    }

  running_command = command->name;
  g_log_set_handler ("Dossier", G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, print_core_message, NULL);
  status = command->run (command->name, argc - 1, argv + 1);

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      cli_error (command->name, _("cannot write the output: %s"), g_strerror (errno));
      return CLI_EXIT_FAILURE;
    }

  return status;
}
