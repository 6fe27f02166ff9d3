/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-crash.c — "a crash at any moment loses nothing the user saw done".
 *
 * The test runs itself as a writer (test-crash --writer PROJECT FIRST):
 * a loop of actions — add a tag, import a document, add a highlight, edit
 * a memo, delete a highlight — printing "done N" after each has returned,
 * i.e. committed. The parent kills it with SIGKILL at a random moment,
 * several rounds over, and each time checks that the project opens for
 * writing again (no stale lock), passes dossier_project_check(), holds
 * every action reported done, and nothing that was never started.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <dossier/dossier.h>
#include "test-util.h"

/* Actions by N % 10:
 *   0: add tag "T<N>"             5: add document "Doc <N>" (~60 KB)
 *   3: memo of highlight N-1 := "edited <N>"
 *   7: delete highlight N-1
 *   otherwise: add highlight with memo "action <N>"
 * Every round starts at a multiple of ROUND_SPAN, so N-1 is always of the
 * same round. */
#define ROUND_SPAN 100000

static const char base_text_line[] =
  "Le conseil a voté « oui » à 31 voix contre 24 — le pont sera réservé aux trams 🚋. ";

static char *
make_text (const char *title,
           guint       repeat)
{
  GString *s = g_string_new (title);

  g_string_append (s, "\n\n");
  for (guint i = 0; i < repeat; i++)
    {
      g_string_append (s, base_text_line);
      if (i % 8 == 7)
        g_string_append (s, "\n\n");
    }
  return g_string_free (s, FALSE);
}

static gint64
add_document (DossierProject *project,
              const char     *title,
              guint           repeat,
              GError        **error)
{
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autofree char *text = make_text (title, repeat);

  doc = dossier_import_bytes (g_bytes_new_take (g_strdup (text), strlen (text)),
                              DOSSIER_FORMAT_TEXT, "crash.txt", error);
  if (doc == NULL)
    return 0;
  g_free (doc->title);
  doc->title = g_strdup (title);
  return dossier_project_add_document (project, doc, error);
}

/* ---- Writer ------------------------------------------------------------ */

static int
writer_main (const char *path,
             gint64      first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GHashTable) highlights = g_hash_table_new (g_int64_hash, g_int64_equal);
  DossierDocument *doc;
  DossierTag *tag;
  gint64 length;

  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  if (project == NULL)
    {
      fprintf (stderr, "writer: %s\n", error->message);
      return 1;
    }
  doc = g_list_model_get_item (dossier_project_get_documents (project), 0);
  tag = dossier_project_find_tag (project, "Base");
  if (doc == NULL || tag == NULL)
    {
      fprintf (stderr, "writer: the base document or tag is missing\n");
      return 1;
    }
  length = dossier_document_get_length (doc);

  fprintf (stdout, "ready\n");
  fflush (stdout);

  for (gint64 n = first; ; n++)
    {
      g_autofree char *name = NULL;
      gboolean ok = TRUE;
      gint64 id;

      switch (n % 10)
        {
        case 0:
          name = g_strdup_printf ("T%" G_GINT64_FORMAT, n);
          ok = dossier_project_add_tag (project, name, 0, NULL, NULL, &error) > 0;
          break;

        case 5:
          name = g_strdup_printf ("Doc %" G_GINT64_FORMAT, n);
          ok = add_document (project, name, 700, &error) > 0;
          break;

        case 3:
          name = g_strdup_printf ("edited %" G_GINT64_FORMAT, n);
          id = GPOINTER_TO_SIZE (g_hash_table_lookup (highlights, &(gint64) { n - 1 }));
          ok = id > 0 && dossier_project_set_highlight_memo (project, id, name, &error);
          break;

        case 7:
          id = GPOINTER_TO_SIZE (g_hash_table_lookup (highlights, &(gint64) { n - 1 }));
          ok = id > 0 && dossier_project_delete_highlight (project, id, &error);
          break;

        default:
          {
            gint64 tag_id = dossier_tag_get_id (tag);
            gint64 start = (n * 37) % (length - 60);
            gint64 *key = g_new (gint64, 1);

            name = g_strdup_printf ("action %" G_GINT64_FORMAT, n);
            id = dossier_project_add_highlight (project, dossier_document_get_id (doc),
                                                start, start + 5 + n % 40, &tag_id, 1,
                                                name, &error);
            ok = id > 0;
            *key = n;
            g_hash_table_insert (highlights, key, GSIZE_TO_POINTER ((gsize) id));
          }
          break;
        }

      if (!ok)
        {
          fprintf (stderr, "writer: action %" G_GINT64_FORMAT " failed: %s\n", n,
                   error != NULL ? error->message : "no id");
          return 1;
        }

      /* Only now is the action "seen done". */
      fprintf (stdout, "done %" G_GINT64_FORMAT "\n", n);
      fflush (stdout);
    }

  return 0;
}

