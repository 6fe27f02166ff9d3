/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-l10n.c — the user interface in Spanish: with LANGUAGE=es and the
 * build tree's catalogue (po/es/LC_MESSAGES/dossier.mo), walks the main
 * window on the sample project, the empty window, the export dialog, the
 * preferences and the shortcuts window, and their menus, and fails on every
 * visible string that is still an English msgid the catalogue translates.
 * Runs under xvfb-run and dbus-run-session (suite "ui"). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <sqlite3.h>
#include <dossier/dossier.h>

#include "dossier-briefing-page.h"
#include "dossier-export-dialog.h"
#include "dossier-preferences-window.h"
#include "dossier-window-private.h"
#include "dossier-stakeholders-panel.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

/* The msgctxt values the .ui files use (see po/es.po). */
static const char *const contexts[] = { "shortcut window" };

typedef struct
{
  const char  *surface;     /* for the failure messages */
  GHashTable  *data;        /* strings that come from the project, not the UI */
  GHashTable  *msgids;      /* po/es.po: "msgctxt\004msgid" or msgid -> msgstr */
  GHashTable  *spanish;     /* every non-empty msgstr of po/es.po */
  const char  *texts;       /* all documents' text, "\n"-joined, for substrings */
  GPtrArray   *english;     /* "surface: widget: string" for each failure */
  guint        n_checked;
  guint        n_spanish;   /* strings seen that are translations */
} Walk;

/* ---- Helpers ------------------------------------------------------------------- */

static char *
po_dir (void)
{
  const char *env = g_getenv ("DOSSIER_LOCALEDIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  /* G_TEST_BUILDDIR is <build>/tests; i18n.gettext() builds into <build>/po. */
  return g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
}

/* Unescapes the body of one PO string line ("…" without the quotes). */
static void
append_po_string (GString    *out,
                  const char *s)
{
  for (; *s != '\0' && *s != '"'; s++)
    {
      if (*s == '\\' && s[1] != '\0')
        {
          s++;
          switch (*s)
            {
            case 'n': g_string_append_c (out, '\n'); break;
            case 't': g_string_append_c (out, '\t'); break;
            default: g_string_append_c (out, *s); break;
            }
        }
      else
        g_string_append_c (out, *s);
    }
}

static void
string_free (GString *string)
{
  g_string_free (string, TRUE);
}

/* Reads po/es.po: every msgid of the catalogue (with its context, as
 * gettext keys them) and its Spanish msgstr, "" when untranslated. Plural
 * entries are keyed by both forms. */
static void
load_catalogue (GHashTable **msgids,
                GHashTable **spanish)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "es.po", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) ctx = NULL, id = NULL, id_plural = NULL, str = NULL;
  GString *current = NULL;

  *msgids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  *spanish = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];
      const char *quote;

      /* An entry ends at a blank line (or the end of the file). */
      if (line == NULL || *line == '\0')
        {
          if (id != NULL && id->len > 0)
            {
              const char *forms[] = { id->str, id_plural != NULL ? id_plural->str : NULL };

              for (guint f = 0; f < G_N_ELEMENTS (forms) && forms[f] != NULL; f++)
                {
                  char *key = ctx != NULL ? g_strdup_printf ("%s\004%s", ctx->str, forms[f])
                                          : g_strdup (forms[f]);

                  g_hash_table_replace (*msgids, key, g_strdup (str != NULL ? str->str : ""));
                }
              if (str != NULL && str->len > 0)
                g_hash_table_add (*spanish, g_strdup (str->str));
            }
          g_clear_pointer (&ctx, string_free);
          g_clear_pointer (&id, string_free);
          g_clear_pointer (&id_plural, string_free);
          g_clear_pointer (&str, string_free);
          current = NULL;
          if (line == NULL)
            break;
          continue;
        }
      if (line[0] == '#')
        continue;
      quote = strchr (line, '"');
      if (g_str_has_prefix (line, "msgctxt "))
        current = ctx = g_string_new (NULL);
      else if (g_str_has_prefix (line, "msgid_plural "))
        current = id_plural = g_string_new (NULL);
      else if (g_str_has_prefix (line, "msgid "))
        current = id = g_string_new (NULL);
      else if (g_str_has_prefix (line, "msgstr"))
        {
          /* Keep msgstr or msgstr[0]; an empty plural form counts as empty. */
          if (str == NULL)
            current = str = g_string_new (NULL);
          else
            {
              current = NULL;
              if (quote != NULL && quote[1] == '"')
                g_string_truncate (str, 0);
            }
        }
      if (current != NULL && quote != NULL)
        append_po_string (current, quote + 1);
    }
}

