/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-mutate.c — damaged copies of a project, made by flipping bytes.
 *
 * A project file is untrusted input (README, "A project from someone
 * else"). From the sample project, a seeded generator makes damaged
 * copies — bytes flipped in the header, the schema page, b-tree pages and
 * overflow pages, pages zeroed or swapped, the file cut short — and each
 * is opened read-only, for writing and to be checked, and read as a user
 * and the CLI would: documents, texts, highlights, tags, stakeholders,
 * briefings, search, compare, divergences, every export, the check.
 * Nothing may crash (the ASan suite runs it too), hang, warn, or change a
 * file whose open was refused.
 *
 * DOSSIER_MUTANTS=N makes N copies (default: a count that runs in about
 * 30 s, 2 min under ASan); DOSSIER_MUTATE_SEED=S another series;
 * DOSSIER_MUTANT=I only copy I of the series (to replay a failure, which
 * prints its number).
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include <dossier/dossier.h>

#include "test-util.h"

#define DEFAULT_MUTANTS 120
#define DEFAULT_SEED    20261206
/* A mutant taking longer than this (seconds, plain build) is a hang. */
#define MUTANT_SECONDS  60

typedef enum
{
  MUTATE_HEADER,
  MUTATE_SCHEMA,
  MUTATE_BTREE,
  MUTATE_BTREE_HEADER,
  MUTATE_OVERFLOW,
  MUTATE_TRUNCATE,
  MUTATE_SWAP,
  MUTATE_ZERO,
  MUTATE_ANYWHERE,
  N_MUTATIONS
} Mutation;

static const char * const mutation_names[] = {
  "header", "schema page", "b-tree page", "b-tree page header", "overflow page",
  "truncated", "pages swapped", "page zeroed", "anywhere",
};

typedef struct
{
  GBytes *pristine;
  gsize   page_size;
  guint   n_pages;
  GArray *btree;      /* guint page numbers (from 1) */
  GArray *overflow;
} Sample;

/* What is being done, for the signal handlers: a failure names the
 * mutant that caused it, so that it can be replayed alone. */
static char current[512];

static void
say_current (int signum)
{
  if (current[0] != '\0')
    {
      static const char prefix[] = "\n*** test-mutate: while ";
      ssize_t ignored;

      ignored = write (STDERR_FILENO, prefix, sizeof prefix - 1);
      ignored = write (STDERR_FILENO, current, strlen (current));
      ignored = write (STDERR_FILENO, "\n", 1);
      (void) ignored;
    }
  signal (signum, SIG_DFL);
  raise (signum);
}

static void
set_current (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static void
set_current (const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_vsnprintf (current, sizeof current, format, args);
  va_end (args);
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static void
load_sample (Sample *sample)
{
  const char *path = g_getenv ("DOSSIER_SAMPLE_PROJECT");
  g_autofree char *uri = NULL;
  const guint8 *data;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize size;

  g_assert_nonnull (path);
  sample->pristine = test_read_bytes (path);
  data = g_bytes_get_data (sample->pristine, &size);
  g_assert_cmpuint (size, >=, 100);
  sample->page_size = (data[16] << 8) | data[17];
  if (sample->page_size == 1)
    sample->page_size = 65536;
  g_assert_cmpuint (size % sample->page_size, ==, 0);
  sample->n_pages = size / sample->page_size;

  /* Which page is which, from SQLite's own account of them. */
  sample->btree = g_array_new (FALSE, FALSE, sizeof (guint));
  sample->overflow = g_array_new (FALSE, FALSE, sizeof (guint));
  uri = g_strconcat ("file:", path, "?immutable=1", NULL);
  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pageno, pagetype FROM dbstat", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint page = sqlite3_column_int (stmt, 0);
      const char *type = (const char *) sqlite3_column_text (stmt, 1);

      if (g_strcmp0 (type, "overflow") == 0)
        g_array_append_val (sample->overflow, page);
      else if (page > 1)
        g_array_append_val (sample->btree, page);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* The sample must have each kind, or the test tests less than it says. */
  g_assert_cmpuint (sample->btree->len, >, 4);
  g_assert_cmpuint (sample->overflow->len, >, 0);
}

static void
sample_clear (Sample *sample)
{
  g_clear_pointer (&sample->pristine, g_bytes_unref);
  g_clear_pointer (&sample->btree, g_array_unref);
  g_clear_pointer (&sample->overflow, g_array_unref);
}

static guint
pick_page (GRand  *rand,
           GArray *pages)
{
  return g_array_index (pages, guint, g_rand_int_range (rand, 0, pages->len));
}

/* A byte unlike @old: any other, or one of the values that mean most to
 * a parser (0, 0xff, one off). */
static guint8
other_byte (GRand  *rand,
            guint8  old)
{
  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      return old == 0 ? 0xff : 0;
    case 1:
      return old + 1;
    case 2:
      return old - 1;
    default:
      return old ^ (guint8) g_rand_int_range (rand, 1, 256);
    }
}

/* Flips @n_flips bytes in [@from, @from + @length); says which in @what
 * ("@offset: old→new"). */
static void
flip_range (GRand      *rand,
            GByteArray *bytes,
            gsize       from,
            gsize       length,
            guint       n_flips,
            GString    *what)
{
  for (guint i = 0; i < n_flips; i++)
    {
      gsize at = from + g_rand_int_range (rand, 0, length);
      guint8 old = bytes->data[at];

      bytes->data[at] = other_byte (rand, old);
      g_string_append_printf (what, "%s%zu: %02x→%02x", i == 0 ? ", at " : ", ", at, old,
                              bytes->data[at]);
    }
}

/* Damages a copy of the sample; describes what was done in @what. */
static GByteArray *
mutate (const Sample *sample,
        GRand        *rand,
        GString      *what)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (sample->pristine, &size);
  GByteArray *bytes = g_byte_array_sized_new (size);
  Mutation mutation = g_rand_int_range (rand, 0, N_MUTATIONS);
  gsize ps = sample->page_size;
  guint n_flips = g_rand_int_range (rand, 1, 5);
  guint page;

  g_byte_array_append (bytes, data, size);
  g_string_append (what, mutation_names[mutation]);

  switch (mutation)
    {
    case MUTATE_HEADER:
      flip_range (rand, bytes, 0, 100, n_flips, what);
      break;
    case MUTATE_SCHEMA:
      flip_range (rand, bytes, 100, ps - 100, n_flips, what);
      break;
    case MUTATE_BTREE:
      page = pick_page (rand, sample->btree);
      g_string_append_printf (what, " %u", page);
      flip_range (rand, bytes, (page - 1) * ps, ps, n_flips, what);
      break;
    case MUTATE_BTREE_HEADER:
      /* The page header and the first cell pointers. */
      page = pick_page (rand, sample->btree);
      g_string_append_printf (what, " %u", page);
      flip_range (rand, bytes, (page - 1) * ps, 32, n_flips, what);
      break;
    case MUTATE_OVERFLOW:
      page = pick_page (rand, sample->overflow);
      g_string_append_printf (what, " %u", page);
      /* Half the time the pointer to the next page of the chain. */
      flip_range (rand, bytes, (page - 1) * ps, g_rand_boolean (rand) ? 4 : ps, n_flips, what);
      break;
    case MUTATE_TRUNCATE:
      {
        gsize length = g_rand_boolean (rand)
          ? ps * g_rand_int_range (rand, 1, sample->n_pages)
          : (gsize) g_rand_int_range (rand, 100, size);

        g_string_append_printf (what, " to %zu bytes", length);
        g_byte_array_set_size (bytes, length);
      }
      break;
    case MUTATE_SWAP:
      {
        guint a = g_rand_int_range (rand, 1, sample->n_pages + 1);
        guint b = g_rand_int_range (rand, 1, sample->n_pages + 1);
        g_autofree guint8 *tmp = g_malloc (ps);

        g_string_append_printf (what, " %u and %u", a, b);
        memcpy (tmp, bytes->data + (a - 1) * ps, ps);
        memcpy (bytes->data + (a - 1) * ps, bytes->data + (b - 1) * ps, ps);
        memcpy (bytes->data + (b - 1) * ps, tmp, ps);
      }
      break;
    case MUTATE_ZERO:
      page = g_rand_int_range (rand, 2, sample->n_pages + 1);
      g_string_append_printf (what, " %u", page);
      memset (bytes->data + (page - 1) * ps, 0, ps);
      break;
    case MUTATE_ANYWHERE:
    default:
      flip_range (rand, bytes, 100, size - 100, n_flips * 4, what);
      break;
    }

  return bytes;
}

/* ---- What a user and the CLI do ------------------------------------------------ */

/* An error from reading a damaged file is for a person: ours or one a
 * caller passes on, with a message. */
static void
assert_error_sound (GError *error)
{
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  if (!g_utf8_validate (error->message, -1, NULL))
    {
      g_autofree char *escaped = g_strescape (error->message, NULL);

      g_error ("an error message that is not text: “%s”", escaped);
    }
}

/* Whether @call failed; its error is checked and dropped. */
#define TRY(call)                                       \
  G_STMT_START {                                        \
    set_current ("%s: %s", what, #call);                \
    if (!(call))                                        \
      {                                                 \
        assert_error_sound (error);                     \
        g_clear_error (&error);                         \
      }                                                 \
    g_assert_no_error (error);                          \
  } G_STMT_END

static gboolean
export_to_memory (DossierProject             *project,
                  DossierExportFormat         format,
                  const DossierExportFilter  *filter,
                  const DossierExportOptions *options,
                  GError                    **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  return dossier_export_to_stream (project, format, filter, options, out, NULL, error);
}

/* Every item of @model, as a view asks for them. */
static void
read_items (GListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_nonnull (item);
    }
}

static gboolean
read_documents (DossierProject  *project,
                GArray          *ids,
                GError         **error)
{
  GListModel *documents = dossier_project_get_documents (project);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);
      gint64 id = dossier_document_get_id (document);
      g_autofree char *text = NULL;
      g_autoptr(GArray) blocks = NULL;
      g_autoptr(GListModel) highlights = NULL;

      g_assert_true (g_utf8_validate (dossier_document_get_title (document), -1, NULL));
      g_array_append_val (ids, id);

      text = dossier_project_get_document_text (project, id, error);
      if (text == NULL)
        return FALSE;
      g_assert_true (g_utf8_validate (text, -1, NULL));
      blocks = dossier_project_get_document_blocks (project, id, error);
      if (blocks == NULL)
        return FALSE;
      highlights = dossier_project_get_highlights (project, id, error);
      if (highlights == NULL)
        return FALSE;
      read_items (highlights);
    }

  return TRUE;
}

