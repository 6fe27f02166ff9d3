/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dialog-widths.c — every dialog the window opens fits a phone's
 * screen: with the sample project in a window 360 px wide and the
 * application's style sheet loaded, each dialog, opened the way its menu
 * opens it, asks for no more than 360 px and gets no more (on a phone a
 * dialog is as wide as the screen, and a wider one is cut off). Run twice
 * by meson: in English, and with "--spanish" in Spanish from the build
 * tree's catalogue, whose words are longer. Not here: the Keyboard
 * Shortcuts window, GTK 4.8's GtkShortcutsWindow, which lays a section
 * out two columns to a page and is ~1,270 px wide at the least. Runs
 * under xvfb-run and dbus-run-session (suite "ui"). */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-application.h"
#include "dossier-argument-row.h"
#include "dossier-arguments-panel.h"
#include "dossier-codebook-panel.h"
#include "dossier-document-details-dialog.h"
#include "dossier-export-dialog.h"
#include "dossier-highlight-card.h"
#include "dossier-import-report-dialog.h"
#include "dossier-name-dialog.h"
#include "dossier-preferences-window.h"
#include "dossier-reader-page-private.h"
#include "dossier-replace-text-dialog.h"
#include "dossier-stakeholder-row.h"
#include "dossier-stakeholders-panel.h"
#include "dossier-tag-choose-dialog.h"
#include "dossier-tag-color-dialog.h"
#include "dossier-text-dialog.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

#define PHONE_WIDTH 360

typedef struct
{
  char          *dir;
  char          *path;
  DossierWindow *window;
} Fixture;

static gboolean spanish;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dialog-widths");
  f->path = copy_sample_project (f->dir, "Harbour Bridge Briefing.dossier");
  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, PHONE_WIDTH);
  /* The window is wider until it has gone narrow, which lowers its
   * minimum: down to that minimum first, then on. */
  for (guint step = 0; gtk_widget_get_width (GTK_WIDGET (f->window)) != PHONE_WIDTH; step++)
    {
      int min = 0;

      g_assert_cmpuint (step, <, 4);
      flush_events ();
      gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      resize_toplevel (GTK_WINDOW (f->window), MAX (PHONE_WIDTH, min), 800);
    }
  flush_events ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  finish_reader_window (&f->window, &f->dir, &f->path);
}

static gboolean
allocated (gpointer window)
{
  return gtk_widget_get_mapped (window) && gtk_widget_get_width (window) > 0;
}

/* @dialog, presented over the 360 px window, asks for and is given no
 * more than its width; its title is in the language of the run. */
static void
assert_fits (GtkWindow  *dialog,
             const char *english_title)
{
  int min = 0, frame;

  g_assert_nonnull (dialog);
  wait_until (allocated, dialog, "the dialog's allocation");
  flush_events ();

  /* A window's measure includes its frame (on X11 without a compositor,
   * the border to resize it by), outside its widget's width. */
  frame = gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (dialog)))
          - gtk_widget_get_width (GTK_WIDGET (dialog));
  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("%s: minimum %d, width %d, frame %d", G_OBJECT_TYPE_NAME (dialog), min - frame,
                  gtk_widget_get_width (GTK_WIDGET (dialog)), frame);
  g_assert_cmpint (min - frame, <=, PHONE_WIDTH);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, PHONE_WIDTH);

  if (english_title != NULL)
    {
      const char *title = gtk_window_get_title (dialog);

      g_assert_nonnull (title);
      if (spanish)
        g_assert_cmpstr (title, !=, english_title);
      else
        g_assert_cmpstr (title, ==, english_title);
    }
  gtk_window_destroy (dialog);
  flush_events ();
}

static GtkWindow *
only_dialog (Fixture *f,
             GType    type)
{
  GtkWindow *dialog = find_toplevel (type, GTK_WINDOW (f->window));

  g_assert_nonnull (dialog);
  return dialog;
}

static gint64
first_id (GListModel *model,
          gint64    (*get_id) (gpointer))
{
  g_autoptr(GObject) item = g_list_model_get_item (model, 0);

  g_assert_nonnull (item);
  return get_id (item);
}