/* ---- The check ---------------------------------------------------------------- */

static gboolean
is_project_data (Walk       *walk,
                 const char *s)
{
  return g_hash_table_contains (walk->data, s) ||
         (walk->texts != NULL && strstr (walk->texts, s) != NULL);
}

static void
add_english (Walk       *walk,
             const char *where,
             const char *s,
             const char *context,
             const char *spanish)
{
  g_ptr_array_add (walk->english,
                   g_strdup_printf ("%s: %s: “%s”%s%s%s — %s",
                                    walk->surface, where, s,
                                    context != NULL ? " [" : "", context != NULL ? context : "",
                                    context != NULL ? "]" : "",
                                    *spanish == '\0' ? "untranslated in po/es.po"
                                                      : "its translation was not used"));
}

/* A string shown to the user must not be one of the catalogue's English
 * msgids — unless Spanish writes it the same way ("JSON", "Dossier"). */
static void
check_string (Walk       *walk,
              const char *where,
              const char *s)
{
  const char *spanish;

  if (s == NULL || *s == '\0' || is_project_data (walk, s))
    return;
  walk->n_checked++;
  if (g_hash_table_contains (walk->spanish, s))
    walk->n_spanish++;

  spanish = g_hash_table_lookup (walk->msgids, s);
  if (spanish != NULL && strcmp (spanish, s) != 0)
    {
      add_english (walk, where, s, NULL, spanish);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (contexts); i++)
    {
      g_autofree char *key = g_strdup_printf ("%s\004%s", contexts[i], s);

      spanish = g_hash_table_lookup (walk->msgids, key);
      if (spanish != NULL && strcmp (spanish, s) != 0)
        {
          add_english (walk, where, s, contexts[i], spanish);
          return;
        }
    }
}

/* Every readable string property of @object: labels, titles, subtitles,
 * descriptions, placeholders, tooltips… whatever the class calls them. */
static void
check_properties (Walk    *walk,
                  GObject *object)
{
  guint n_props;
  g_autofree GParamSpec **props = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_props);

  for (guint i = 0; i < n_props; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *where = NULL;

      if (props[i]->value_type != G_TYPE_STRING || !(props[i]->flags & G_PARAM_READABLE))
        continue;
      /* Names, not words: CSS and icon names, actions, accelerators. */
      if (g_str_has_suffix (props[i]->name, "name") || g_str_has_prefix (props[i]->name, "action") ||
          g_str_has_prefix (props[i]->name, "accel") || g_str_equal (props[i]->name, "accelerator"))
        continue;
      g_object_get (object, props[i]->name, &value, NULL);
      where = g_strdup_printf ("%s:%s", G_OBJECT_TYPE_NAME (object), props[i]->name);
      check_string (walk, where, value);
    }
}

static void
check_menu (Walk       *walk,
            GMenuModel *model)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_string (walk, "menu item", label);
      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          check_menu (walk, link);
        }
    }
}

static void
check_pages (Walk       *walk,
             GListModel *pages)
{
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (pages, i);

      check_properties (walk, page);
    }
}

/* The whole tree under @widget, shown or not: a stack's hidden pages are
 * one click away. */
