/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-cli-private.h — what dossier-cli's files share: the command
 * table, exit codes, and the helpers that turn every failure into one
 * clear line on stderr. */
#pragma once

#include <gio/gio.h>
#include <dossier/dossier.h>

G_BEGIN_DECLS

/* Exit codes: 0 success, 1 the action failed (bad file, unknown id,
 * locked project…), 2 the command line itself is wrong. */
enum
{
  CLI_EXIT_OK = 0,
  CLI_EXIT_FAILURE = 1,
  CLI_EXIT_USAGE = 2,
};

typedef struct
{
  const char *name;
  const char *parameters;   /* "PROJECT FILE…" */
  const char *summary;      /* one line, for the top-level help */
  const char *description;  /* more, for the command's --help; may be NULL */
  int       (*run)          (const char *name,
                             int         argc,
                             char      **argv);
} CliCommand;

/* Commands that change a project (dossier-cli-write.c). */
int cli_new       (const char *name, int argc, char **argv);
int cli_import    (const char *name, int argc, char **argv);
int cli_tag_add   (const char *name, int argc, char **argv);
int cli_highlight (const char *name, int argc, char **argv);
int cli_autocode  (const char *name, int argc, char **argv);
int cli_meta      (const char *name, int argc, char **argv);
int cli_replace_text (const char *name, int argc, char **argv);
int cli_reindex   (const char *name, int argc, char **argv);

/* Briefing notes (dossier-cli-briefing.c). */
int cli_briefings     (const char *name, int argc, char **argv);
int cli_briefing      (const char *name, int argc, char **argv);
int cli_briefing_new  (const char *name, int argc, char **argv);
int cli_briefing_set  (const char *name, int argc, char **argv);

/* Comparing documents (dossier-cli-compare.c). */
int cli_compare       (const char *name, int argc, char **argv);
int cli_diverge       (const char *name, int argc, char **argv);
/* Commands that only read it (dossier-cli-read.c). */
int cli_documents (const char *name, int argc, char **argv);
int cli_text      (const char *name, int argc, char **argv);
int cli_tags      (const char *name, int argc, char **argv);
int cli_export    (const char *name, int argc, char **argv);
int cli_check     (const char *name, int argc, char **argv);

/* Stakeholders and arguments (dossier-cli-analysis.c). */
int cli_stakeholder_add (const char *name, int argc, char **argv);
int cli_stakeholders    (const char *name, int argc, char **argv);
int cli_mentions        (const char *name, int argc, char **argv);
int cli_question_add    (const char *name, int argc, char **argv);
int cli_argument_add    (const char *name, int argc, char **argv);
int cli_arguments       (const char *name, int argc, char **argv);
int cli_evidence_add    (const char *name, int argc, char **argv);
int cli_suggest         (const char *name, int argc, char **argv);

/* The power/interest grid as a picture (dossier-cli-grid.c). */
int cli_grid            (const char *name, int argc, char **argv);

/* Many commands on one project, opened once (dossier-cli-batch.c). */
int cli_batch           (const char *name, int argc, char **argv);
/* Inside a batch, a new reference to its project when @path is the one
 * the commands are given and @flags open it to read or write; else NULL. */
DossierProject *cli_batch_project (const char       *path,
                                   DossierOpenFlags  flags);
/* The command that what the core says in passing is put under. */
void cli_set_running_command (const char *name);

const CliCommand *cli_find_command (const char *name);

/* Parses the command's options; on --help prints it and exits 0. Returns
 * FALSE (after printing the usage error) when the command line is wrong;
 * then the command returns CLI_EXIT_USAGE. On success @argv holds only the
 * positional arguments, @argv[0] being the first of them. */
gboolean cli_parse (const char   *name,
                    GOptionEntry *entries,
                    int          *argc,
                    char       ***argv,
                    int           min_args,
                    int           max_args);
/* The same for a command whose only option is --wait SECONDS (into @wait). */
gboolean cli_parse_wait_only (const char   *name,
                              double       *wait,
                              int          *argc,
                              char       ***argv,
                              int           min_args,
                              int           max_args);

/* "dossier-cli: NAME: MESSAGE" on stderr, on one line. */
void     cli_error       (const char *name,
                          const char *format,
                          ...) G_GNUC_PRINTF (2, 3);
/* As cli_error, then returns CLI_EXIT_USAGE with a pointer to --help. */
int      cli_usage_error (const char *name,
                          const char *format,
                          ...) G_GNUC_PRINTF (2, 3);
/* Reports @error (which names what failed) and returns CLI_EXIT_FAILURE. */
int      cli_fail        (const char *name,
                          const GError *error);

/* Whether the file @path, named on the command line for @name to read
 * (a body, a file of commands, a file to import), may be read: FALSE,
 * said, when it is a Dossier project or a part of one (its log, shared
 * memory, journal or lock), under whatever name. Read through a
 * descriptor of ours, the project a batch has open would lose SQLite's
 * locks at its close (dossier_file_is_project_or_part ()). */
gboolean cli_file_readable (const char *name,
                            const char *path);

/* A document, highlight or offset given on the command line. */
gboolean cli_parse_int   (const char *name,
                          const char *what,
                          const char *str,
                          gint64      min,
                          gint64     *out);

/* The option --wait SECONDS, into @wait, for the commands that change a
 * project (see cli_open_project_full ()). */
GOptionEntry cli_wait_entry (double *wait);

/* The option --format FORMAT, into @format_name, for the commands that
 * read a file as a document; cli_parse_import_format () reads it. */
GOptionEntry cli_import_format_entry (char **format_name);
/* @format_name (NULL: auto) as a DossierFormat into @format; FALSE, after
 * a usage error, if it names none. */