/* ---- Parent ------------------------------------------------------------ */

typedef struct
{
  GHashTable *done;       /* gint64 set: reported done */
  GHashTable *uncertain;  /* gint64 set: started, maybe committed */
} History;

static gboolean
is_possible (History *h,
             gint64   n)
{
  return g_hash_table_contains (h->done, &n) || g_hash_table_contains (h->uncertain, &n);
}

static void
add_to (GHashTable *set,
        gint64      n)
{
  gint64 *key = g_new (gint64, 1);

  *key = n;
  g_hash_table_add (set, key);
}

static gint64
parse_number (const char *s,
              const char *prefix)
{
  gint64 n;

  if (!g_str_has_prefix (s, prefix))
    return -1;
  if (!g_ascii_string_to_signed (s + strlen (prefix), 10, 0, G_MAXINT64, &n, NULL))
    return -1;
  return n;
}

/* Runs one writer from @first, kills it after about @delay_ms of work, and
 * records what it reported. */
static void
run_round (const char *self,
           const char *path,
           gint64      first,
           guint       delay_ms,
           History    *history)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first_str = g_strdup_printf ("%" G_GINT64_FORMAT, first);
  const char *argv[] = { self, "--writer", path, first_str, NULL };
  g_autoptr(GString) output = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  gint64 deadline = 0;
  gint64 last = first - 1;
  GPid pid;
  int out_fd, status;
  gboolean ready = FALSE;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  /* Read until the deadline (counted from "ready"), then kill. */
  for (;;)
    {
      struct pollfd pfd = { out_fd, POLLIN, 0 };
      int timeout = 200;
      char buf[4096];
      ssize_t n;

      if (ready)
        {
          gint64 left = deadline - g_get_monotonic_time ();

          if (left <= 0)
            break;
          timeout = (int) (left / 1000) + 1;
        }

      if (poll (&pfd, 1, timeout) < 0 && errno != EINTR)
        g_error ("poll: %s", g_strerror (errno));
      if (pfd.revents & (POLLIN | POLLHUP))
        {
          n = read (out_fd, buf, sizeof buf);
          if (n <= 0)
            break;  /* the writer exited on its own: an error, see below */
          g_string_append_len (output, buf, n);
          if (!ready && strstr (output->str, "ready\n") != NULL)
            {
              ready = TRUE;
              deadline = g_get_monotonic_time () + delay_ms * 1000;
            }
        }
    }

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  /* Whatever it printed before dying was seen by the user too. */
  for (;;)
    {
      char buf[4096];
      ssize_t n = read (out_fd, buf, sizeof buf);

      if (n <= 0)
        break;
      g_string_append_len (output, buf, n);
    }
  close (out_fd);

  if (!WIFSIGNALED (status))
    g_error ("the writer stopped by itself (status %d): %s", status, output->str);
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  lines = g_strsplit (output->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 n = parse_number (lines[i], "done ");

      if (n < 0)
        continue;
      g_assert_cmpint (n, ==, last + 1);
      add_to (history->done, n);
      last = n;
    }
  /* The action after the last one reported may have committed. */
  add_to (history->uncertain, last + 1);

  g_test_message ("round from %" G_GINT64_FORMAT ": %" G_GINT64_FORMAT " actions done, "
                  "killed after %u ms", first, last - first + 1, delay_ms);
}

