/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-shortcuts.c — the Keyboard Shortcuts window (Ctrl+?) against the
 * keys themselves, for the Pages, Compare and Briefing notes groups: each
 * group lists exactly these shortcuts with these accelerators, and each
 * accelerator listed, pressed where the title says (on the matrix, on a
 * heading, on a tag's name, on the Brief page) with the sample project
 * open, does what the title names — the action it is bound to, or what
 * the matrix does with the key. Shown, the window lays itself out without
 * a GTK warning, its groups in the file's order however many number keys
 * have a tag, no wider than a laptop's screen allows in English and in
 * Spanish ("--spanish", test-shortcuts-es) with no title cut, and its
 * search finds the number keys too. Runs under xvfb-run and
 * dbus-run-session (suite "ui"). */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-application.h"
#include "dossier-briefing-page.h"
#include "dossier-compare-page.h"
#include "dossier-export-dialog.h"
#include "dossier-filter-popover.h"
#include "dossier-matrix.h"
#include "dossier-name-dialog.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

typedef struct
{
  const char *title;
  const char *accelerator;
} Listed;

/* ---- The shortcuts window ------------------------------------------------------ */

/* "title\taccelerator" of each shortcut under @widget, in order. */
static void
collect_listed (GtkWidget *widget,
                GPtrArray *out)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "title", &title, "accelerator", &accelerator, NULL);
      g_ptr_array_add (out, g_strdup_printf ("%s\t%s", title, accelerator));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_listed (child, out);
}

/* The group @title of the shortcuts window lists @expected, no more, no
 * less, in this order. */
static void
assert_group_lists (GtkWidget    *shortcuts,
                    const char   *title,
                    const Listed *expected,
                    guint         n_expected)
{
  GtkWidget *group = find_shortcuts_group (shortcuts, title);
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);

  if (group == NULL)
    g_error ("the shortcuts window has no group “%s”", title);
  collect_listed (group, listed);
  for (guint i = 0; i < MAX (listed->len, n_expected); i++)
    {
      g_autofree char *want = i < n_expected ? g_strdup_printf ("%s\t%s", expected[i].title,
                                                                expected[i].accelerator)
                                             : NULL;
      const char *got = i < listed->len ? g_ptr_array_index (listed, i) : NULL;

      if (g_strcmp0 (want, got) != 0)
        g_error ("“%s”, shortcut %u: listed “%s”, expected “%s”", title, i, got, want);
    }
}

static const Listed pages[] = {
  { "Read the documents", "<Alt>1" },
  { "Compare the documents", "<Alt>2" },
  { "Write the briefing note", "<Alt>3" },
};

static const Listed compare[] = {
  { "Filter its rows (on the Compare page)", "<Control>f" },
  { "Sort the rows by the document (on its heading)", "space" },
  { "Show or hide a tag’s sub-tags", "plus minus" },
  { "Show its sub-tags, or go to its first cell (on a tag’s name)", "Right" },
  { "Hide its sub-tags, or go to its parent (on a tag’s name)", "Left" },
  { "Go on to the passages", "Return" },
};

static const Listed briefing[] = {
  { "Print the note (on the Brief page)", "<Control>p" },
  { "Rename the note (on the Brief page)", "F2" },
  { "Export the note (on the Brief page)", "<Control>e" },
  { "Cite a highlight at the cursor (on the Brief page)", "<Control>k" },
  { "Leave the note’s text, where Tab types a tab", "<Control>Tab <Shift><Control>Tab" },
};

static void
test_listed (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/dossier/Dossier/help-overlay.ui");
  GtkWidget *shortcuts = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts));
  assert_group_lists (shortcuts, "Pages", pages, G_N_ELEMENTS (pages));
  assert_group_lists (shortcuts, "Compare (on the matrix)", compare, G_N_ELEMENTS (compare));
  assert_group_lists (shortcuts, "Briefing notes", briefing, G_N_ELEMENTS (briefing));
  gtk_window_destroy (GTK_WINDOW (shortcuts));
}

/* ---- The window shown --------------------------------------------------------- */

static gboolean
overlay_painted (gpointer data)
{
  GtkWidget *overlay = data;

  return gtk_widget_get_mapped (overlay) && gtk_widget_get_width (overlay) > 0;
}

/* The shortcuts window of @window as Ctrl+? would show it (made when
 * asked for). */
static GtkWidget *
built_overlay (DossierWindow *window)
{
  GtkShortcutsWindow *overlay = _dossier_window_update_help_overlay (window);

  g_assert_nonnull (overlay);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  return GTK_WIDGET (overlay);
}

/* Shows @overlay, the shortcuts window of @window, as Ctrl+? does. */
static void
show_overlay (DossierWindow *window,
              GtkWidget     *overlay)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  wait_until (overlay_painted, overlay, "the shortcuts window shown");
}

/* Shown with the application's style, the window lays itself out without a
 * warning (warnings are fatal in tests). Its sections have several pages,
 * so a page switcher of round buttons "1", "2", "3": GTK 4.8's theme gives
 * their labels margins of -6 px and, for round buttons, no padding to make
 * up for them, and each 9 px label reported a width of -3 px. */