static gboolean
read_tags (DossierProject  *project,
           GError         **error)
{
  GListModel *tags = dossier_project_get_tags (project);

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);
      g_autoptr(GListModel) highlights = NULL;

      highlights = dossier_project_get_tag_highlights (project, dossier_tag_get_id (tag), error);
      if (highlights == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
list_all_highlights (DossierProject  *project,
                     GError         **error)
{
  g_autoptr(GPtrArray) highlights = dossier_project_list_highlights (project, 0, 0, error);

  return highlights != NULL;
}

static gboolean
search (DossierProject  *project,
        gboolean         occurrences,
        GError         **error)
{
  g_autoptr(GPtrArray) hits = NULL;

  hits = occurrences ? dossier_project_search_occurrences (project, "bridge toll", 0, error)
                     : dossier_project_search (project, "bridge", 20, error);
  if (hits == NULL)
    return FALSE;
  for (guint i = 0; i < hits->len; i++)
    {
      DossierSearchHit *hit = g_ptr_array_index (hits, i);

      g_assert_true (g_utf8_validate (hit->snippet, -1, NULL));
    }
  return TRUE;
}

static gboolean
compare (DossierProject  *project,
         GArray          *ids,
         DossierCompareRows rows,
         DossierCompareMeasure measure,
         GError         **error)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  DossierComparison *comparison;
  g_autoptr(GPtrArray) excerpts = NULL;
  g_autofree char *table = NULL;
  g_autofree char *json = NULL;
  g_autofree char *page = NULL;

  options.rows = rows;
  options.measure = measure;
  options.per_1000_words = rows == DOSSIER_COMPARE_TAGS;
  comparison = dossier_project_compare (project, (gint64 *) ids->data, ids->len, &options, error);
  if (comparison == NULL)
    return FALSE;

  table = dossier_comparison_to_string (comparison, DOSSIER_COMPARE_FORMAT_TEXT, error);
  if (table != NULL)
    json = dossier_comparison_to_string (comparison, DOSSIER_COMPARE_FORMAT_JSON, error);
  if (json != NULL)
    excerpts = dossier_project_compare_excerpts (project, (gint64 *) ids->data, ids->len,
                                                 &options, 0, error);
  if (excerpts != NULL)
    page = dossier_compare_excerpts_to_string (comparison, excerpts, "Excerpts",
                                               DOSSIER_COMPARE_FORMAT_HTML, error);
  dossier_comparison_unref (comparison);

  return page != NULL;
}