static void
walk_widget (Walk      *walk,
             GtkWidget *widget)
{
  check_properties (walk, G_OBJECT (widget));

  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)))
    check_menu (walk, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));
  if (ADW_IS_SPLIT_BUTTON (widget) && adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (widget)))
    check_menu (walk, adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (widget)));
  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (GTK_STACK (widget));

      check_pages (walk, G_LIST_MODEL (pages));
    }
  if (ADW_IS_VIEW_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (ADW_VIEW_STACK (widget));

      check_pages (walk, G_LIST_MODEL (pages));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk_widget (walk, child);
}

static void
walk_surface (Walk       *walk,
              const char *surface,
              GtkWidget  *widget)
{
  walk->surface = surface;
  walk_widget (walk, widget);
}

static void
report (Walk *walk)
{
  for (guint i = 0; i < walk->english->len; i++)
    g_test_message ("still English: %s", (const char *) g_ptr_array_index (walk->english, i));
  if (walk->english->len > 0)
    g_test_fail_printf ("%u strings of the interface are not translated into Spanish, "
                        "first: %s (translate them in po/es.po)",
                        walk->english->len, (const char *) g_ptr_array_index (walk->english, 0));
}

/* ---- Fixture: the sample project ---------------------------------------------------- */

typedef struct
{
  char           *dir;
  char           *path;
  DossierWindow  *window;
  Walk            walk;
  GString        *texts;
} Fixture;

static void
collect_project_data (Fixture        *f,
                      DossierProject *project)
{
  GListModel *documents = dossier_project_get_documents (project);
  GListModel *tags = dossier_project_get_tags (project);
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *data = f->walk.data;

  g_hash_table_add (data, g_strdup (dossier_project_get_title (project)));
  g_hash_table_add (data, g_path_get_basename (f->path));
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, i);
      g_autofree char *text = dossier_project_get_document_text (project, dossier_document_get_id (doc), NULL);
      const char *fields[] = { dossier_document_get_title (doc), dossier_document_get_author (doc),
                               dossier_document_get_outlet (doc) };

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        if (fields[j] != NULL)
          g_hash_table_add (data, g_strdup (fields[j]));
      if (text != NULL)
        g_string_append_printf (f->texts, "%s\n", text);
    }
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);

      g_hash_table_add (data, g_strdup (dossier_tag_get_name (tag)));
      g_hash_table_add (data, g_strdup (dossier_tag_get_path (tag)));
      g_hash_table_add (data, g_strdup (dossier_tag_get_description (tag)));
    }
  highlights = dossier_project_list_highlights (project, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < highlights->len; i++)
    g_hash_table_add (data, g_strdup (dossier_highlight_get_memo (g_ptr_array_index (highlights, i))));
  f->walk.texts = f->texts->str;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("dossier-test-l10n-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = copy_sample_project (f->dir, "Harbour Bridge Briefing.dossier");
  copy = g_file_new_for_path (f->path);

  f->walk.data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  load_catalogue (&f->walk.msgids, &f->walk.spanish);
  f->walk.english = g_ptr_array_new_with_free_func (g_free);
  f->texts = g_string_new (NULL);

  f->window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 820);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (dossier_window_open_project (f->window, copy, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
  collect_project_data (f, dossier_window_get_project (f->window));
  if (dossier_window_get_document_id (f->window) == 0)
    {
      GListModel *documents = dossier_project_get_documents (dossier_window_get_project (f->window));
      g_autoptr(DossierDocument) first = g_list_model_get_item (documents, 0);

      g_assert_nonnull (first);
      dossier_window_open_document (f->window, dossier_document_get_id (first));
    }
  wait_until (view_painted, f->window, "the first paint");
  flush_events ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) f->window)
      gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (toplevels);
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush_events ();
  g_clear_object (&f->window);

  g_hash_table_unref (f->walk.data);
  g_hash_table_unref (f->walk.msgids);
  g_hash_table_unref (f->walk.spanish);
  g_ptr_array_unref (f->walk.english);
  g_string_free (f->texts, TRUE);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* ---- Tests ------------------------------------------------------------------------ */