static void
test_shown_without_warnings (void)
{
  g_autofree char *dir = test_make_tmp_dir ("shortcuts-shown");
  g_autofree char *path = copy_sample_project (dir, "Sample.dossier");
  g_autoptr(GtkCssProvider) style = load_application_style ();
  DossierWindow *window = open_reader_window (path, DOSSIER_OPEN_READ_WRITE, 1280);
  GtkShortcutsWindow *overlay = NULL;

  overlay = GTK_SHORTCUTS_WINDOW (built_overlay (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  wait_until (overlay_painted, overlay, "the shortcuts window shown");
  flush_events ();

  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  flush_events ();
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
  finish_reader_window (&window, &dir, NULL);
}

typedef struct
{
  DossierWindow *window;
  char          *accelerator;
  char          *title;
} KeyListed;

/* The shortcuts window now set lists @accelerator as @title. */
static gboolean
key_listed (gpointer data)
{
  KeyListed *k = data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (k->window));

  return overlay != NULL && find_shortcut (GTK_WIDGET (overlay), k->accelerator, k->title) != NULL;
}

/* The number keys change again and again, with the shortcuts window shown
 * (it is made again once closed, or as it is shown again) and hidden (left
 * as it is, made again when next asked for, the old one destroyed): each
 * time, the window Ctrl+? shows lists the tag on its new key, and no old
 * window, group or shortcut is used once gone (under ASan). */
static void
test_rebuilt_while_shown_and_hidden (void)
{
  g_autofree char *dir = test_make_tmp_dir ("shortcuts-rebuilt");
  g_autofree char *path = copy_sample_project (dir, "Sample.dossier");
  g_autoptr(GtkCssProvider) style = load_application_style ();
  DossierWindow *window = open_reader_window (path, DOSSIER_OPEN_READ_WRITE, 1280);
  DossierProject *project = dossier_window_get_project (window);
  gint64 tag_id = dossier_project_get_key_tag (project, 1);

  g_assert_cmpint (tag_id, !=, 0);
  built_overlay (window);
  for (guint round = 0; round < 3 * DOSSIER_N_TAG_KEYS; round++)
    {
      GtkWidget *overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
      g_autofree char *name = g_strdup_printf ("Round %u", round);
      g_autoptr(GError) error = NULL;
      gboolean shown = round % 3 != 0;
      KeyListed k = { window, g_strdup_printf ("%u", 1 + round % DOSSIER_N_TAG_KEYS),
                      g_strdup_printf ("Tag the selection “%s”", name) };

      if (shown)
        {
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
          wait_until (overlay_painted, overlay, "the shortcuts window shown");
        }
      g_assert_true (dossier_project_set_tag_key (project, tag_id, 1 + (int) (round % DOSSIER_N_TAG_KEYS), &error));
      g_assert_no_error (error);
      flush_events ();
      g_assert_true (dossier_project_rename_tag (project, tag_id, name, &error));
      g_assert_no_error (error);
      flush_events ();
      /* Shown, it waits to be closed: the old list. */
      if (shown)
        {
          g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) ==
                         GTK_SHORTCUTS_WINDOW (overlay));
          gtk_window_close (GTK_WINDOW (overlay));
          /* Every third round, shown again before the idle made it anew:
           * made anew as it shows, the new list at once. */
          if (round % 3 == 2)
            {
              g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
              overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
              g_assert_true (key_listed (&k));
              wait_until (overlay_painted, overlay, "the shortcuts window shown again");
              gtk_window_close (GTK_WINDOW (overlay));
            }
          /* Closed: made again at once. */
          wait_until (key_listed, &k, "the tag listed on its new key once closed");
        }
      else
        {
          /* Hidden: not made again unasked… */
          g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) ==
                         GTK_SHORTCUTS_WINDOW (overlay));
          g_assert_false (key_listed (&k));
          /* …but when asked for. */
          built_overlay (window);
          g_assert_true (key_listed (&k));
        }
      g_free (k.accelerator);
      g_free (k.title);
    }

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
  finish_reader_window (&window, &dir, NULL);
}

/* Made when asked for, not on every open: opening a project and changing
 * its keys make none (the window made one, 1,300 widgets, in an idle after
 * each), and Ctrl+? makes it for the keys of the moment. Hidden, it is left
 * as it is when the keys change, and made again when next asked for. (That
 * GtkApplication makes none as a window joins it: shown-before-idle.) */
