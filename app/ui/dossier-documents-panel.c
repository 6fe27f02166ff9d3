/* dossier-documents-panel.c — the left sidebar's list of documents.
 *
 * The project's documents model goes through a filter (title, outlet,
 * author) and a sorter (import order, title, date) declared in the .ui;
 * rows follow their DossierDocument's notify signals. Right click, the
 * menu key or Shift+F10 open a menu to rename, edit the details of or
 * delete a document; F2 and Delete do so from the keyboard. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-documents-panel.h"

struct _DossierDocumentsPanel
{
  GtkWidget           parent_instance;

  DossierProject     *project;
  DossierDocumentsSort sort;
  char               *filter_key;      /* casefolded filter text, NULL = all */
  GtkCustomFilter    *filter;
  GtkWidget          *menu;
  gboolean            selecting;       /* selection changed by code, not the user */
  gint64              selected_id;     /* kept across re-sorting and filtering */

  /* Template children */
  GtkLabel           *count_label;
  GtkSearchEntry     *filter_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkLabel           *empty_label;
  GtkSingleSelection *selection;
  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
};

G_DEFINE_FINAL_TYPE (DossierDocumentsPanel, dossier_documents_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SORT,
  N_PROPS
};

enum {
  DOCUMENT_SELECTED,
  DOCUMENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Rows ------------------------------------------------------------------- */

static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *with_time = NULL;
  char *formatted;

  if (iso == NULL || iso[0] == '\0')
    return NULL;

  /* "YYYY-MM-DD" or a full ISO 8601 stamp. */
  if (strlen (iso) == 10)
    with_time = g_strconcat (iso, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (with_time ? with_time : iso, NULL);
  if (dt == NULL)
    return g_strdup (iso);

  /* Translators: a document's date in the sidebar, see g_date_time_format() */
  formatted = g_date_time_format (dt, _("%e %b %Y"));
  if (formatted == NULL)
    return g_strdup (iso);
  /* %e pads single-digit days with a figure space (U+2007), which
   * g_strstrip leaves: "· \u20072 Mar" read as a double space. */
  if (g_str_has_prefix (formatted, "\u2007"))
    memmove (formatted, formatted + 3, strlen (formatted + 3) + 1);
  return g_strstrip (formatted);
}

static void
update_row (GtkWidget       *row,
            GParamSpec      *pspec,
            DossierDocument *doc)
{
  GtkLabel *title = g_object_get_data (G_OBJECT (row), "title");
  GtkLabel *subtitle = g_object_get_data (G_OBJECT (row), "subtitle");
  GtkLabel *badge = g_object_get_data (G_OBJECT (row), "badge");
  g_autofree char *date = NULL;
  g_autofree char *details = NULL;
  g_autofree char *count = NULL;
  g_autofree char *count_label = NULL;
  const char *outlet;
  guint n;

  gtk_label_set_label (title, dossier_document_get_title (doc));

  outlet = dossier_document_get_outlet (doc);
  date = format_date (dossier_document_get_published (doc));
  if (date == NULL)
    {
      /* No published date: the import date, said to be one (a wire story
       * imported today is not today's news). */
      g_autofree char *imported = format_date (dossier_document_get_imported (doc));

      if (imported != NULL)
        /* Translators: under a document without a published date: when it
         * was imported, e.g. "Imported 28 Nov 2026" */
        date = g_strdup_printf (_("Imported %s"), imported);
    }
  if (outlet != NULL && outlet[0] != '\0' && date != NULL)
    /* Translators: outlet · date, under a document's title */
    details = g_strdup_printf (_("%s · %s"), outlet, date);
  else if (outlet != NULL && outlet[0] != '\0')
    details = g_strdup (outlet);
  else
    details = g_strdup (date);
  gtk_label_set_label (subtitle, details ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (subtitle), details != NULL);

  n = dossier_document_get_n_highlights (doc);
  count = g_strdup_printf ("%u", n);
  gtk_label_set_label (badge, count);
  gtk_widget_set_visible (GTK_WIDGET (badge), n > 0);
  count_label = g_strdup_printf (ngettext ("%u highlight", "%u highlights", n), n);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dossier_document_get_title (doc),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count_label,
                                  -1);
}

static void popup_menu (DossierDocumentsPanel *self,
                        DossierDocument       *doc,
                        GtkWidget             *widget,
                        double                 x,
                        double                 y);