static void
test_catalogue (void)
{
  g_autofree char *dir = po_dir ();
  g_autofree char *mo = g_build_filename (dir, "es", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  const char *header;

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("%s is missing: build the translations first (meson compile dossier-gmo)", mo);

  /* The catalogue in use is the Spanish one: its header says so. */
  header = g_dgettext (GETTEXT_PACKAGE, "");
  g_assert_nonnull (strstr (header, "Language: es"));
  /* Plurals follow Spanish rules. */
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", 1), ==, "%u documento");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", 2), ==, "%u documentos");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window", "Quit"), ==, "Salir");
}

/* The formats' names label a file chooser's filter and head the import
 * report: each starts with a capital letter, as in English ("anotaciones
 * web W3C" did, under "Importado «notas.jsonld»"). */
static void
test_format_names (void)
{
  const char *names[] = {
    "W3C Web Annotations", "REFI-QDA project", "REFI-QDA codebook", "REFI-QDA Projects and Codebooks",
    "Web Pages", "Plain Text",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *spanish = g_dgettext (GETTEXT_PACKAGE, names[i]);

      g_assert_cmpstr (spanish, !=, names[i]);
      if (!g_unichar_isupper (g_utf8_get_char (spanish)))
        g_error ("“%s” is “%s” in po/es.po: a label starts with a capital letter", names[i], spanish);
    }
}

/* One word for one thing: "evidence" is "prueba" (as the Stakeholders
 * panel, the Pros & Cons panel and the README's screenshots say it),
 * never "evidencia" beside it. */
static void
test_terminology (void)
{
  g_autoptr(GHashTable) msgids = NULL;
  g_autoptr(GHashTable) spanish = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n_evidence = 0;

  load_catalogue (&msgids, &spanish);
  g_hash_table_iter_init (&iter, msgids);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *english = g_utf8_strdown (key, -1);
      g_autofree char *folded = g_utf8_strdown (value, -1);

      if (strstr (folded, "evidencia") != NULL)
        g_error ("“%s” is “%s” in po/es.po: evidence is “prueba”", (char *) key, (char *) value);
      /* The Brief page's strings said "subrayado" where the rest of
       * the interface says "resaltado". */
      if (strstr (folded, "subrayad") != NULL)
        g_error ("“%s” is “%s” in po/es.po: a highlight is “resaltado”", (char *) key, (char *) value);
      /* A command line's keyword stays as it is typed. */
      if (strstr (english, "evidence") != NULL && *(char *) value != '\0' &&
          strstr (folded, "evidence") == NULL)
        {
          g_assert_nonnull (strstr (folded, "prueba"));
          n_evidence++;
        }
    }
  g_assert_cmpuint (n_evidence, >, 10);
}

static void
test_main_window (Fixture       *f,
                  gconstpointer  user_data)
{
  walk_surface (&f->walk, "main window", GTK_WIDGET (f->window));
  report (&f->walk);

  /* The walk saw the real interface, in Spanish. */
  g_assert_cmpuint (f->walk.n_checked, >=, 40);
  g_assert_cmpuint (f->walk.n_spanish, >=, 20);
}

static void
test_empty_window (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr(DossierWindow) empty = g_object_ref_sink (dossier_window_new (NULL));

  gtk_window_present (GTK_WINDOW (empty));
  flush_events ();
  walk_surface (&f->walk, "window without a project", GTK_WIDGET (empty));
  gtk_window_destroy (GTK_WINDOW (empty));
  flush_events ();
  report (&f->walk);
  g_assert_cmpuint (f->walk.n_spanish, >=, 10);
}