static void
test_made_when_asked (void)
{
  g_autofree char *dir = test_make_tmp_dir ("shortcuts-asked");
  g_autofree char *path = copy_sample_project (dir, "Sample.dossier");
  g_autoptr(GtkCssProvider) style = load_application_style ();
  DossierWindow *window = open_reader_window (path, DOSSIER_OPEN_READ_WRITE, 1280);
  DossierProject *project = dossier_window_get_project (window);
  g_autoptr(GError) error = NULL;
  gint64 tag_id = dossier_project_get_key_tag (project, 1);
  GtkWidget *overlay;

  g_assert_cmpint (tag_id, !=, 0);
  g_assert_true (dossier_project_rename_tag (project, tag_id, "Renamed", &error));
  g_assert_no_error (error);
  flush_events ();
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  /* Asked for: the keys of the moment. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (overlay);
  g_assert_nonnull (find_shortcut (overlay, "1", "Tag the selection “Renamed”"));
  wait_until (overlay_painted, overlay, "the shortcuts window shown");
  gtk_window_close (GTK_WINDOW (overlay));
  flush_events ();

  /* Hidden as the key changes: left as it is until asked for again. */
  g_assert_true (dossier_project_rename_tag (project, tag_id, "Again", &error));
  g_assert_no_error (error);
  flush_events ();
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) ==
                 GTK_SHORTCUTS_WINDOW (overlay));
  g_assert_nonnull (find_shortcut (overlay, "1", "Tag the selection “Renamed”"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (find_shortcut (overlay, "1", "Tag the selection “Again”"));
  wait_until (overlay_painted, overlay, "the shortcuts window shown again");
  gtk_window_close (GTK_WINDOW (overlay));
  flush_events ();

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
  finish_reader_window (&window, &dir, NULL);
}

/* ---- Its order, its search and its width ------------------------------------------ */

/* The groups in the order help-overlay.ui gives them, the codebook's keys
 * after Tagging. */
static const char *const group_order[] = {
  "Projects", "Sidebars", "Pages", "Documents", "Tagging", "Codebook Keys",
  "Codebook (on a focused tag)", "Stakeholders (on a focused stakeholder)",
  "Pros and Cons (on a focused argument)", "Undo", "Reading and Searching",
  "Compare (on the matrix)", "Briefing notes",
};

/* Run with --spanish: the window in Spanish (the width test only). */
static gboolean spanish;

/* The shortcuts window of @window once it is no longer @old. */
typedef struct
{
  DossierWindow *window;
  gpointer       old;
} OverlayRebuilt;

static gboolean
overlay_rebuilt (gpointer data)
{
  OverlayRebuilt *r = data;
  gpointer overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (r->window));

  return overlay != NULL && overlay != r->old;
}

/* The groups of the window's section, page by page and column by column
 * as GTK lays them out (shown or not), are in help-overlay.ui's order; the
 * codebook's keys among them if @keys. */
static void
assert_group_order (GtkWidget *overlay,
                    gboolean   keys)
{
  GtkWidget *section = find_descendant (overlay, GTK_TYPE_SHORTCUTS_SECTION);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GString) order = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);

  collect_descendants (section, GTK_TYPE_SHORTCUTS_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      g_autofree char *title = NULL;

      g_object_get (g_ptr_array_index (groups, i), "title", &title, NULL);
      if (gtk_widget_get_visible (g_ptr_array_index (groups, i)))
        g_string_append_printf (order, "%s; ", title);
    }
  for (guint i = 0; i < G_N_ELEMENTS (group_order); i++)
    if (keys || strcmp (group_order[i], "Codebook Keys") != 0)
      g_string_append_printf (expected, "%s; ", group_order[i]);
  g_assert_cmpstr (order->str, ==, expected->str);
}

/* The tag on the first number key that has one, or 0. */
static gint64
first_key_tag (DossierProject *project)
{
  for (guint key = 1; key <= DOSSIER_N_TAG_KEYS; key++)
    if (dossier_project_get_key_tag (project, key) != 0)
      return dossier_project_get_key_tag (project, key);
  return 0;
}

/* The groups keep their order, shown or not, and as the number keys change
 * and the window is made again (GTK 4.8 laid them out anew at each group
 * added, taking its pages back to front: the order depended on how many
 * pages there were, so on how many keys had a tag). */
static void
test_group_order (void)
{
  g_autofree char *dir = test_make_tmp_dir ("shortcuts-order");
  g_autofree char *path = copy_sample_project (dir, "Sample.dossier");
  g_autoptr(GtkCssProvider) style = load_application_style ();
  DossierWindow *window = open_reader_window (path, DOSSIER_OPEN_READ_WRITE, 1280);
  DossierProject *project = dossier_window_get_project (window);
  GtkWidget *overlay;
  gint64 tag_id;

  overlay = built_overlay (window);
  assert_group_order (overlay, TRUE);
  show_overlay (window, overlay);
  assert_group_order (overlay, TRUE);
  gtk_window_close (GTK_WINDOW (overlay));
  flush_events ();

  /* One key fewer each time, to none: one group shorter each time. */
  while ((tag_id = first_key_tag (project)) != 0)
    {
      g_autoptr(GError) error = NULL;
      OverlayRebuilt r = { window, gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) };

      g_assert_true (dossier_project_set_tag_key (project, tag_id, DOSSIER_TAG_KEY_NONE, &error));
      g_assert_no_error (error);
      overlay = built_overlay (window);
      g_assert_true (overlay_rebuilt (&r));
      assert_group_order (overlay, first_key_tag (project) != 0);
    }

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
  finish_reader_window (&window, &dir, NULL);
}