static void
on_row_pressed (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GtkWidget       *row)
{
  DossierDocumentsPanel *self = g_object_get_data (G_OBJECT (row), "panel");
  GtkListItem *item = g_object_get_data (G_OBJECT (row), "list-item");
  DossierDocument *doc;

  if (item == NULL || (doc = gtk_list_item_get_item (item)) == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, doc, row, x, y);
}

/* The whole title (one line in the row) and the highlight count, asked
 * for on hover: setting a tooltip on each of the 200 rows GTK 4.8 keeps
 * bound costs a round trip to the X server per row when a project opens. */
static gboolean
on_row_query_tooltip (GtkWidget  *row,
                      int         x,
                      int         y,
                      gboolean    keyboard,
                      GtkTooltip *tooltip)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (row), "list-item");
  DossierDocument *doc = item != NULL ? gtk_list_item_get_item (item) : NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (doc == NULL)
    return FALSE;

  n = dossier_document_get_n_highlights (doc);
  count = g_strdup_printf (ngettext ("%u highlight", "%u highlights", n), n);
  text = g_strdup_printf ("%s\n%s", dossier_document_get_title (doc), count);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           DossierDocumentsPanel    *self)
{
  GtkWidget *row, *labels, *title, *subtitle, *badge;
  GtkGesture *gesture;

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (row, "document-row");
  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  /* One line, ellipsized: GTK 4.8's list view keeps 200 rows alive and
   * measures them all when a project opens, and a wrapping label costs
   * about a millisecond a row there (a 1,000-document project opened in
   * 0.7 s instead of 0.5). */
  title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "document-title");

  subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");

  badge = gtk_label_new (NULL);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "count-badge");
  gtk_widget_add_css_class (badge, "numeric");

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (row), labels);
  gtk_box_append (GTK_BOX (row), badge);

  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (row), "badge", badge);
  g_object_set_data (G_OBJECT (row), "panel", self);
  g_object_set_data (G_OBJECT (row), "list-item", item);

  gtk_widget_set_has_tooltip (row, TRUE);
  g_signal_connect (row, "query-tooltip", G_CALLBACK (on_row_query_tooltip), NULL);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_row_pressed), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (gesture));

  gtk_list_item_set_child (item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          DossierDocumentsPanel    *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  DossierDocument *doc = gtk_list_item_get_item (item);

  update_row (row, NULL, doc);
  g_signal_connect_object (doc, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            DossierDocumentsPanel    *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  DossierDocument *doc = gtk_list_item_get_item (item);

  if (doc != NULL)
    g_signal_handlers_disconnect_by_func (doc, update_row, row);
}

/* ---- Filter, sort, empty state ------------------------------------------------ */

static gboolean
field_matches (const char *field,
               const char *key)
{
  g_autofree char *folded = NULL;

  if (field == NULL || field[0] == '\0')
    return FALSE;
  folded = g_utf8_casefold (field, -1);
  return strstr (folded, key) != NULL;
}

static gboolean
filter_document (gpointer item,
                 gpointer user_data)
{
  DossierDocumentsPanel *self = user_data;
  DossierDocument *doc = item;

  if (self->filter_key == NULL)
    return TRUE;

  return field_matches (dossier_document_get_title (doc), self->filter_key)
         || field_matches (dossier_document_get_outlet (doc), self->filter_key)
         || field_matches (dossier_document_get_author (doc), self->filter_key);
}

static int
compare_published (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const char *pa = dossier_document_get_published ((DossierDocument *) a);
  const char *pb = dossier_document_get_published ((DossierDocument *) b);

  /* Newest first; undated documents last, in import order. */
  if (pa == NULL && pb == NULL)
    return 0;
  if (pa == NULL)
    return 1;
  if (pb == NULL)
    return -1;
  return -strcmp (pa, pb);
}

static void
update_empty_state (DossierDocumentsPanel *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint total = self->project ? g_list_model_get_n_items (dossier_project_get_documents (self->project)) : 0;
  g_autofree char *count = NULL;

  if (total > 0)
    count = shown == total ? g_strdup_printf ("%u", total) : g_strdup_printf ("%u / %u", shown, total);
  gtk_label_set_label (self->count_label, count ? count : "");

  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (self->project == NULL)
    gtk_label_set_label (self->empty_label, _("No project open"));
  else if (total == 0)
    gtk_label_set_label (self->empty_label, _("No documents yet. Import articles with the Import button, drop files here, or paste one with Shift+Ctrl+V."));
  else
    gtk_label_set_label (self->empty_label, _("No document matches the filter"));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
on_filter_changed (DossierDocumentsPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->filter_key, g_free);
  if (stripped[0] != '\0')
    self->filter_key = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  /* Keep the open document selected when it still shows. */
  dossier_documents_panel_select_document (self, self->selected_id);
  update_empty_state (self);
}

static void
on_filter_activate (DossierDocumentsPanel *self)
{
  /* Enter in the filter opens the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);

      gtk_single_selection_set_selected (self->selection, 0);
      g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0, dossier_document_get_id (doc));
    }
}

static void
on_filter_stop (DossierDocumentsPanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

void
dossier_documents_panel_set_filter_text (DossierDocumentsPanel *self,
                                         const char            *text)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENTS_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), text ? text : "");
  on_filter_changed (self);
}

void
dossier_documents_panel_set_sort (DossierDocumentsPanel *self,
                                  DossierDocumentsSort   sort)
{
  g_autoptr(GtkSorter) sorter = NULL;

  g_return_if_fail (DOSSIER_IS_DOCUMENTS_PANEL (self));

  if (sort > DOSSIER_DOCUMENTS_SORT_PUBLISHED)
    sort = DOSSIER_DOCUMENTS_SORT_IMPORTED;
  if (self->sort == sort && gtk_sort_list_model_get_sorter (self->sort_model) != NULL)
    return;

  self->sort = sort;
  switch (sort)
    {
    case DOSSIER_DOCUMENTS_SORT_TITLE:
      sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (DOSSIER_TYPE_DOCUMENT, NULL, "title")));
      break;
    case DOSSIER_DOCUMENTS_SORT_PUBLISHED:
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_published, NULL, NULL));
      break;
    case DOSSIER_DOCUMENTS_SORT_IMPORTED:
    default:
      /* The project's own order is import order. */
      sorter = NULL;
      break;
    }
  gtk_sort_list_model_set_sorter (self->sort_model, sorter);
  dossier_documents_panel_select_document (self, self->selected_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

GListModel *
dossier_documents_panel_get_model (DossierDocumentsPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENTS_PANEL (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/* ---- Selection ------------------------------------------------------------------ */

static DossierDocument *
selected_document (DossierDocumentsPanel *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
on_selected_changed (DossierDocumentsPanel *self)
{
  DossierDocument *doc;

  if (self->selecting)
    return;

  doc = selected_document (self);
  if (doc != NULL)
    {
      self->selected_id = dossier_document_get_id (doc);
      g_signal_emit (self, signals[DOCUMENT_SELECTED], 0, self->selected_id);
    }
}

static void
on_list_activate (DossierDocumentsPanel *self,
                  guint                  position)
{
  g_autoptr(DossierDocument) doc = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (doc != NULL)
    g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0, dossier_document_get_id (doc));
}

void
dossier_documents_panel_select_document (DossierDocumentsPanel *self,
                                         gint64                 document_id)
{
  GListModel *model;
  guint n;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (DOSSIER_IS_DOCUMENTS_PANEL (self));

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; document_id != 0 && i < n; i++)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (model, i);

      if (dossier_document_get_id (doc) == document_id)
        {
          position = i;
          break;
        }
    }

  self->selected_id = document_id;
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;

  if (position != GTK_INVALID_LIST_POSITION && gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

void
dossier_documents_panel_focus_list (DossierDocumentsPanel *self)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENTS_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* ---- Rename, details, delete -------------------------------------------------------- */

static DossierDocument *
document_for (DossierDocumentsPanel *self,
              GVariant              *parameter)
{
  if (self->project == NULL)
    return NULL;
  return dossier_project_get_document (self->project, g_variant_get_int64 (parameter));
}

static void
show_error (DossierDocumentsPanel *self,
            const char            *heading,
            const GError          *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
new_dialog (DossierDocumentsPanel *self,
            const char            *heading,
            const char            *body,
            const char            *accept)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "accept", accept,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static void
on_rename_response (AdwMessageDialog      *dialog,
                    const char            *response,
                    DossierDocumentsPanel *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "document-id"));
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "accept") != 0 || self->project == NULL)
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (title[0] == '\0')
    return;
  if (!dossier_project_set_document_metadata (self->project, id, title, NULL, NULL, NULL, NULL, &error))
    show_error (self, _("Could Not Rename the Document"), error);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierDocumentsPanel *self = DOSSIER_DOCUMENTS_PANEL (widget);
  DossierDocument *doc = document_for (self, parameter);
  GtkWidget *dialog, *entry;

  if (doc == NULL)
    return;

  dialog = new_dialog (self, _("Rename Document"), NULL, _("_Rename"));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), dossier_document_get_title (doc));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "document-id", GSIZE_TO_POINTER ((gsize) dossier_document_get_id (doc)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static const struct
{
  const char *key;
  const char *label;
} detail_fields[] = {
  { "title", N_("Title") },
  { "author", N_("Author") },
  { "outlet", N_("Outlet") },
  { "source", N_("Source") },
  { "published", N_("Date (YYYY-MM-DD)") },
};

static void
on_details_response (AdwMessageDialog      *dialog,
                     const char            *response,
                     DossierDocumentsPanel *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "document-id"));
  char *values[G_N_ELEMENTS (detail_fields)] = { NULL };
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "accept") != 0 || self->project == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (detail_fields); i++)
    {
      GtkEditable *row = g_object_get_data (G_OBJECT (dialog), detail_fields[i].key);

      values[i] = g_strstrip (g_strdup (gtk_editable_get_text (row)));
    }

  /* An empty title keeps the old one; empty optional fields are cleared. */
  if (!dossier_project_set_document_metadata (self->project, id,
                                              values[0][0] != '\0' ? values[0] : NULL,
                                              values[1], values[2], values[3], values[4], &error))
    show_error (self, _("Could Not Change the Document’s Details"), error);

  for (guint i = 0; i < G_N_ELEMENTS (detail_fields); i++)
    g_free (values[i]);
}