static void
test_dialogs (Fixture       *f,
              gconstpointer  user_data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkBuilder) builder = NULL;
  DossierExportDialog *export_dialog;
  DossierPreferencesWindow *preferences;
  GObject *shortcuts;
  guint before;

  export_dialog = dossier_export_dialog_new (GTK_WINDOW (f->window), project,
                                             dossier_window_get_document_id (f->window));
  gtk_window_present (GTK_WINDOW (export_dialog));
  flush_events ();
  before = f->walk.n_spanish;
  walk_surface (&f->walk, "export dialog", GTK_WIDGET (export_dialog));
  g_assert_cmpuint (f->walk.n_spanish, >, before);

  preferences = dossier_preferences_window_new (GTK_WINDOW (f->window), settings);
  gtk_window_present (GTK_WINDOW (preferences));
  flush_events ();
  before = f->walk.n_spanish;
  walk_surface (&f->walk, "preferences", GTK_WIDGET (preferences));
  g_assert_cmpuint (f->walk.n_spanish, >, before);

  builder = gtk_builder_new_from_resource ("/org/dossier/Dossier/help-overlay.ui");
  shortcuts = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts));
  before = f->walk.n_spanish;
  walk_surface (&f->walk, "keyboard shortcuts", GTK_WIDGET (shortcuts));
  g_assert_cmpuint (f->walk.n_spanish, >, before);
  gtk_window_destroy (GTK_WINDOW (shortcuts));

  report (&f->walk);
}

/* Toasts that name what was deleted agree with its noun in Spanish: a
 * note (la nota) is "eliminada", a stakeholder (el actor) "eliminado";
 * one msgid served both and made the note masculine. */
static void
test_gendered_toasts (Fixture       *f,
                      gconstpointer  user_data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(DossierBriefing) note = g_list_model_get_item (dossier_project_get_briefings (project), 0);
  g_autoptr(DossierStakeholder) stakeholder = g_list_model_get_item (dossier_project_get_stakeholders (project), 0);
  g_autofree char *deleted_note = NULL;
  g_autofree char *deleted_stakeholder = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  const char *delete_tooltip = _("Delete Stakeholder");
  GtkWidget *delete_button = NULL;

  g_assert_nonnull (note);
  g_assert_nonnull (stakeholder);
  deleted_note = g_strdup_printf ("«%s» eliminada", dossier_briefing_get_title (note));
  deleted_stakeholder = g_strdup_printf ("«%s» eliminado", dossier_stakeholder_get_name (stakeholder));

  dossier_briefing_page_set_briefing_id (DOSSIER_BRIEFING_PAGE (f->window->briefing_page),
                                         dossier_briefing_get_id (note));
  g_assert_true (gtk_widget_activate_action (f->window->briefing_page, "briefing.delete", NULL));
  wait_for_text (GTK_WIDGET (f->window), deleted_note);

  dossier_stakeholders_panel_set_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (f->window->stakeholders_panel),
                                                 dossier_stakeholder_get_id (stakeholder));
  collect_descendants (f->window->stakeholders_panel, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), delete_tooltip) == 0)
      delete_button = g_ptr_array_index (buttons, i);
  g_assert_nonnull (delete_button);
  g_assert_cmpstr (delete_tooltip, !=, "Delete Stakeholder");
  g_signal_emit_by_name (delete_button, "clicked");
  wait_for_text (GTK_WIDGET (f->window), deleted_stakeholder);
}

static gboolean
message_dialog_shown (gpointer window)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, window) != NULL;
}

/* A failure the user can meet, in Spanish: deleting a note while another
 * program writes the project (here a plain SQLite connection in the
 * middle of a write). The dialog says why and what to do in Spanish
 * throughout: it said “(database is locked)”, SQLite's English, in the
 * middle of the Spanish sentence. */
static void
test_failure_in_spanish (Fixture       *f,
                         gconstpointer  user_data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(DossierBriefing) note = g_list_model_get_item (dossier_project_get_briefings (project), 0);
  AdwMessageDialog *dialog;
  sqlite3 *other = NULL;
  const char *body;

  g_assert_nonnull (note);
  dossier_briefing_page_set_briefing_id (DOSSIER_BRIEFING_PAGE (f->window->briefing_page),
                                         dossier_briefing_get_id (note));
  g_assert_cmpint (sqlite3_open_v2 (f->path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  /* The window may be writing in the background (the search index):
   * wait for it, then hold the file as another program would. */
  sqlite3_busy_timeout (other, 10000);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (gtk_widget_activate_action (f->window->briefing_page, "briefing.delete", NULL));
  wait_until (message_dialog_shown, f->window, "the failure's dialog");
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (f->window)));
  body = adw_message_dialog_get_body (dialog);
  if (strstr (body, "está ocupado por otro programa") == NULL || strstr (body, "Inténtelo de nuevo") == NULL ||
      strstr (body, "database") != NULL || strstr (body, "locked") != NULL)
    g_error ("the dialog says “%s”", body);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), !=, "The note could not be deleted");
}