/* The search's result listing the shortcut titled @title, shown. */
static GtkWidget *
find_search_result (GtkWidget  *overlay,
                    const char *title)
{
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();

  collect_descendants (overlay, GTK_TYPE_SHORTCUTS_SHORTCUT, shortcuts);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkWidget *shortcut = g_ptr_array_index (shortcuts, i);
      g_autofree char *listed = NULL;

      g_object_get (shortcut, "title", &listed, NULL);
      if (g_strcmp0 (listed, title) == 0 && gtk_widget_get_mapped (shortcut) &&
          gtk_widget_get_ancestor (shortcut, GTK_TYPE_SHORTCUTS_SECTION) == NULL)
        return shortcut;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *overlay;
  const char *title;
} SearchResult;

static gboolean
search_shows (gpointer data)
{
  SearchResult *r = data;

  return find_search_result (r->overlay, r->title) != NULL;
}

/* Searching the window for a codebook key's title finds it, as it finds
 * the shortcuts of the file's own groups (the group was added after the
 * window had read its section for the search, and never found). */
static void
test_search_finds_codebook_keys (void)
{
  g_autofree char *dir = test_make_tmp_dir ("shortcuts-search");
  g_autofree char *path = copy_sample_project (dir, "Sample.dossier");
  g_autoptr(GtkCssProvider) style = load_application_style ();
  DossierWindow *window = open_reader_window (path, DOSSIER_OPEN_READ_WRITE, 1280);
  DossierProject *project = dossier_window_get_project (window);
  DossierTag *tag = dossier_project_get_tag (project, dossier_project_get_key_tag (project, 1));
  g_autofree char *title = g_strdup_printf ("Tag the selection “%s”", dossier_tag_get_name (tag));
  GtkWidget *overlay, *entry;

  overlay = built_overlay (window);
  show_overlay (window, overlay);
  entry = find_descendant (overlay, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);

  /* A shortcut of the file's, then the codebook's key, by its tag's name. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "import articles");
  wait_until (search_shows, &(SearchResult) { overlay, "Import articles" }, "a shortcut of the file's found");
  gtk_editable_set_text (GTK_EDITABLE (entry), dossier_tag_get_name (tag));
  wait_until (search_shows, &(SearchResult) { overlay, title }, "the codebook's key found");
  g_assert_null (find_search_result (overlay, "Import articles"));

  gtk_window_close (GTK_WINDOW (overlay));
  flush_events ();
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
  finish_reader_window (&window, &dir, NULL);
}

/* Less than a 1,366 × 768 px laptop's screen, with room around the
 * window, and a top bar of 32 px. */
#define LAPTOP_WIDTH 1024
#define LAPTOP_HEIGHT (768 - 32)

/* Each label shown under @widget has the width it needs at the least, the
 * height it needs at that width, and lies inside @overlay: none is cut. */
static void
assert_labels_whole (GtkWidget *widget,
                     GtkWidget *overlay)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      int width = gtk_widget_get_width (widget);
      int height = gtk_widget_get_height (widget);
      GtkStyleContext *style = gtk_widget_get_style_context (widget);
      int min_width, min_height, box_width, box_height;
      graphene_rect_t bounds;
      GtkBorder margin, border, padding;

      /* A measure includes the CSS margin, border and padding (a key's
       * label has some), the width and height do not. */
      gtk_style_context_get_margin (style, &margin);
      gtk_style_context_get_border (style, &border);
      gtk_style_context_get_padding (style, &padding);
      box_width = margin.left + margin.right + border.left + border.right + padding.left + padding.right;
      box_height = margin.top + margin.bottom + border.top + border.bottom + padding.top + padding.bottom;
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width + box_width, &min_height, NULL, NULL, NULL);
      min_width -= box_width;
      min_height -= box_height;
      g_assert_true (gtk_widget_compute_bounds (widget, overlay, &bounds));
      if (width < min_width || height < min_height ||
          bounds.origin.x + bounds.size.width > gtk_widget_get_width (overlay))
        g_error ("“%s” is cut: %d × %d px of %d × %d, its right at %.0f of %d",
                 gtk_label_get_text (GTK_LABEL (widget)), width, height, min_width, min_height,
                 bounds.origin.x + bounds.size.width, gtk_widget_get_width (overlay));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_labels_whole (child, overlay);
}

static gboolean
page_laid_out (gpointer page)
{
  return gtk_widget_get_mapped (page) && gtk_widget_get_width (page) > 0;
}

/* The window is no wider than LAPTOP_WIDTH, in English and in Spanish
 * (--spanish), and every page of it shows each title whole. Its longest
 * titles on one line made it ~1,280 px wide in English, over 1,500 px in
 * Spanish. */
