/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-documents-panel.c — the left sidebar's list of documents.
 *
 * The project's documents model goes through a filter (title, outlet,
 * author) and a sorter (import order, title, date) declared in the .ui,
 * which also makes the rows (DossierDocumentRow). Right click, the
 * menu key or Shift+F10 open a menu to rename, edit the details of or
 * delete a document; F2 and Delete do so from the keyboard. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-document-details-dialog.h"
#include "dossier-document-row.h"
#include "dossier-documents-panel.h"
#include "dossier-name-dialog.h"
#include "dossier-ui-utils.h"

struct _DossierDocumentsPanel
{
  DossierPanel        parent_instance;

  GSignalGroup       *documents_signals;
  DossierDocumentsSort sort;
  char               *filter_key;      /* casefolded filter text, NULL = all */
  GtkCustomFilter    *filter;
  GtkWidget          *menu;
  gboolean            selecting;       /* selection changed by code, not the user */
  gint64              selected_id;     /* kept across re-sorting and filtering */
  guint               in_view_idle;    /* the rows hear again which are in view */

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

G_DEFINE_FINAL_TYPE (DossierDocumentsPanel, dossier_documents_panel, DOSSIER_TYPE_PANEL)

enum {
  PROP_0,
  PROP_SORT,
  N_PROPS
};

enum {
  DOCUMENT_SELECTED,
  DOCUMENT_ACTIVATED,
  DOCUMENT_CLICKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];

#define PROJECT(self) dossier_panel_get_project (DOSSIER_PANEL (self))
static guint signals[N_SIGNALS];

static void popup_menu (DossierDocumentsPanel *self,
                        DossierDocument       *doc,
                        GtkWidget             *widget,
                        double                 x,
                        double                 y);

/* The document of the row at @x, @y of the list, or NULL. The rows only
 * show documents; the panel finds which one was clicked. */
static DossierDocument *
document_at (DossierDocumentsPanel *self,
             double                 x,
             double                 y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked ? gtk_widget_get_ancestor (picked, DOSSIER_TYPE_DOCUMENT_ROW) : NULL;

  return row ? dossier_row_get_item (DOSSIER_ROW (row)) : NULL;
}

/* Right click on a row: its menu. */
static void
on_list_pressed (DossierDocumentsPanel *self,
                 int                    n_press,
                 double                 x,
                 double                 y,
                 GtkGestureClick       *gesture)
{
  DossierDocument *doc = document_at (self, x, y);

  if (doc == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, doc, GTK_WIDGET (self->list_view), x, y);
}

/* A click on a row (it selects the row, which opens its document): said,
 * so that a sidebar over the centre can make way for the document. The
 * keys that move the selection do not click. */
static void
on_list_clicked (DossierDocumentsPanel *self,
                 int                    n_press,
                 double                 x,
                 double                 y)
{
  DossierDocument *doc = document_at (self, x, y);

  if (doc != NULL && n_press == 1)
    g_signal_emit (self, signals[DOCUMENT_CLICKED], 0, dossier_document_get_id (doc));
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
  guint total = PROJECT (self) ? g_list_model_get_n_items (dossier_project_get_documents (PROJECT (self))) : 0;
  g_autofree char *count = NULL;

  if (total > 0)
    count = shown == total ? g_strdup_printf ("%u", total) : g_strdup_printf ("%u / %u", shown, total);
  gtk_label_set_label (self->count_label, count ? count : "");

  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (PROJECT (self) == NULL)
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
  if (PROJECT (self) == NULL)
    return NULL;
  return dossier_project_get_document (PROJECT (self), g_variant_get_int64 (parameter));
}

/* A rename asked for: the panel and the document. */
typedef struct
{
  DossierDocumentsPanel *self;
  gint64                 document_id;
} RenameRequest;

static void
rename_request_free (gpointer  data,
                     GClosure *closure)
{
  RenameRequest *request = data;

  g_object_unref (request->self);
  g_free (request);
}

static void
on_rename_response (DossierNameDialog *dialog,
                    const char        *response,
                    RenameRequest     *request)
{
  DossierDocumentsPanel *self = request->self;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "ok") != 0 || PROJECT (self) == NULL)
    return;

  title = dossier_name_dialog_get_name (dialog);
  if (!dossier_project_set_document_metadata (PROJECT (self), request->document_id, title,
                                              NULL, NULL, NULL, NULL, &error))
    dossier_panel_show_error (DOSSIER_PANEL (self), _("Could Not Rename the Document"), error);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierDocumentsPanel *self = DOSSIER_DOCUMENTS_PANEL (widget);
  DossierDocument *doc = document_for (self, parameter);
  RenameRequest *request;
  GtkWidget *dialog;

  if (doc == NULL)
    return;

  dialog = dossier_name_dialog_new (dossier_panel_get_window (DOSSIER_PANEL (self)),
                                    _("Rename Document"), NULL, _("_Rename"), _("Title"),
                                    dossier_document_get_title (doc), DOSSIER_DOCUMENT_MAX_TITLE);
  request = g_new0 (RenameRequest, 1);
  request->self = g_object_ref (self);
  request->document_id = dossier_document_get_id (doc);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_rename_response), request,
                         rename_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierDocumentsPanel *self = DOSSIER_DOCUMENTS_PANEL (widget);
  DossierDocument *doc = document_for (self, parameter);

  if (doc == NULL)
    return;

  gtk_window_present (GTK_WINDOW (dossier_document_details_dialog_new (dossier_panel_get_window (DOSSIER_PANEL (self)),
                                                                       PROJECT (self), doc)));
}