gboolean     cli_parse_import_format (const char    *name,
                                      const char    *format_name,
                                      DossierFormat *format);

/* The start of a command on PROJECT: cli_parse () with @entries (NULL:
 * only --wait, into @wait, when @wait is given; else none), then PROJECT,
 * argv[0], opened with @flags, waiting up to *@wait seconds for another
 * writer. NULL, having said why, with the status to exit with in @status. */
DossierProject *cli_parse_and_open (const char        *name,
                                    GOptionEntry      *entries,
                                    int               *argc,
                                    char            ***argv,
                                    int                min_args,
                                    int                max_args,
                                    DossierOpenFlags   flags,
                                    double            *wait,
                                    int               *status);
/* The same for a command on PROJECT DOC with no options, to read: the
 * project, which holds document DOC, its id in @document_id. */
DossierProject *cli_parse_and_open_document (const char   *name,
                                             int          *argc,
                                             char       ***argv,
                                             gint64       *document_id,
                                             int          *status);

/* Opens @path, refusing with a clear message when it does not exist, and
 * for @writable when it is open elsewhere or not writable. */
DossierProject *cli_open_project (const char *name,
                                  const char *path,
                                  gboolean    writable);
/* The same with the core's @flags; for a writer, when another process has
 * the project open, tries again for up to @wait seconds. */
DossierProject *cli_open_project_full (const char       *name,
                                       const char       *path,
                                       DossierOpenFlags  flags,
                                       double            wait);

/* Finds a tag by name or path, or reports that there is none (and how to
 * create it). */
DossierTag     *cli_find_tag     (const char     *name,
                                  DossierProject *project,
                                  const char     *tag_name);
/* Whether @tag's id can filter (@as_parent FALSE) or hold a new tag: FALSE,
 * after saying why, for an id a project from elsewhere gave it that the
 * core would take for "no tag" (0; for a parent, below 0 too). */
gboolean        cli_tag_id_usable (const char     *name,
                                   DossierTag     *tag,
                                   gboolean        as_parent);
/* Checks that the document exists, else reports it. */
DossierDocument *cli_find_document (const char     *name,
                                    DossierProject *project,
                                    gint64          document_id);
/* cli_open_project_full () for a command about one document: NULL, with
 * the reason said, when the project cannot be opened or has no document
 * @document_id. */
DossierProject  *cli_open_project_with_document (const char       *name,
                                                 const char       *path,
                                                 DossierOpenFlags  flags,
                                                 double            wait,
                                                 gint64            document_id);

/* A listing command's line for one item of its model; FALSE with @error
 * stops the listing. */
typedef gboolean (*CliPrintItem) (DossierProject  *project,
                                  gpointer         item,
                                  GError         **error);

/* A listing command: its one argument the project, opened read-only, and a
 * line per item of the model @get_model gives. */
int      cli_list        (const char     *name,
                          int             argc,
                          char          **argv,
                          GListModel   *(*get_model) (DossierProject *project),
                          CliPrintItem    print_item);

/* The end of a command that adds a row: its id on a line, or why there is
 * none (@id not above 0). */
int      cli_print_id    (const char   *name,
                          gint64        id,
                          const GError *error);

/* Text from a project (anyone's: it may be hostile), made safe to show on
 * a terminal. Tabs, newlines and every printable character (accents,
 * Arabic, Chinese, emoji…) stay as they are; a C0 control becomes its
 * picture (ESC ␛, BEL ␇, CR ␍), DEL ␡, and a C1 control, a bidi
 * embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) or a
 * byte that is not UTF-8 becomes U+FFFD: one character for one, so that
 * offsets still count right. Everything dossier-cli prints for a person
 * to read, on stdout or stderr, goes through it. @len -1: up to the NUL. */
char    *cli_safe_text   (const char *s,
                          gssize      len);
/* cli_safe_text () of @s, to stdout. */
void     cli_write_text  (const char *s,
                          gssize      len);
/* Formats, then writes as cli_write_text () does: UTF-8 as is, whatever
 * the locale, but safe. */
void     cli_print       (const char *format,
                          ...) G_GNUC_PRINTF (1, 2);

/* Whether stdout is a terminal. */
gboolean cli_stdout_is_terminal (void);
/* Whether @output, as given to -o (NULL or "-": stdout), is a terminal:
 * where a binary file (a PDF, a zip archive, a PNG) is refused, as no use
 * there and garbage to the terminal. */
gboolean cli_output_is_terminal (const char *output);
/* Writes @bytes to @output with the exports' care (never replacing what
 * is not a regular file); made safe to show (cli_safe_text ()) when
 * @output is a terminal, exactly as they are otherwise. */
gboolean cli_write_file  (const char  *output,
                          GBytes      *bytes,
                          GError     **error);
/* Where a command writes a file made as a stream for @output (NULL or
 * "-": stdout, cli_stdout_stream ()): a buffer that
 * cli_output_stream_done () writes out, through cli_write_file () to a
 * path. */
GOutputStream *cli_output_stream      (const char     *output);
gboolean       cli_output_stream_done (const char     *output,
                                       GOutputStream  *stream,
                                       GError        **error);
/* Where a command writes a file (an export, a picture) asked for on stdout:
 * stdout itself, or, when it is a terminal (someone will read it there), a
 * buffer that cli_stdout_stream_done () writes out through
 * cli_write_text (). A file through a pipe stays exactly as written. */
GOutputStream *cli_stdout_stream      (void);
void           cli_stdout_stream_done (GOutputStream *stream);
/* A field for tab-separated output: tabs and newlines become spaces. */
char    *cli_field       (const char *s);

G_END_DECLS