static void
test_fits_laptop (void)
{
  g_autofree char *dir = test_make_tmp_dir ("shortcuts-width");
  g_autofree char *path = copy_sample_project (dir, "Sample.dossier");
  g_autoptr(GtkCssProvider) style = load_application_style ();
  DossierWindow *window = open_reader_window (path, DOSSIER_OPEN_READ_WRITE, 1280);
  GtkWidget *overlay, *stack;
  int natural, frame;
  guint n_pages = 0;

  overlay = built_overlay (window);
  g_assert_nonnull (find_shortcuts_group (overlay, spanish ? "Proyectos" : "Projects"));
  show_overlay (window, overlay);
  flush_events ();

  /* A window's measure includes its frame (on X11 without a compositor,
   * the border to resize it by), outside its widget's width. */
  frame = gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (overlay))) - gtk_widget_get_width (overlay);
  gtk_widget_measure (overlay, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_test_message ("natural width %d, width %d, height %d, frame %d", natural - frame, gtk_widget_get_width (overlay),
                  gtk_widget_get_height (overlay), frame);
  g_assert_cmpint (natural - frame, <=, LAPTOP_WIDTH);
  g_assert_cmpint (gtk_widget_get_width (overlay), <=, LAPTOP_WIDTH);
  g_assert_cmpint (gtk_widget_get_height (overlay), <=, LAPTOP_HEIGHT);

  stack = find_descendant (find_descendant (overlay, GTK_TYPE_SHORTCUTS_SECTION), GTK_TYPE_STACK);
  for (GtkWidget *page = gtk_widget_get_first_child (stack); page != NULL;
       page = gtk_widget_get_next_sibling (page), n_pages++)
    {
      gtk_stack_set_transition_type (GTK_STACK (stack), GTK_STACK_TRANSITION_TYPE_NONE);
      gtk_stack_set_visible_child (GTK_STACK (stack), page);
      wait_until (page_laid_out, page, "the page shown");
      flush_events ();
      assert_labels_whole (page, overlay);
    }
  g_assert_cmpuint (n_pages, >, 1);

  gtk_window_close (GTK_WINDOW (overlay));
  flush_events ();
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
  finish_reader_window (&window, &dir, NULL);
}

/* The pages of @overlay's section, as GTK has laid them out. */
static guint
count_pages (GtkWidget *overlay)
{
  GtkWidget *stack = find_descendant (find_descendant (overlay, GTK_TYPE_SHORTCUTS_SECTION), GTK_TYPE_STACK);
  guint n = 0;

  for (GtkWidget *page = gtk_widget_get_first_child (stack); page != NULL; page = gtk_widget_get_next_sibling (page))
    n++;
  return n;
}

/* Ctrl+? at once, before the window's first idle, in the application as
 * the program runs it: the window shown is the one made for the keys of
 * the moment, in pages and columns, with no project (no "Codebook Keys"
 * group) and with the sample just opened (its keys listed). Before, it
 * was GtkApplication's own, made from help-overlay.ui as the window
 * joined the application: one page and an empty "Codebook Keys" group;
 * after a project opened, until the idle, the keys of none. (Now
 * GtkApplication makes none, and the window makes it when asked for.) */
static void
test_shown_before_idle (void)
{
  g_autofree char *dir = test_make_tmp_dir ("shortcuts-early");
  g_autofree char *path = copy_sample_project (dir, "Sample.dossier");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtkCssProvider) style = load_application_style ();
  g_autoptr(DossierApplication) app = dossier_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DossierWindow *window;
  DossierProject *project;
  GtkWidget *overlay;
  DossierTag *tag;

  g_application_set_flags (G_APPLICATION (app), g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = g_object_ref_sink (dossier_window_new (GTK_APPLICATION (app)));
  gtk_window_present (GTK_WINDOW (window));

  /* Ctrl+? is the application's key for it, and GtkApplication made no
   * window of its own as this one joined it. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  "win.show-help-overlay");

    g_assert_cmpuint (g_strv_length (accels), ==, 1);
    g_assert_cmpstr (accels[0], ==, "<Control>question");
    g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  }

  /* No project. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  wait_until (overlay_painted, overlay, "the shortcuts window shown");
  assert_group_order (overlay, FALSE);
  g_assert_cmpuint (count_pages (overlay), >, 1);
  gtk_window_close (GTK_WINDOW (overlay));
  flush_events ();

  /* The sample opened, the main loop not run since. */
  g_assert_true (dossier_window_open_project (window, file, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
  project = dossier_window_get_project (window);
  tag = dossier_project_get_tag (project, dossier_project_get_key_tag (project, 1));
  g_assert_nonnull (tag);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (overlay));
  title = g_strdup_printf ("Tag the selection “%s”", dossier_tag_get_name (tag));
  g_assert_nonnull (find_shortcut (overlay, "1", title));
  wait_until (overlay_painted, overlay, "the shortcuts window shown");
  assert_group_order (overlay, TRUE);
  g_assert_cmpuint (count_pages (overlay), >, 1);
  gtk_window_close (GTK_WINDOW (overlay));
  flush_events ();

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
  finish_reader_window (&window, &dir, NULL);
}

/* ---- Pressing what is listed ---------------------------------------------------- */

typedef struct
{
  char          *dir;
  DossierWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = test_make_tmp_dir ("shortcuts");
  path = copy_sample_project (f->dir, "Sample.dossier");
  f->window = open_reader_window (path, DOSSIER_OPEN_READ_WRITE, 1280);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  finish_reader_window (&f->window, &f->dir, NULL);
}

/* The name of the action @shortcut runs ("callback" for a callback). */
static const char *
action_name (GtkShortcut *shortcut)
{
  GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

  return GTK_IS_NAMED_ACTION (action) ? gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))
                                      : "callback";
}