/* The Stakeholders editor in a sidebar 300 px wide: the Spanish of a
 * stakeholder's Kind and Stance, and of every choice in their lists, is
 * shown whole (“Jefe de Estado o cargo público” was cut short as “Jefe de
 * Estado o cargo…”, in the row and in its list). */
static void
test_stakeholder_kind_whole (Fixture       *f,
                             gconstpointer  user_data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  GListModel *stakeholders = dossier_project_get_stakeholders (project);
  GtkWidget *panel = dossier_stakeholders_panel_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *window;
  gint64 official = 0;

  for (guint i = 0; i < g_list_model_get_n_items (stakeholders) && official == 0; i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (stakeholders, i);

      if (dossier_stakeholder_get_kind (s) == DOSSIER_STAKEHOLDER_OFFICIAL)
        official = dossier_stakeholder_get_id (s);
    }
  g_assert_cmpint (official, !=, 0);
  g_assert_cmpstr (dossier_stakeholder_kind_get_label (DOSSIER_STAKEHOLDER_OFFICIAL), ==,
                   "Jefe de Estado o cargo público");

  dossier_panel_set_project (DOSSIER_PANEL (panel), project);
  window = show_in_window (panel, 300, 900);
  dossier_stakeholders_panel_set_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (panel), official);
  flush_events ();
  collect_descendants (panel, ADW_TYPE_COMBO_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    assert_combo_row_whole (g_ptr_array_index (rows, i));
  close_window (window);
}

/* The import bar leaves room for a phone's 360 pixels in Spanish too
 * (the rest of the narrow window takes ~340): Spanish words are longer
 * (“_Cancelar”), and a revealer sliding down asks for its child's width
 * even while hidden, so the bar kept the window at ~368. */
static void
test_narrow_window (Fixture       *f,
                    gconstpointer  user_data)
{
  GtkWidget *bar = gtk_revealer_get_child (f->window->import_revealer);
  int min = 0;

  gtk_widget_measure (bar, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 300);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(GtkCssProvider) style = NULL;

  test_use_spanish ();
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() forces en_US.UTF-8 (or C when that is missing). */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  style = load_application_style ();

  dir = po_dir ();
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/dossier/l10n/catalogue", test_catalogue);
  g_test_add_func ("/dossier/l10n/terminology", test_terminology);
  g_test_add_func ("/dossier/l10n/format-names", test_format_names);
  g_test_add ("/dossier/l10n/main-window", Fixture, NULL, fixture_set_up, test_main_window, fixture_tear_down);
  g_test_add ("/dossier/l10n/empty-window", Fixture, NULL, fixture_set_up, test_empty_window, fixture_tear_down);
  g_test_add ("/dossier/l10n/dialogs", Fixture, NULL, fixture_set_up, test_dialogs, fixture_tear_down);
  g_test_add ("/dossier/l10n/stakeholder-kind-whole", Fixture, NULL, fixture_set_up,
              test_stakeholder_kind_whole, fixture_tear_down);
  g_test_add ("/dossier/l10n/narrow-window", Fixture, NULL, fixture_set_up, test_narrow_window,
              fixture_tear_down);
  g_test_add ("/dossier/l10n/failure-in-spanish", Fixture, NULL, fixture_set_up,
              test_failure_in_spanish, fixture_tear_down);
  g_test_add ("/dossier/l10n/gendered-toasts", Fixture, NULL, fixture_set_up, test_gendered_toasts,
              fixture_tear_down);

  return g_test_run ();
}