static void
edit_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierDocumentsPanel *self = DOSSIER_DOCUMENTS_PANEL (widget);
  DossierDocument *doc = document_for (self, parameter);
  const char *current[G_N_ELEMENTS (detail_fields)];
  GtkWidget *dialog, *list;

  if (doc == NULL)
    return;

  current[0] = dossier_document_get_title (doc);
  current[1] = dossier_document_get_author (doc);
  current[2] = dossier_document_get_outlet (doc);
  current[3] = dossier_document_get_source (doc);
  current[4] = dossier_document_get_published (doc);

  dialog = new_dialog (self, _("Document Details"), NULL, _("_Save"));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (detail_fields); i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(detail_fields[i].label));
      gtk_editable_set_text (GTK_EDITABLE (row), current[i] ? current[i] : "");
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_object_set_data (G_OBJECT (dialog), detail_fields[i].key, row);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "document-id", GSIZE_TO_POINTER ((gsize) dossier_document_get_id (doc)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_details_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierDocumentsPanel *self = DOSSIER_DOCUMENTS_PANEL (widget);
  DossierDocument *doc = document_for (self, parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if (doc == NULL)
    return;

  title = g_strdup (dossier_document_get_title (doc));
  if (!dossier_project_delete_document (self->project, dossier_document_get_id (doc), &error))
    {
      show_error (self, _("Could Not Delete the Document"), error);
      return;
    }

  /* No confirmation: the toast offers Undo. */
  message = g_strdup_printf (_("Deleted “%s”"), title);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static void
popup_menu (DossierDocumentsPanel *self,
            DossierDocument       *doc,
            GtkWidget             *widget,
            double                 x,
            double                 y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  GVariant *target;
  GdkRectangle rect;
  double px, py;

  target = g_variant_ref_sink (g_variant_new_int64 (dossier_document_get_id (doc)));
  item = g_menu_item_new (_("_Rename…"), NULL);
  g_menu_item_set_action_and_target_value (item, "documents.rename", target);
  g_menu_append_item (edit, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("Edit _Details…"), NULL);
  g_menu_item_set_action_and_target_value (item, "documents.edit-details", target);
  g_menu_append_item (edit, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target_value (item, "documents.delete", target);
  g_menu_append_item (remove, item);
  g_variant_unref (target);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (menu));

  if (!gtk_widget_translate_coordinates (widget, GTK_WIDGET (self), x, y, &px, &py))
    px = py = 0;
  rect = (GdkRectangle) { (int) px, (int) py, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Keys on the list act on the selected document. */
static gboolean
on_list_key (GtkWidget *list_view,
             GVariant  *args,
             gpointer   user_data)
{
  DossierDocumentsPanel *self = user_data;
  DossierDocument *doc = selected_document (self);
  const char *what = g_variant_get_string (args, NULL);
  GtkWidget *focus;

  if (doc == NULL)
    return FALSE;

  if (g_str_equal (what, "menu"))
    {
      double x = 12, y = 12;

      /* Point at the focused row when there is one. */
      focus = gtk_root_get_focus (gtk_widget_get_root (list_view));
      if (focus == NULL || !gtk_widget_is_ancestor (focus, list_view))
        focus = list_view;
      else
        y = gtk_widget_get_height (focus) / 2.0;
      popup_menu (self, doc, focus, x, y);
      return TRUE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), what, "x", dossier_document_get_id (doc));
  return TRUE;
}

static void
add_list_shortcut (DossierDocumentsPanel *self,
                   GtkShortcutController *controller,
                   guint                  keyval,
                   GdkModifierType        mods,
                   const char            *what)
{
  gtk_shortcut_controller_add_shortcut (controller,
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (keyval, mods),
                                     gtk_callback_action_new (on_list_key, self, NULL),
                                     "s", what));
}

/* ---- Project ------------------------------------------------------------------- */

static void
on_documents_changed (DossierDocumentsPanel *self)
{
  update_empty_state (self);
}

void
dossier_documents_panel_set_project (DossierDocumentsPanel *self,
                                     DossierProject        *project)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENTS_PANEL (self));
  g_return_if_fail (project == NULL || DOSSIER_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (dossier_project_get_documents (self->project),
                                          on_documents_changed, self);
  g_set_object (&self->project, project);

  self->selected_id = 0;
  self->selecting = TRUE;
  gtk_filter_list_model_set_model (self->filter_model,
                                   project ? dossier_project_get_documents (project) : NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;

  if (project != NULL)
    g_signal_connect_object (dossier_project_get_documents (project), "items-changed",
                             G_CALLBACK (on_documents_changed), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  update_empty_state (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_entry), project != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

DossierProject *
dossier_documents_panel_get_project (DossierDocumentsPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENTS_PANEL (self), NULL);

  return self->project;
}

/* ---- GObject ------------------------------------------------------------------ */

static void
dossier_documents_panel_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DossierDocumentsPanel *self = DOSSIER_DOCUMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_SORT:
      g_value_set_int (value, self->sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_documents_panel_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DossierDocumentsPanel *self = DOSSIER_DOCUMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      dossier_documents_panel_set_project (self, g_value_get_object (value));
      break;
    case PROP_SORT:
      dossier_documents_panel_set_sort (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_documents_panel_dispose (GObject *object)
{
  DossierDocumentsPanel *self = DOSSIER_DOCUMENTS_PANEL (object);
  GtkWidget *child;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (dossier_project_get_documents (self->project),
                                          on_documents_changed, self);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_DOCUMENTS_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->project);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (dossier_documents_panel_parent_class)->dispose (object);
}

static void
dossier_documents_panel_finalize (GObject *object)
{
  DossierDocumentsPanel *self = DOSSIER_DOCUMENTS_PANEL (object);

  g_free (self->filter_key);

  G_OBJECT_CLASS (dossier_documents_panel_parent_class)->finalize (object);
}

static void
dossier_documents_panel_class_init (DossierDocumentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dossier_documents_panel_get_property;
  object_class->set_property = dossier_documents_panel_set_property;
  object_class->dispose = dossier_documents_panel_dispose;
  object_class->finalize = dossier_documents_panel_finalize;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, DOSSIER_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_int ("sort", NULL, NULL,
                      DOSSIER_DOCUMENTS_SORT_IMPORTED, DOSSIER_DOCUMENTS_SORT_PUBLISHED,
                      DOSSIER_DOCUMENTS_SORT_IMPORTED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DOCUMENT_SELECTED] =
    g_signal_new ("document-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DOCUMENT_ACTIVATED] =
    g_signal_new ("document-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (DOSSIER_TYPE_DOCUMENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/ui/dossier-documents-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentsPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentsPanel, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentsPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentsPanel, selection);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentsPanel, sort_model);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentsPanel, filter_model);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "documents.rename", "x", rename_action);
  gtk_widget_class_install_action (widget_class, "documents.edit-details", "x", edit_details_action);
  gtk_widget_class_install_action (widget_class, "documents.delete", "x", delete_action);
  gtk_widget_class_install_property_action (widget_class, "documents.sort", "sort");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documents-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_documents_panel_init (DossierDocumentsPanel *self)
{
  GtkListItemFactory *factory;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->filter = gtk_custom_filter_new (filter_document, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  self->sort = DOSSIER_DOCUMENTS_SORT_IMPORTED;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  shortcuts = gtk_shortcut_controller_new ();
  add_list_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_F2, 0, "documents.rename");
  add_list_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Delete, 0, "documents.delete");
  add_list_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Return, GDK_ALT_MASK, "documents.edit-details");
  add_list_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Menu, 0, "menu");
  add_list_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_F10, GDK_SHIFT_MASK, "menu");
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);

  update_empty_state (self);
}

GtkWidget *
dossier_documents_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_DOCUMENTS_PANEL, NULL);
}