typedef struct
{
  GtkWidget *widget;       /* what took the key */
  char      *action;       /* the action its shortcut names; NULL for a key controller */
} Pressed;

static void
pressed_clear (Pressed *p)
{
  g_clear_pointer (&p->action, g_free);
  p->widget = NULL;
}

/* Presses @accelerator as GTK delivers a key to the focus of @window:
 * the focus widget, then each widget it is in, each by its key
 * controllers and then its shortcut controllers. Fails the test when
 * nothing takes it. */
static Pressed
press (DossierWindow *window,
       const char    *accelerator)
{
  guint keyval = 0;
  GdkModifierType mods = 0;
  Pressed p = { NULL, NULL };

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &mods));
  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window)); w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GtkShortcut) shortcut = NULL;

      if (press_key_on (w, keyval, mods))
        p.widget = w;
      else if ((shortcut = find_shortcut_on (w, keyval, mods)) != NULL &&
               gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, w,
                                             gtk_shortcut_get_arguments (shortcut)))
        {
          p.widget = w;
          p.action = g_strdup (action_name (shortcut));
        }
      if (p.widget != NULL)
        {
          flush_events ();
          return p;
        }
    }
  g_error ("nothing took %s", accelerator);
  return p;
}

/* Presses @accelerator and asserts the shortcut that took it names
 * @action. */
static void
press_expecting_action (DossierWindow *window,
                        const char    *accelerator,
                        const char    *action)
{
  Pressed p = press (window, accelerator);

  g_assert_cmpstr (p.action, ==, action);
  pressed_clear (&p);
}

/* Presses @accelerator and asserts a key controller of @widget took it. */
static void
press_on_widget (DossierWindow *window,
                 GtkWidget     *widget,
                 const char    *accelerator)
{
  Pressed p = press (window, accelerator);

  g_assert_true (p.widget == widget);
  g_assert_null (p.action);
  pressed_clear (&p);
}

/* The page the window's centre shows. */
static GtkWidget *
page_shown (DossierWindow *window)
{
  return adw_view_stack_get_visible_child (window->page_stack);
}

/* The row of the comparison labelled @label (asserts there is one). */
static int
row_labelled (DossierMatrix *matrix,
              const char    *label)
{
  DossierComparison *c = dossier_matrix_get_comparison (matrix);

  for (guint r = 0; r < dossier_comparison_get_n_rows (c); r++)
    if (g_strcmp0 (dossier_comparison_get_row_label (c, r), label) == 0)
      return (int) r;
  g_error ("no row “%s” in the matrix", label);
  return -1;
}

static void
assert_selected (DossierMatrix *matrix,
                 int            row,
                 int            column)
{
  int r, c;

  dossier_matrix_get_selection (matrix, &r, &c);
  g_assert_cmpint (r, ==, row);
  g_assert_cmpint (c, ==, column);
}

/* Pages: Alt+1, Alt+2 and Alt+3 bring Read, Compare and Brief to the front
 * from wherever the focus is. */
static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  press_expecting_action (f->window, "<Alt>2", "win.show-page");
  g_assert_true (page_shown (f->window) == f->window->compare_page);
  press_expecting_action (f->window, "<Alt>3", "win.show-page");
  g_assert_true (page_shown (f->window) == f->window->briefing_page);
  press_expecting_action (f->window, "<Alt>1", "win.show-page");
  g_assert_true (page_shown (f->window) == GTK_WIDGET (f->window->reader_page));
}

/* Compare: every key of the group, on the matrix of the sample's three
 * documents, where its title says. */