/* The document listed after @document_id (before it, if it is last), as
 * the list is sorted and filtered now; 0 if none or not listed. */
static gint64
listed_neighbour (DossierDocumentsPanel *self,
                  gint64                 document_id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (model, i);

      if (dossier_document_get_id (doc) == document_id)
        {
          g_autoptr(DossierDocument) next = NULL;

          if (i + 1 < n)
            next = g_list_model_get_item (model, i + 1);
          else if (i > 0)
            next = g_list_model_get_item (model, i - 1);
          return next != NULL ? dossier_document_get_id (next) : 0;
        }
    }

  return 0;
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
  g_autoptr(GPtrArray) citing = NULL;
  gint64 next = 0;

  if (doc == NULL)
    return;

  /* The document on show goes: the one below it in the list is shown
   * next, as the user sees the list (the window alone would take the
   * next in import order). */
  if (dossier_document_get_id (doc) == self->selected_id)
    next = listed_neighbour (self, self->selected_id);

  title = g_strdup (dossier_document_get_title (doc));
  /* Read before its highlights go: notes citing them are left citing
   * what cannot be verified, and the user is told. */
  citing = dossier_project_get_briefings_citing_document (PROJECT (self), dossier_document_get_id (doc));
  if (!dossier_project_delete_document (PROJECT (self), dossier_document_get_id (doc), &error))
    {
      dossier_panel_show_error (DOSSIER_PANEL (self), _("Could Not Delete the Document"), error);
      return;
    }

  if (next != 0 && dossier_project_get_document (PROJECT (self), next) != NULL)
    {
      dossier_documents_panel_select_document (self, next);
      g_signal_emit (self, signals[DOCUMENT_SELECTED], 0, next);
    }

  /* No confirmation: the toast offers Undo. */
  message = g_strdup_printf (_("Deleted “%s”"), title);
  if (citing->len > 0)
    {
      g_autofree char *deleted = g_steal_pointer (&message);

      message = g_strdup_printf (ngettext ("%s; %u briefing note cited its highlights",
                                           "%s; %u briefing notes cited its highlights", citing->len),
                                 deleted, citing->len);
    }
  dossier_panel_show_toast (DOSSIER_PANEL (self), message, TRUE);
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
    self->menu = dossier_context_menu_new (GTK_WIDGET (self));
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (menu));

  if (!gtk_widget_translate_coordinates (widget, GTK_WIDGET (self), x, y, &px, &py))
    px = py = 0;
  rect = (GdkRectangle) { (int) px, (int) py, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  /* The row's tooltip (its title and count) would open over the menu. */
  dossier_hold_tooltip_under (GTK_POPOVER (self->menu), widget, x, y);
  dossier_popup_returning_focus (GTK_POPOVER (self->menu));
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

/* ---- Rows in view ------------------------------------------------------------------ */

/* Rows this far either side of those on screen (and at least this many
 * from the top before the list has its size) lay out their texts; see
 * dossier-document-row.h. Scrolling brings rows nearer long before they
 * show. */
#define ROWS_AROUND_VIEW 40

static gboolean
position_in_view (DossierDocumentsPanel *self,
                  guint                  position)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint selected = gtk_single_selection_get_selected (self->selection);
  double upper, page, row_height, first, last;

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  /* The list scrolls to the selected row (and keys move the selection):
   * its neighbours before the list says where it is. */
  if (selected != GTK_INVALID_LIST_POSITION && position + ROWS_AROUND_VIEW >= selected &&
      position <= selected + ROWS_AROUND_VIEW)
    return TRUE;

  upper = adjustment ? gtk_adjustment_get_upper (adjustment) : 0;
  page = adjustment ? gtk_adjustment_get_page_size (adjustment) : 0;
  if (n == 0 || upper <= 0 || page <= 0)
    return position < ROWS_AROUND_VIEW + 20;

  /* The list's rows are about as high as each other. */
  row_height = upper / n;
  first = gtk_adjustment_get_value (adjustment) / row_height;
  last = (gtk_adjustment_get_value (adjustment) + page) / row_height;
  return position + ROWS_AROUND_VIEW + (last - first) >= first &&
         position <= last + (last - first) + ROWS_AROUND_VIEW;
}