/* ---- The Pros & Cons panel --------------------------------------------------- */

static gboolean
has_argument_row (gpointer panel)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_descendants (panel, DOSSIER_TYPE_ARGUMENT_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (dossier_row_get_item (g_ptr_array_index (rows, i)) != NULL)
      return TRUE;
  return FALSE;
}

/* The Pros & Cons panel, shown over the reader as at a phone's width. */
static GtkWidget *
show_arguments (Fixture *f)
{
  adw_view_stack_set_visible_child (f->window->right_stack, f->window->arguments_panel);
  adw_flap_set_reveal_flap (f->window->right_flap, TRUE);
  wait_until (has_argument_row, f->window->arguments_panel, "an argument's row");
  return f->window->arguments_panel;
}

static void
test_argument_edit (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *panel = show_arguments (f);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_descendants (panel, DOSSIER_TYPE_ARGUMENT_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (dossier_row_get_item (g_ptr_array_index (rows, i)) != NULL)
      {
        g_assert_true (gtk_widget_activate_action (g_ptr_array_index (rows, i), "argument.edit", NULL));
        break;
      }
  assert_fits (only_dialog (f, DOSSIER_TYPE_TEXT_DIALOG), "Edit Argument");
}

static void
test_question_rename (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *panel = show_arguments (f);

  g_assert_true (gtk_widget_activate_action (panel, "arguments.rename-question", NULL));
  assert_fits (only_dialog (f, DOSSIER_TYPE_TEXT_DIALOG), "Rename Question");
}

/* ---- The codebook -------------------------------------------------------------- */

static GtkWidget *
codebook_with_tag (Fixture *f)
{
  GListModel *tags = dossier_project_get_tags (dossier_window_get_project (f->window));
  GtkWidget *panel = f->window->codebook_panel;

  dossier_codebook_panel_set_selected_tag_id (DOSSIER_CODEBOOK_PANEL (panel),
                                              first_id (tags, (gpointer) dossier_tag_get_id));
  flush_events ();
  return panel;
}

/* A codebook action on the first tag, and the dialog it opens. */
typedef struct
{
  const char *action;
  GType     (*get_type) (void);
  const char *english_title;    /* or NULL: it names the tag */
} CodebookDialog;

static const CodebookDialog tag_new = { "codebook.add", dossier_name_dialog_get_type, "New Tag" };
static const CodebookDialog tag_rename = { "codebook.rename", dossier_name_dialog_get_type, NULL };
static const CodebookDialog tag_colour = { "codebook.recolor", dossier_tag_color_dialog_get_type, NULL };
static const CodebookDialog tag_description = { "codebook.describe", dossier_text_dialog_get_type, NULL };
static const CodebookDialog tag_move = { "codebook.move-to", dossier_tag_choose_dialog_get_type, NULL };

static void
test_codebook_dialog (Fixture       *f,
                      gconstpointer  data)
{
  const CodebookDialog *dialog = data;

  g_assert_true (gtk_widget_activate_action (codebook_with_tag (f), dialog->action, NULL));
  assert_fits (only_dialog (f, dialog->get_type ()), dialog->english_title);
}

/* ---- Documents, highlights, notes ------------------------------------------- */

static void
test_memo (Fixture       *f,
           gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(GPtrArray) highlights =
    dossier_project_list_highlights (project, dossier_window_get_document_id (f->window), 0, NULL);
  gint64 id;

  g_assert_nonnull (highlights);
  g_assert_cmpuint (highlights->len, >, 0);
  id = dossier_highlight_get_id (g_ptr_array_index (highlights, 0));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.edit-highlight-memo",
                                             "x", id));
  assert_fits (only_dialog (f, DOSSIER_TYPE_TEXT_DIALOG), "Memo");
}

static void
test_document_rename (Fixture       *f,
                      gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->documents_panel), "documents.rename",
                                             "x", dossier_window_get_document_id (f->window)));
  assert_fits (only_dialog (f, DOSSIER_TYPE_NAME_DIALOG), NULL);
}