static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  DossierComparePage *page = DOSSIER_COMPARE_PAGE (f->window->compare_page);
  DossierMatrix *matrix;
  const DossierCompareArrangement *a;
  DossierComparison *c;
  GtkWidget *focus;
  gint64 plan_id, second;
  int plan, design;

  press_expecting_action (f->window, "<Alt>2", "win.show-page");
  matrix = DOSSIER_MATRIX (dossier_compare_page_get_matrix (page));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (matrix)));
  c = dossier_matrix_get_comparison (matrix);
  g_assert_nonnull (c);
  g_assert_cmpuint (dossier_comparison_get_n_documents (c), ==, 3);

  /* Ctrl+F: the focus goes to the filter of the rows. */
  press_expecting_action (f->window, "<Control>f", "compare.find");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_TEXT (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (page)));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  gtk_widget_grab_focus (GTK_WIDGET (matrix));

  /* Space on a document's heading sorts the rows by it (the matrix
   * shows a comparison arranged anew: @c is looked up again after). */
  second = dossier_comparison_get_document_id (c, 1);
  dossier_matrix_select (matrix, -1, 1);
  press_on_widget (f->window, GTK_WIDGET (matrix), "space");
  a = dossier_matrix_get_arrangement (matrix);
  g_assert_cmpint (a->row_sort, ==, DOSSIER_COMPARE_SORT_DOCUMENT);
  g_assert_cmpint (a->row_sort_document, ==, second);
  dossier_matrix_sort_rows (matrix, DOSSIER_COMPARE_SORT_ORDER, 0, FALSE);
  c = dossier_matrix_get_comparison (matrix);

  /* + and − on a tag with sub-tags show and hide them. */
  plan = row_labelled (matrix, "The plan");
  plan_id = dossier_comparison_get_row_id (c, plan);
  g_assert_cmpuint (dossier_comparison_get_row_n_below (c, plan), >, 0);
  dossier_matrix_select (matrix, plan, 0);
  press_on_widget (f->window, GTK_WIDGET (matrix), "minus");
  g_assert_false (dossier_matrix_get_row_expanded (matrix, plan_id));
  press_on_widget (f->window, GTK_WIDGET (matrix), "plus");
  g_assert_true (dossier_matrix_get_row_expanded (matrix, plan_id));

  /* Left on its name hides them; Right shows them, then goes to its
   * first cell. */
  plan = row_labelled (matrix, "The plan");
  dossier_matrix_select (matrix, plan, -1);
  press_on_widget (f->window, GTK_WIDGET (matrix), "Left");
  g_assert_false (dossier_matrix_get_row_expanded (matrix, plan_id));
  press_on_widget (f->window, GTK_WIDGET (matrix), "Right");
  g_assert_true (dossier_matrix_get_row_expanded (matrix, plan_id));
  assert_selected (matrix, row_labelled (matrix, "The plan"), -1);
  press_on_widget (f->window, GTK_WIDGET (matrix), "Right");
  assert_selected (matrix, row_labelled (matrix, "The plan"), 0);

  /* Left on a sub-tag's name goes to its parent. */
  design = row_labelled (matrix, "Design");
  dossier_matrix_select (matrix, design, -1);
  press_on_widget (f->window, GTK_WIDGET (matrix), "Left");
  assert_selected (matrix, row_labelled (matrix, "The plan"), -1);

  /* Return on a cell goes on to its passages: the first takes the focus. */
  c = dossier_matrix_get_comparison (matrix);
  for (guint r = 0; r < dossier_comparison_get_n_rows (c); r++)
    if (dossier_comparison_get_value (c, r, 0) > 0)
      {
        dossier_matrix_select (matrix, (int) r, 0);
        break;
      }
  flush_events ();
  press_on_widget (f->window, GTK_WIDGET (matrix), "Return");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (page)));
}

/* The Brief page's Cite button (its label "_Cite"). */
static GtkMenuButton *
cite_button (DossierBriefingPage *page)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_descendants (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_menu_button_get_label (g_ptr_array_index (buttons, i)), "_Cite") == 0)
      return g_ptr_array_index (buttons, i);
  g_error ("the Brief page has no Cite button");
  return NULL;
}

/* Ctrl+K in the note's text: the Cite picker, its search entry focused;
 * Escape goes back to the text, Enter on a highlight found cites it at
 * the caret, the focus back in the text — the editor takes Tab as a tab,
 * and the Cite button was four Shift+Tabs away. */
static void
assert_cite_key (DossierWindow       *window,
                 DossierBriefingPage *page)
{
  GtkTextView *editor = dossier_briefing_page_get_editor (page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (editor);
  GtkMenuButton *button = cite_button (page);
  GtkPopover *picker = gtk_menu_button_get_popover (button);
  DossierHighlight *cited;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, caret, end;
  GtkWidget *focus;

  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), "(Ctrl+K)"));

  /* The caret at the end of the note's first line. */
  gtk_widget_grab_focus (GTK_WIDGET (editor));
  gtk_text_buffer_get_iter_at_line (buffer, &caret, 0);
  gtk_text_iter_forward_to_line_end (&caret);
  gtk_text_buffer_place_cursor (buffer, &caret);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  before = gtk_text_buffer_get_text (buffer, &start, &caret, TRUE);
  after = gtk_text_buffer_get_text (buffer, &caret, &end, TRUE);

  /* Escape closes it, the focus back in the text, the caret where it was. */
  press_expecting_action (window, "<Control>k", "briefing.choose-citation");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker)));
  {
    Pressed p = press (window, "Escape");

    pressed_clear (&p);
  }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (editor)));

  press_expecting_action (window, "<Control>k", "briefing.choose-citation");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker)));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (dossier_filter_popover_get_entry (DOSSIER_FILTER_POPOVER (picker)))
                 || gtk_widget_is_ancestor (focus, GTK_WIDGET (dossier_filter_popover_get_entry (
                                                                 DOSSIER_FILTER_POPOVER (picker)))));

  g_assert_cmpuint (g_list_model_get_n_items (dossier_filter_popover_get_matches (DOSSIER_FILTER_POPOVER (picker))),
                    >, 0);
  /* Enter cites the highlighted match: the first, unless the pointer
   * rests where the list opened (its rows are selected on hover, and the
   * UI tests share one X server, whose pointer another test may have
   * left there). */
  cited = dossier_filter_popover_get_highlighted (DOSSIER_FILTER_POPOVER (picker));
  g_assert_nonnull (cited);
  expected = g_strdup_printf ("%s[@%s]%s", before, dossier_highlight_get_uuid (cited), after);
  g_signal_emit_by_name (dossier_filter_popover_get_entry (DOSSIER_FILTER_POPOVER (picker)), "activate");
  flush_events ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (text, ==, expected);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (editor)));
}