static gboolean
diverge (DossierProject  *project,
         GArray          *ids,
         GError         **error)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  DossierComparison *comparison;
  g_autoptr(GPtrArray) divergences = NULL;
  g_autofree char *text = NULL;

  comparison = dossier_project_compare (project, (gint64 *) ids->data, ids->len, &options, error);
  if (comparison == NULL)
    return FALSE;
  divergences = dossier_project_compare_divergences (project, (gint64 *) ids->data, ids->len,
                                                     error);
  if (divergences != NULL)
    text = dossier_compare_divergences_to_string (comparison, divergences,
                                                  DOSSIER_COMPARE_FORMAT_TEXT, error);
  dossier_comparison_unref (comparison);

  return text != NULL;
}

static gboolean
read_analysis (DossierProject  *project,
               GError         **error)
{
  GListModel *stakeholders = dossier_project_get_stakeholders (project);
  GListModel *questions = dossier_project_get_questions (project);

  for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
    {
      g_autoptr(DossierStakeholder) stakeholder = g_list_model_get_item (stakeholders, i);
      g_autoptr(GPtrArray) evidence = NULL;

      evidence = dossier_project_list_stakeholder_evidence (project,
                                                            dossier_stakeholder_get_id (stakeholder),
                                                            error);
      if (evidence == NULL)
        return FALSE;
    }
  read_items (questions);
  read_items (dossier_project_get_arguments (project));

  return TRUE;
}

