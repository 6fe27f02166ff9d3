/* test-util.c — helpers shared by the tests (see test-util.h). */

#include "config.h"

#include "test-util.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

char *
test_make_tmp_dir (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("dossier-test-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (!S_ISDIR (st.st_mode))
    {
      g_unlink (path);
      return;
    }

  /* A test may have taken the write bit away to see a write fail. */
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

DossierParsedDocument *
make_doc (const char *title,
          const char *text)
{
  DossierParsedDocument *doc = dossier_parsed_document_new ();
  DossierBlock block = { 0, dossier_text_length (text), DOSSIER_BLOCK_PARAGRAPH, 0 };

  doc->title = g_strdup (title);
  doc->format = g_strdup ("text");
  doc->text = g_strdup (text);
  doc->original = g_bytes_new (text, strlen (text));
  g_array_append_val (doc->blocks, block);

  return doc;
}

gint64
add_parsed_doc (DossierProject        *project,
                DossierParsedDocument *doc)
{
  g_autoptr(DossierParsedDocument) owned = doc;
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_project_add_document (project, owned, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
add_doc (DossierProject *project,
         const char     *title,
         const char     *text)
{
  return add_parsed_doc (project, make_doc (title, text));
}

gint64
add_tag (DossierProject *project,
         const char     *name,
         gint64          parent)
{
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_project_add_tag (project, name, parent, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

void
assert_project_sound (DossierProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  g_assert_true (dossier_project_check (project, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "");
}

DossierProject *
test_create_project (const char  *name,
                     const char  *title,
                     char       **dir,
                     char       **path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = test_make_tmp_dir (name);
  g_autofree char *file = g_strconcat (name, ".dossier", NULL);
  g_autofree char *full = g_build_filename (folder, file, NULL);
  DossierProject *project = dossier_project_create (full, title, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  *dir = g_steal_pointer (&folder);
  if (path != NULL)
    *path = g_steal_pointer (&full);

  return project;
}

void
test_finish_project (DossierProject **project,
                     char           **dir,
                     char           **path)
{
  if (*project != NULL)
    {
      assert_project_sound (*project);
      g_assert_finalize_object (g_steal_pointer (project));
    }
  if (*dir != NULL)
    remove_tree (*dir);
  g_clear_pointer (dir, g_free);
  if (path != NULL)
    g_clear_pointer (path, g_free);
}

void
test_project_set_up (TestProject   *fixture,
                     gconstpointer  data)
{
  fixture->project = test_create_project ("project", "Test", &fixture->dir, &fixture->path);
}

void
test_project_tear_down (TestProject   *fixture,
                        gconstpointer  data)
{
  test_finish_project (&fixture->project, &fixture->dir, &fixture->path);
}

void
flush_events (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

void
wait_until (TestCondition  condition,
            gpointer       data,
            const char    *what)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}