static void
test_document_details (Fixture       *f,
                       gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->documents_panel), "documents.edit-details",
                                             "x", dossier_window_get_document_id (f->window)));
  assert_fits (only_dialog (f, DOSSIER_TYPE_DOCUMENT_DETAILS_DIALOG), NULL);
}

static void
test_note_rename (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (f->window->briefing_page, "briefing.rename", NULL));
  assert_fits (only_dialog (f, DOSSIER_TYPE_NAME_DIALOG), NULL);
}

static gboolean
replace_dialog_shown (gpointer window)
{
  return find_toplevel (DOSSIER_TYPE_REPLACE_TEXT_DIALOG, window) != NULL;
}

static void
test_replace_text (Fixture       *f,
                   gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autofree char *newer =
    dossier_project_get_document_text (project, dossier_window_get_document_id (f->window), NULL);

  /* The article again, one letter changed: the review shows the change. */
  g_assert_nonnull (newer);
  newer[strlen (newer) / 2] = 'x';
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), newer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.replace-text-clipboard", NULL));
  wait_until (replace_dialog_shown, f->window, "the review of the new text");
  assert_fits (only_dialog (f, DOSSIER_TYPE_REPLACE_TEXT_DIALOG), NULL);
}

/* ---- Export, import ----------------------------------------------------------- */

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL));
  dialog = only_dialog (f, DOSSIER_TYPE_EXPORT_DIALOG);
  wait_until (allocated, dialog, "the dialog's allocation");
  flush_events ();

  /* Each choice is read whole, not cut short beside its title ("Los
   * resaltados del pro…", a document's title), and so is each list. */
  collect_descendants (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, rows);
  g_assert_cmpuint (rows->len, >=, 6);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (rows->pdata[i]))
      {
        g_test_message ("%s", adw_preferences_row_get_title (rows->pdata[i]));
        assert_combo_row_whole (rows->pdata[i]);
      }
  assert_fits (dialog, "Export");
}

static gboolean
not_importing (gpointer window)
{
  return !dossier_window_is_importing (window);
}

static void
test_import_report (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *qde = g_build_filename (f->dir, "pier.qde", NULL);
  GFile *files[1];

  g_assert_true (g_file_set_contents (qde,
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Pier study\" origin=\"Another tool\">"
    "<Sources>"
    "<TextSource guid=\"a0000000-0000-4000-8000-0000000000b1\" name=\"Letter\">"
    "<PlainTextContent>The pier opens at six. Boats wait.</PlainTextContent>"
    "</TextSource>"
    "<PictureSource guid=\"a0000000-0000-4000-8000-0000000000b2\" name=\"A photograph of the pier at dawn\" "
    "path=\"internal://pier.jpg\"/>"
    "</Sources></Project>", -1, NULL));
  files[0] = g_file_new_for_path (qde);
  dossier_window_import_files (f->window, files, 1);
  g_object_unref (files[0]);
  wait_until (not_importing, f->window, "the import");
  flush_events ();
  assert_fits (only_dialog (f, DOSSIER_TYPE_IMPORT_REPORT_DIALOG), "Import Report");
}

/* ---- The application's windows ------------------------------------------------ */

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_window_present (GTK_WINDOW (dossier_preferences_window_new (GTK_WINDOW (f->window), settings)));
  assert_fits (only_dialog (f, DOSSIER_TYPE_PREFERENCES_WINDOW), "Preferences");
}

static void
test_about (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(DossierApplication) app = dossier_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  gtk_application_add_window (GTK_APPLICATION (app), GTK_WINDOW (f->window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  assert_fits (GTK_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL)), NULL);
  gtk_application_remove_window (GTK_APPLICATION (app), GTK_WINDOW (f->window));
}

/* ---- Mnemonics ---------------------------------------------------------------- */

/* The letters of the mnemonics one popover shows: @model's items and its
 * sections'. Its submenus are popovers of their own, added to @submenus. */
