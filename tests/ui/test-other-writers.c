/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-other-writers.c — the window and a project's file that others reach
 * too: under another name (a hard link), which opens read-only with a
 * banner saying why and what to do. Runs under with-display.sh (suite
 * "ui"). */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <dossier/dossier.h>

#include "dossier-window-private.h"
#include "ui-test-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  DossierWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = test_make_tmp_dir ("other-writers");
  f->path = g_build_filename (f->dir, "Ferries.dossier", NULL);
  test_make_project (f->path, "The ferry fare rises by a fifth in April.\n");

  f->window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_present (GTK_WINDOW (f->window));
  flush_events ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_toplevels (GTK_WINDOW (f->window));
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush_events ();
  g_assert_finalize_object (f->window);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

typedef struct
{
  GtkWindow        *parent;
  AdwMessageDialog *dialog;
} DialogWait;

static gboolean
dialog_shown (gpointer data)
{
  DialogWait *wait = data;

  wait->dialog = (AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG, wait->parent);
  return wait->dialog != NULL;
}

static gboolean
banner_shown (gpointer data)
{
  DossierWindow *window = data;

  return gtk_revealer_get_child_revealed (window->banner_revealer) &&
         gtk_widget_get_mapped (GTK_WIDGET (window->banner_label));
}

static gboolean
banner_hidden (gpointer data)
{
  DossierWindow *window = data;

  return !gtk_revealer_get_child_revealed (window->banner_revealer);
}

/* A project also under another name: opening it asks to open it
 * read-only, saying why; read-only, the banner says why and what to do,
 * until dismissed; another project opened without a second name has no
 * banner. */
static void
test_hard_link (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "Copy.dossier", NULL);
  g_autofree char *single = g_build_filename (f->dir, "Single.dossier", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (other);
  g_autoptr(GFile) single_file = g_file_new_for_path (single);
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  DialogWait wait = { GTK_WINDOW (f->window), NULL };
  DossierProject *project;
  const char *text;

  g_assert_cmpint (link (f->path, other), ==, 0);
  test_make_project (single, "The bridge opens in June.\n");

  dossier_window_open_project_interactive (f->window, file);
  wait_until (dialog_shown, &wait, "the dialog saying why it cannot be written");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (wait.dialog),
                            "is also on this disk under another name"));
  g_assert_true (adw_message_dialog_has_response (wait.dialog, "read-only"));
  adw_message_dialog_response (wait.dialog, "read-only");
  gtk_window_destroy (GTK_WINDOW (wait.dialog));
  flush_events ();

  project = dossier_window_get_project (f->window);
  g_assert_nonnull (project);
  g_assert_true (dossier_project_get_read_only (project));
  wait_until (banner_shown, f->window, "the banner");
  text = gtk_label_get_text (f->window->banner_label);
  g_assert_nonnull (strstr (text, "“Copy.dossier” is also on this disk under another name"));
  g_assert_nonnull (strstr (text, "copy the file and open the copy"));
  /* Read as it is on disk: nothing beside either name. */
  listed = test_list_dir (f->dir);
  g_assert_cmpstr (listed, ==, "Copy.dossier Ferries.dossier Single.dossier");

  /* Dismissed, it goes. */
  {
    GtkWidget *box = gtk_revealer_get_child (f->window->banner_revealer);
    GtkWidget *close = gtk_widget_get_last_child (box);

    g_assert_true (GTK_IS_BUTTON (close));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (close), ==, "Dismiss");
    g_signal_emit_by_name (close, "clicked");
  }
  wait_until (banner_hidden, f->window, "the banner gone");

  /* Opened again, it says so again; another project, not. */
  dossier_window_set_project (f->window, NULL);
  g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_ONLY, &error));
  g_assert_no_error (error);
  wait_until (banner_shown, f->window, "the banner again");
  g_assert_true (dossier_window_open_project (f->window, single_file, DOSSIER_OPEN_READ_WRITE,
                                              &error));
  g_assert_no_error (error);
  wait_until (banner_hidden, f->window, "no banner for a project of one name");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/dossier/other-writers/hard-link", Fixture, NULL,
              fixture_set_up, test_hard_link, fixture_tear_down);

  return g_test_run ();
}