static void
verify (const char *path,
        History    *history)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GHashTable) memos = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *report = NULL;
  GListModel *model;
  GHashTableIter iter;
  gpointer key;

  /* Opens for writing: the dead writer's lock must not block anyone. */
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_false (dossier_project_get_read_only (project));

  if (!dossier_project_check (project, &report, &error))
    g_error ("check failed after SIGKILL: %s %s", report ? report : "",
             error ? error->message : "");
  g_assert_no_error (error);

  highlights = dossier_project_list_highlights (project, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < highlights->len; i++)
    {
      DossierHighlight *h = g_ptr_array_index (highlights, i);

      g_hash_table_add (memos, (gpointer) dossier_highlight_get_memo (h));
    }

  model = dossier_project_get_tags (project);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (model, i);

      g_hash_table_add (names, g_strdup (dossier_tag_get_name (tag)));
    }
  model = dossier_project_get_documents (project);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (model, i);

      g_hash_table_add (names, g_strdup (dossier_document_get_title (doc)));
    }

  /* Everything reported done is there. */
  g_hash_table_iter_init (&iter, history->done);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 n = *(gint64 *) key;
      g_autofree char *name = NULL;
      g_autofree char *edited = NULL;

      switch (n % 10)
        {
        case 0:
          name = g_strdup_printf ("T%" G_GINT64_FORMAT, n);
          if (!g_hash_table_contains (names, name))
            g_error ("tag %s was reported done but is missing", name);
          break;
        case 5:
          name = g_strdup_printf ("Doc %" G_GINT64_FORMAT, n);
          if (!g_hash_table_contains (names, name))
            g_error ("document %s was reported done but is missing", name);
          break;
        case 3:
          name = g_strdup_printf ("edited %" G_GINT64_FORMAT, n);
          if (!g_hash_table_contains (memos, name))
            g_error ("memo “%s” was reported done but is missing", name);
          break;
        case 7:
          name = g_strdup_printf ("action %" G_GINT64_FORMAT, n - 1);
          if (g_hash_table_contains (memos, name))
            g_error ("highlight “%s” was reported deleted but is there", name);
          break;
        default:
          name = g_strdup_printf ("action %" G_GINT64_FORMAT, n);
          edited = g_strdup_printf ("edited %" G_GINT64_FORMAT, n + 1);
          /* Unless its memo was edited, or it was deleted, afterwards. */
          if (!g_hash_table_contains (memos, name) &&
              !(n % 10 == 2 && is_possible (history, n + 1) && g_hash_table_contains (memos, edited)) &&
              !(n % 10 == 6 && is_possible (history, n + 1)))
            g_error ("highlight “%s” was reported done but is missing", name);
          break;
        }
    }

  /* And nothing that was never started. */
  g_hash_table_iter_init (&iter, memos);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 n = parse_number (key, "action ");

      if (n < 0)
        n = parse_number (key, "edited ");
      if (n >= 0 && !is_possible (history, n))
        g_error ("“%s” is in the project but was never started", (char *) key);
    }
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 n = parse_number (key, "T");

      if (n < 0)
        n = parse_number (key, "Doc ");
      if (n >= 0 && !is_possible (history, n))
        g_error ("“%s” is in the project but was never started", (char *) key);
    }

  dossier_project_close (project);
}

static void
test_sigkill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  History history = {
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
  };
  guint rounds = g_test_slow () ? 16 : 8;

  g_assert_no_error (error);
  dir = test_make_tmp_dir ("crash");
  path = g_build_filename (dir, "crash.dossier", NULL);

  {
    g_autoptr(DossierProject) project = dossier_project_create (path, "Crash", &error);

    g_assert_no_error (error);
    g_assert_cmpint (add_document (project, "Base document", 40, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpint (dossier_project_add_tag (project, "Base", 0, NULL, NULL, &error), >, 0);
    g_assert_no_error (error);
    dossier_project_close (project);
  }

  for (guint r = 1; r <= rounds; r++)
    {
      /* From "almost at once" to well into the loop. */
      guint delay = g_test_rand_int_range (5, 600);

      run_round (self, path, (gint64) r * ROUND_SPAN, delay, &history);
      verify (path, &history);
    }

  g_assert_cmpuint (g_hash_table_size (history.done), >, 0);

  g_hash_table_unref (history.done);
  g_hash_table_unref (history.uncertain);

  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && strcmp (argv[1], "--writer") == 0)
    return writer_main (argv[2], g_ascii_strtoll (argv[3], NULL, 10));

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dossier/crash/sigkill", test_sigkill);
  return g_test_run ();
}