static void
collect_mnemonics (GMenuModel *model,
                   GHashTable *seen,
                   GString    *clashes,
                   GPtrArray  *submenus)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        for (const char *c = label; *c != '\0'; c++)
          {
            g_autofree char *letter = NULL;
            const char *other;

            if (*c != '_')
              continue;
            if (*++c == '_' || *c == '\0')  /* "__" is a plain underscore */
              continue;
            letter = g_utf8_strdown (c, g_utf8_next_char (c) - c);
            other = g_hash_table_lookup (seen, letter);
            if (other != NULL)
              g_string_append_printf (clashes, "“%s” and “%s” both take %s\n", other, label, letter);
            else
              g_hash_table_insert (seen, g_steal_pointer (&letter), g_strdup (label));
            break;
          }
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          if (g_strcmp0 (g_menu_link_iter_get_name (links), G_MENU_LINK_SECTION) == 0)
            collect_mnemonics (link, seen, clashes, submenus);
          else
            g_ptr_array_add (submenus, g_steal_pointer (&link));
        }
    }
}

/* The letters of @model's mnemonics, menu by menu, and what clashes in
 * @clashes. Returns how many letters were found. */
static guint
check_mnemonics (GMenuModel *model,
                 GString    *clashes)
{
  g_autoptr(GPtrArray) menus = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_letters = 0;

  g_ptr_array_add (menus, g_object_ref (model));
  for (guint i = 0; i < menus->len; i++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      collect_mnemonics (menus->pdata[i], seen, clashes, menus);
      n_letters += g_hash_table_size (seen);
    }
  return n_letters;
}

static gboolean
has_row (gpointer data)
{
  gpointer *wanted = data;

  return find_descendant (wanted[0], GPOINTER_TO_SIZE (wanted[1])) != NULL;
}

/* A row of @type that @panel (on the project of @f's window, in a window
 * of its own) has made, the menu it makes on demand (Menu, a right
 * click) checked, and the one it makes when @change has been done to it
 * if not NULL. Returns how many letters were found. */
static guint
check_row_menu (Fixture    *f,
                GtkWidget  *panel,
                GType       type,
                void      (*change) (GtkWidget *row),
                GString    *clashes)
{
  GtkWidget *window, *row;
  guint n_letters = 0;

  dossier_panel_set_project (DOSSIER_PANEL (panel), dossier_window_get_project (f->window));
  window = show_in_window (panel, 420, 900);
  wait_until (has_row, (gpointer[]) { panel, GSIZE_TO_POINTER (type) }, "a row to be made");
  row = find_descendant (panel, type);
  for (guint i = 0; i < (change != NULL ? 2 : 1); i++)
    {
      g_autoptr(GMenuModel) menu = NULL;

      if (i == 1)
        change (row);
      menu = DOSSIER_ROW_GET_CLASS (row)->create_menu (DOSSIER_ROW (row));
      g_assert_nonnull (menu);
      n_letters += check_mnemonics (menu, clashes);
    }
  close_window (window);
  return n_letters;
}

static void
unfold_argument (GtkWidget *row)
{
  dossier_argument_row_set_expanded (DOSSIER_ARGUMENT_ROW (row), TRUE);
}

/* The menus rows make on demand (DossierRow's create_menu, on Menu or a
 * right click): a stakeholder's, an argument's folded and unfolded (Show
 * or Hide Evidence), a highlight card's. Returns how many letters were
 * found. */
static guint
check_row_menus (Fixture *f,
                 GString *clashes)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GMenuModel) card_menu = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *card;
  guint n_letters = 0;

  n_letters += check_row_menu (f, dossier_stakeholders_panel_new (), DOSSIER_TYPE_STAKEHOLDER_ROW, NULL, clashes);
  n_letters += check_row_menu (f, dossier_arguments_panel_new (), DOSSIER_TYPE_ARGUMENT_ROW, unfold_argument,
                               clashes);

  highlights = dossier_project_list_highlights (project, dossier_window_get_document_id (f->window), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (highlights->len, >, 0);
  card = g_object_ref_sink (g_object_new (DOSSIER_TYPE_HIGHLIGHT_CARD, "item", highlights->pdata[0], NULL));
  dossier_highlight_card_set_project (DOSSIER_HIGHLIGHT_CARD (card), project);
  card_menu = DOSSIER_ROW_GET_CLASS (card)->create_menu (DOSSIER_ROW (card));
  g_assert_nonnull (card_menu);
  n_letters += check_mnemonics (card_menu, clashes);
  g_object_unref (card);
  return n_letters;
}