/* Briefing notes: on the Brief page, with the sample's note. */
static void
test_briefing (Fixture       *f,
               gconstpointer  data)
{
  DossierBriefingPage *page = DOSSIER_BRIEFING_PAGE (f->window->briefing_page);
  GtkWindow *dialog;
  gint64 note;

  press_expecting_action (f->window, "<Alt>3", "win.show-page");
  note = dossier_briefing_page_get_briefing_id (page);
  g_assert_cmpint (note, >, 0);
  gtk_widget_grab_focus (GTK_WIDGET (dossier_briefing_page_get_editor (page)));

  /* Ctrl+P: the first shortcut on the way from the note's text up to the
   * window is the page's print action (looked up, not run: it would
   * open the print dialog). */
  {
    g_autoptr(GtkShortcut) shortcut = NULL;

    for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (f->window)); w != NULL && shortcut == NULL;
         w = gtk_widget_get_parent (w))
      shortcut = find_shortcut_on (w, GDK_KEY_p, GDK_CONTROL_MASK);
    g_assert_nonnull (shortcut);
    g_assert_cmpstr (action_name (shortcut), ==, "briefing.print");
  }

  assert_cite_key (f->window, page);

  /* F2 asks for the note's new title. */
  press_expecting_action (f->window, "F2", "briefing.rename");
  dialog = find_toplevel (DOSSIER_TYPE_NAME_DIALOG, GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  flush_events ();

  /* Ctrl+E exports the note on show. */
  gtk_widget_grab_focus (GTK_WIDGET (dossier_briefing_page_get_editor (page)));
  press_expecting_action (f->window, "<Control>e", "win.export");
  dialog = find_toplevel (DOSSIER_TYPE_EXPORT_DIALOG, GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  g_assert_cmpint (dossier_export_dialog_get_briefing_id (DOSSIER_EXPORT_DIALOG (dialog)), ==, note);
  gtk_window_destroy (dialog);
  flush_events ();

  /* Ctrl+Tab and Shift+Ctrl+Tab take the focus out of the note's text
   * (GTK's keys for a text view, where Tab types a tab). */
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *editor = GTK_WIDGET (dossier_briefing_page_get_editor (page));

      gtk_widget_grab_focus (editor);
      g_assert_nonnull (press_key (f->window, GDK_KEY_Tab, i == 0 ? GDK_CONTROL_MASK
                                                                  : GDK_CONTROL_MASK | GDK_SHIFT_MASK));
      g_assert_false (gtk_widget_has_focus (editor));
      g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (f->window)));
    }
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--spanish"))
      spanish = TRUE;
  if (spanish)
    test_use_spanish ();
  gtk_test_init (&argc, &argv, NULL);
  if (spanish)
    test_bind_spanish ();
  adw_init ();

  g_test_add_func ("/dossier/shortcuts/listed", test_listed);
  g_test_add_func ("/dossier/shortcuts/shown-without-warnings", test_shown_without_warnings);
  g_test_add_func ("/dossier/shortcuts/rebuilt-while-shown-and-hidden", test_rebuilt_while_shown_and_hidden);
  g_test_add_func ("/dossier/shortcuts/group-order", test_group_order);
  g_test_add_func ("/dossier/shortcuts/search-finds-codebook-keys", test_search_finds_codebook_keys);
  g_test_add_func ("/dossier/shortcuts/fits-laptop", test_fits_laptop);
  g_test_add_func ("/dossier/shortcuts/shown-before-idle", test_shown_before_idle);
  g_test_add_func ("/dossier/shortcuts/made-when-asked", test_made_when_asked);
  g_test_add ("/dossier/shortcuts/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/dossier/shortcuts/compare", Fixture, NULL, fixture_set_up, test_compare, fixture_tear_down);
  g_test_add ("/dossier/shortcuts/briefing", Fixture, NULL, fixture_set_up, test_briefing, fixture_tear_down);

  return g_test_run ();
}