static void
dossier_documents_panel_bind_row (DossierPanel *panel,
                                  DossierRow   *row)
{
  DossierDocumentsPanel *self = DOSSIER_DOCUMENTS_PANEL (panel);
  GtkListItem *item = dossier_row_get_list_item (row);

  if (DOSSIER_IS_DOCUMENT_ROW (row))
    dossier_document_row_set_in_view (DOSSIER_DOCUMENT_ROW (row),
                                      item == NULL || position_in_view (self, gtk_list_item_get_position (item)));
}

static gboolean
in_view_idle_cb (gpointer data)
{
  DossierDocumentsPanel *self = data;

  self->in_view_idle = 0;
  dossier_panel_update_rows (DOSSIER_PANEL (self));
  return G_SOURCE_REMOVE;
}

/* The list scrolled, changed size or moved its rows: once it is done (it
 * may be laying itself out), before the next frame. */
static void
queue_in_view (DossierDocumentsPanel *self)
{
  if (self->in_view_idle == 0)
    self->in_view_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, in_view_idle_cb, self, NULL);
}

/* ---- Project ------------------------------------------------------------------- */

static void
on_documents_changed (DossierDocumentsPanel *self)
{
  update_empty_state (self);
}

static void
dossier_documents_panel_project_changed (DossierPanel *panel)
{
  DossierDocumentsPanel *self = DOSSIER_DOCUMENTS_PANEL (panel);
  DossierProject *project = dossier_panel_get_project (panel);
  GListModel *documents = project ? dossier_project_get_documents (project) : NULL;

  self->selected_id = 0;
  self->selecting = TRUE;
  gtk_filter_list_model_set_model (self->filter_model, documents);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;

  g_signal_group_set_target (self->documents_signals, documents);
  update_empty_state (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_entry), project != NULL);
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

  g_clear_object (&self->documents_signals);
  g_clear_handle_id (&self->in_view_idle, g_source_remove);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_DOCUMENTS_PANEL);
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
  DossierPanelClass *panel_class = DOSSIER_PANEL_CLASS (klass);

  object_class->get_property = dossier_documents_panel_get_property;
  object_class->set_property = dossier_documents_panel_set_property;
  object_class->dispose = dossier_documents_panel_dispose;
  object_class->finalize = dossier_documents_panel_finalize;
  panel_class->project_changed = dossier_documents_panel_project_changed;
  panel_class->bind_row = dossier_documents_panel_bind_row;

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
  signals[DOCUMENT_CLICKED] =
    g_signal_new ("document-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (DOSSIER_TYPE_DOCUMENT);
  g_type_ensure (DOSSIER_TYPE_DOCUMENT_ROW);

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
  gtk_widget_class_bind_template_callback (widget_class, on_list_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_clicked);

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
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->filter = gtk_custom_filter_new (filter_document, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  self->sort = DOSSIER_DOCUMENTS_SORT_IMPORTED;

  /* After the filter model's own handler: the rows are up to date. */
  self->documents_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->documents_signals, "items-changed",
                                 G_CALLBACK (on_documents_changed), self,
                                 G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  shortcuts = gtk_shortcut_controller_new ();
  add_list_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_F2, 0, "documents.rename");
  add_list_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Delete, 0, "documents.delete");
  add_list_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Return, GDK_ALT_MASK, "documents.edit-details");
  add_list_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Menu, 0, "menu");
  add_list_shortcut (self, GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_F10, GDK_SHIFT_MASK, "menu");
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);

  /* After the list's own handlers: its rows are where they now are. */
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (queue_in_view), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (queue_in_view), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)),
                           "value-changed", G_CALLBACK (queue_in_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)),
                           "changed", G_CALLBACK (queue_in_view), self, G_CONNECT_SWAPPED);

  update_empty_state (self);
}

GtkWidget *
dossier_documents_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_DOCUMENTS_PANEL, NULL);
}