/* No two items of one menu take the same letter, in English and in
 * Spanish: the second could not be chosen by it ("Export as _PDF…" beside
 * "_Print…"; "Etiquetar _con" beside "_Copiar"). The menus are the popovers
 * the window holds: its menu buttons', the codebook's, and the reader's
 * two, popped up first; and the menus rows make on demand (a
 * stakeholder's, an argument's, a highlight card's), which no popover
 * holds until they are opened. */
static void
test_menu_mnemonics (Fixture       *f,
                     gconstpointer  data)
{
  DossierReaderPage *page = f->window->reader_page;
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(GPtrArray) popovers = g_ptr_array_new ();
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GString) clashes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n_letters = 0, row_letters;

  _dossier_reader_page_popup_text_menu (page, 10, 10);
  flush_events ();
  g_assert_cmpuint (check_mnemonics (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (page->highlight_menu)),
                                     clashes), >=, 6);
  gtk_popover_popdown (GTK_POPOVER (page->highlight_menu));

  highlights = dossier_project_list_highlights (project, dossier_window_get_document_id (f->window), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (highlights->len, >, 0);
  _dossier_reader_page_popup_highlight_menu (page, dossier_highlight_get_id (highlights->pdata[0]), 10, 10);
  flush_events ();
  g_assert_cmpuint (check_mnemonics (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (page->highlight_menu)),
                                     clashes), >=, 4);
  gtk_popover_popdown (GTK_POPOVER (page->highlight_menu));

  collect_descendants (GTK_WIDGET (f->window), GTK_TYPE_POPOVER_MENU, popovers);
  for (guint i = 0; i < popovers->len; i++)
    {
      GMenuModel *model = gtk_popover_menu_get_menu_model (popovers->pdata[i]);

      if (model != NULL && popovers->pdata[i] != page->highlight_menu)
        n_letters += check_mnemonics (model, clashes);
    }
  /* The main menu, Import's, the codebook's, Compare's two, Brief's. */
  g_assert_cmpuint (n_letters, >=, 40);
  row_letters = check_row_menus (f, clashes);

  if (clashes->len > 0)
    {
      g_test_fail_printf ("mnemonics taken twice:\n%s", clashes->str);
      return;
    }
  /* A stakeholder's 5, an argument's 9 twice over, a card's 2 (a clash
   * counts its letter once). */
  g_assert_cmpuint (row_letters, >=, 25);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) style = NULL;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--spanish"))
      spanish = TRUE;
  if (spanish)
    test_use_spanish ();
  gtk_test_init (&argc, &argv, NULL);
  if (spanish)
    test_bind_spanish ();
  adw_init ();
  style = load_application_style ();
  /* The title bar's buttons as GNOME has them (a close button alone),
   * as test-window measures the window. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);

#define ADD(path, func) \
  g_test_add ("/dossier/dialog-widths/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("argument-edit", test_argument_edit);
  ADD ("question-rename", test_question_rename);
#define ADD_CODEBOOK(path, dialog) \
  g_test_add ("/dossier/dialog-widths/" path, Fixture, &dialog, fixture_set_up, test_codebook_dialog, \
              fixture_tear_down)
  ADD ("menu-mnemonics", test_menu_mnemonics);
  ADD_CODEBOOK ("tag-new", tag_new);
  ADD_CODEBOOK ("tag-rename", tag_rename);
  ADD_CODEBOOK ("tag-colour", tag_colour);
  ADD_CODEBOOK ("tag-description", tag_description);
  ADD_CODEBOOK ("tag-move", tag_move);
  ADD ("memo", test_memo);
  ADD ("document-rename", test_document_rename);
  ADD ("document-details", test_document_details);
  ADD ("note-rename", test_note_rename);
  ADD ("replace-text", test_replace_text);
  ADD ("export", test_export);
  ADD ("import-report", test_import_report);
  ADD ("preferences", test_preferences);
  ADD ("about", test_about);
#undef ADD_CODEBOOK
#undef ADD

  return g_test_run ();
}