static gboolean
export_briefings (DossierProject  *project,
                  GError         **error)
{
  GListModel *briefings = dossier_project_get_briefings (project);
  DossierExportOptions options;

  dossier_export_options_init (&options);
  options.appendix = TRUE;
  options.allow_unverified = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (briefings); i++)
    {
      g_autoptr(DossierBriefing) briefing = g_list_model_get_item (briefings, i);
      DossierExportFilter filter = { 0, 0, dossier_briefing_get_id (briefing) };

      if (!export_to_memory (project, DOSSIER_EXPORT_MARKDOWN, &filter, &options, error) ||
          !export_to_memory (project, DOSSIER_EXPORT_HTML, &filter, &options, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check (DossierProject  *project,
       GError         **error)
{
  g_autofree char *report = NULL;
  gboolean sound = dossier_project_check (project, &report, error);

  if (report != NULL)
    g_assert_true (g_utf8_validate (report, -1, NULL));
  /* Unsound is a report, not an error. */
  return sound || report != NULL;
}

/* Everything a user and the CLI read from an open project. */
static void
exercise (DossierProject *project,
          const char     *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  DossierExportOptions by_tag;

  dossier_export_options_init (&by_tag);
  by_tag.group_by = DOSSIER_EXPORT_GROUP_BY_TAG;
  by_tag.offsets = TRUE;
  by_tag.context_words = 10;
  by_tag.memos = DOSSIER_EXPORT_MEMOS_FOOTNOTES;

  g_assert_true (g_utf8_validate (dossier_project_get_title (project), -1, NULL));
  TRY (read_documents (project, ids, &error));
  TRY (read_tags (project, &error));
  TRY (list_all_highlights (project, &error));
  TRY (read_analysis (project, &error));
  TRY (search (project, FALSE, &error));
  TRY (search (project, TRUE, &error));
  if (ids->len > 0)
    {
      TRY (compare (project, ids, DOSSIER_COMPARE_TAGS, DOSSIER_COMPARE_HIGHLIGHTS, &error));
      TRY (compare (project, ids, DOSSIER_COMPARE_STAKEHOLDERS, DOSSIER_COMPARE_MENTIONS, &error));
      TRY (compare (project, ids, DOSSIER_COMPARE_ARGUMENTS, DOSSIER_COMPARE_EVIDENCE, &error));
    }
  if (ids->len > 1)
    TRY (diverge (project, ids, &error));
  for (DossierExportFormat format = DOSSIER_EXPORT_JSON; format <= DOSSIER_EXPORT_W3C; format++)
    {
      TRY (export_to_memory (project, format, NULL, NULL, &error));
      if (format == DOSSIER_EXPORT_MARKDOWN || format == DOSSIER_EXPORT_HTML ||
          format == DOSSIER_EXPORT_TEXT)
        TRY (export_to_memory (project, format, NULL, &by_tag, &error));
    }
  TRY (export_briefings (project, &error));
  TRY (check (project, &error));
}

/* Some of the CLI's own commands, in a process of their own: what it
 * prints around the core must hold too. test_run_cli () fails the test
 * on a signal, a warning or a sanitizer's report. */
static void
run_cli (const char *path,
         const char *what)
{
  static const char * const commands[][4] = {
    { "check", NULL },
    { "documents", NULL },
    { "export", "--format", "json", NULL },
    { "compare", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(TestRun) run = { 0 };

      set_current ("%s: dossier-cli %s", what, commands[i][0]);
      test_run_cli (&run, commands[i][0], path, commands[i][1], commands[i][2], NULL);
      g_assert_cmpint (run.status, <=, 2);
    }
}

static void
remove_companions (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal", ".lock" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

/* Opens the file at @path as @flags says: refused, it must be left as it
 * was; opened, everything is read from it. */
static gboolean
open_and_read (const char       *path,
               DossierOpenFlags  flags,
               const char       *what)
{
  g_autoptr(TestFiles) before = test_files_snapshot (path);
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *doing = g_strdup_printf ("%s, opened %s", what,
                                            flags & DOSSIER_OPEN_INSPECT ? "to be checked"
                                            : flags & DOSSIER_OPEN_READ_ONLY ? "read-only"
                                            : "for writing");

  set_current ("%s", doing);
  project = dossier_project_open (path, flags, &error);
  if (project == NULL)
    {
      if (g_getenv ("DOSSIER_MUTANT") != NULL)
        g_test_message ("%s: refused: %s", doing, error->message);
      assert_error_sound (error);
      g_assert_true (error->domain == DOSSIER_PROJECT_ERROR);
      test_files_assert_same (before);
      return FALSE;
    }

  /* What 'check' does with it, and no more: a file opened to be checked
   * despite damage is open for that alone. */
  if (flags & DOSSIER_OPEN_INSPECT)
    {
      g_autoptr(GError) check_error = NULL;

      set_current ("%s: check", doing);
      g_assert_true (check (project, &check_error));
      g_assert_no_error (check_error);
    }
  else
    {
      exercise (project, doing);
    }
  dossier_project_close (project);
  return TRUE;
}

static void
test_mutants (TestDir       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "damaged.dossier");
  guint n_mutants = env_uint ("DOSSIER_MUTANTS", DEFAULT_MUTANTS);
  guint seed = env_uint ("DOSSIER_MUTATE_SEED", DEFAULT_SEED);
  const char *only = g_getenv ("DOSSIER_MUTANT");
  guint cli_every = env_uint ("DOSSIER_MUTATE_CLI_EVERY", 10);
  guint opened[3] = { 0 };
  double slowest = 0;
  g_autofree char *slowest_what = NULL;
  Sample sample = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GTimer) timer = g_timer_new ();

  load_sample (&sample);
  g_test_message ("%zu-byte pages: %u, %u b-tree, %u overflow; seed %u, %u mutants",
                  sample.page_size, sample.n_pages, sample.btree->len, sample.overflow->len,
                  seed, n_mutants);

  for (guint i = 0; i < n_mutants; i++)
    {
      g_autoptr(GString) what = g_string_new (NULL);
      g_autoptr(GByteArray) bytes = NULL;
      g_autoptr(GError) error = NULL;
      double seconds;

      g_string_printf (what, "mutant %u of seed %u (DOSSIER_MUTATE_SEED=%u DOSSIER_MUTANT=%u): ",
                       i, seed, seed, i);
      bytes = mutate (&sample, rand, what);
      if (only != NULL && (guint) g_ascii_strtoull (only, NULL, 10) != i)
        continue;

      remove_companions (path);
      g_file_set_contents (path, (const char *) bytes->data, bytes->len, &error);
      g_assert_no_error (error);

      g_timer_start (timer);
      alarm (MUTANT_SECONDS * env_uint ("DOSSIER_MUTATE_SLOWDOWN", 1));
      opened[0] += open_and_read (path, DOSSIER_OPEN_READ_ONLY, what->str);
      opened[1] += open_and_read (path, DOSSIER_OPEN_INSPECT, what->str);
      opened[2] += open_and_read (path, DOSSIER_OPEN_READ_WRITE, what->str);
      if (cli_every > 0 && i % cli_every == 0)
        run_cli (path, what->str);
      alarm (0);
      seconds = g_timer_elapsed (timer, NULL);
      if (seconds > slowest)
        {
          slowest = seconds;
          g_free (slowest_what);
          slowest_what = g_strdup (what->str);
        }
    }
  current[0] = '\0';

  g_test_message ("opened read-only %u, to be checked %u, for writing %u; slowest %.2f s: %s",
                  opened[0], opened[1], opened[2], slowest, slowest_what ? slowest_what : "-");
  remove_companions (path);
  sample_clear (&sample);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  signal (SIGALRM, say_current);
  signal (SIGTRAP, say_current);
  signal (SIGABRT, say_current);
  signal (SIGSEGV, say_current);
  signal (SIGBUS, say_current);
  signal (SIGFPE, say_current);

  g_test_add ("/dossier/mutate/sample", TestDir, NULL, test_dir_set_up, test_mutants,
              test_dir_tear_down);

  return g_test_run ();
}
