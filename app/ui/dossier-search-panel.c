/* dossier-search-panel.c — full-text search over the whole project.
 *
 * The core's FTS5 search is fast enough (< 50 ms over 100 MB) to run on
 * the main thread once the entry's typing delay has passed; results are
 * capped so that a one-letter query cannot flood the list. When the
 * project changes under a query, the query runs again from an idle so a
 * burst of changes costs one search.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-search-panel.h"

#define MAX_HITS 500

/* ---- one listed hit ---------------------------------------------------------- */

#define DOSSIER_TYPE_SEARCH_HIT_ITEM (dossier_search_hit_item_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchHitItem, dossier_search_hit_item, DOSSIER, SEARCH_HIT_ITEM, GObject)

struct _DossierSearchHitItem
{
  GObject  parent_instance;

  gint64   document_id;
  gint64   highlight_id;
  gint64   start;
  gint64   end;
  char    *markup;
};

G_DEFINE_FINAL_TYPE (DossierSearchHitItem, dossier_search_hit_item, G_TYPE_OBJECT)

static void
dossier_search_hit_item_finalize (GObject *object)
{
  DossierSearchHitItem *self = DOSSIER_SEARCH_HIT_ITEM (object);

  g_free (self->markup);

  G_OBJECT_CLASS (dossier_search_hit_item_parent_class)->finalize (object);
}

static void
dossier_search_hit_item_class_init (DossierSearchHitItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_search_hit_item_finalize;
}

static void
dossier_search_hit_item_init (DossierSearchHitItem *self)
{
}

/* ---- the panel ---------------------------------------------------------------- */

struct _DossierSearchPanel
{
  GtkWidget       parent_instance;

  /* template */
  GtkWidget      *box;
  GtkSearchEntry *entry;
  GtkLabel       *count_label;
  GtkStack       *stack;
  GtkListView    *list_view;

  DossierProject *project;
  GListStore     *store;        /* of DossierSearchHitItem */
  char           *query;        /* what the list shows hits for */
  guint           rerun_idle;
};

G_DEFINE_FINAL_TYPE (DossierSearchPanel, dossier_search_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

char *
dossier_search_snippet_to_markup (const char *snippet)
{
  GString *markup;
  const char *p, *run;
  gboolean bold = FALSE;

  g_return_val_if_fail (snippet != NULL, NULL);

  markup = g_string_sized_new (strlen (snippet) + 16);
  run = snippet;

  /* A « opens a match only outside one and a » closes it only inside,
   * so guillemets in the text itself come through as text. */
  for (p = snippet; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *tag = NULL;

      if (c == 0x00AB && !bold)
        tag = "<b>";
      else if (c == 0x00BB && bold)
        tag = "</b>";
      else if (c == '\n' || c == '\t' || c == '\r')
        tag = " ";

      if (tag != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (run, p - run);

          g_string_append (markup, escaped);
          g_string_append (markup, tag);
          if (c == 0x00AB || c == 0x00BB)
            bold = !bold;
          run = g_utf8_next_char (p);
        }
    }

  if (p > run)
    {
      g_autofree char *escaped = g_markup_escape_text (run, p - run);

      g_string_append (markup, escaped);
    }
  if (bold)
    g_string_append (markup, "</b>");

  return g_string_free (markup, FALSE);
}

static void
show_hits (DossierSearchPanel *self,
           const char         *query,
           GPtrArray          *hits)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = hits ? hits->len : 0;

  for (guint i = 0; i < n; i++)
    {
      DossierSearchHit *hit = g_ptr_array_index (hits, i);
      DossierSearchHitItem *item = g_object_new (DOSSIER_TYPE_SEARCH_HIT_ITEM, NULL);

      item->document_id = hit->document_id;
      item->highlight_id = hit->highlight_id;
      item->start = hit->start;
      item->end = hit->end;
      item->markup = dossier_search_snippet_to_markup (hit->snippet ? hit->snippet : "");
      g_ptr_array_add (items, item);
    }

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  if (query == NULL || query[0] == '\0')
    {
      gtk_stack_set_visible_child_name (self->stack, "idle");
      gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
      return;
    }

  if (n == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
    }
  else
    {
      g_autofree char *count = NULL;

      if (n >= MAX_HITS)
        count = g_strdup_printf (_("The first %u results"), n);
      else
        count = g_strdup_printf (ngettext ("%u result", "%u results", n), n);
      gtk_label_set_text (self->count_label, count);
      gtk_widget_set_visible (GTK_WIDGET (self->count_label), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "results");
    }
}

static guint
run_query (DossierSearchPanel *self,
           const char         *query)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (query ? query : ""));

  g_free (self->query);
  self->query = g_strdup (stripped);

  if (self->project != NULL && stripped[0] != '\0')
    {
      hits = dossier_project_search (self->project, stripped, MAX_HITS, &error);
      if (hits == NULL)
        g_warning ("Search for “%s” failed: %s", stripped, error ? error->message : "?");
    }

  show_hits (self, stripped, hits);

  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

static void
search_changed_cb (DossierSearchPanel *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  if (g_strcmp0 (text, self->query) != 0)
    run_query (self, text);
}

static void
activate_hit (DossierSearchPanel *self,
              guint               position)
{
  g_autoptr(DossierSearchHitItem) item = g_list_model_get_item (G_LIST_MODEL (self->store),
                                                                position);

  if (item != NULL)
    g_signal_emit (self, signals[HIT_ACTIVATED], 0, item->document_id, item->start, item->end);
}

static void
entry_activate_cb (DossierSearchPanel *self)
{
  /* The query may still be waiting for the typing delay. */
  search_changed_cb (self);

  activate_hit (self, 0);
}

static void
stop_search_cb (DossierSearchPanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  run_query (self, "");
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      DossierSearchPanel    *self)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    {
      gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
      return TRUE;
    }

  return FALSE;
}

static void
list_activate_cb (GtkListView        *list_view,
                  guint               position,
                  DossierSearchPanel *self)
{
  activate_hit (self, position);
}

static gboolean
rerun_idle_cb (gpointer data)
{
  DossierSearchPanel *self = data;

  self->rerun_idle = 0;
  if (self->query != NULL && self->query[0] != '\0')
    run_query (self, self->query);

  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (DossierSearchPanel *self)
{
  if (self->rerun_idle == 0 && self->query != NULL && self->query[0] != '\0')
    self->rerun_idle = g_idle_add (rerun_idle_cb, self);
}

/* ---- rows ---------------------------------------------------------------------- */

static void
setup_hit_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *row, *top, *title, *memo, *snippet;

  row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (row), top);

  title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "hit-title");
  gtk_box_append (GTK_BOX (top), title);

  memo = gtk_label_new (_("Memo"));
  gtk_widget_add_css_class (memo, "caption");
  gtk_widget_add_css_class (memo, "dim-label");
  gtk_widget_add_css_class (memo, "hit-memo");
  gtk_widget_set_tooltip_text (memo, _("Found in the memo of a highlight"));
  gtk_box_append (GTK_BOX (top), memo);

  snippet = g_object_new (GTK_TYPE_LABEL,
                          "xalign", 0.0f,
                          "wrap", TRUE,
                          "wrap-mode", PANGO_WRAP_WORD_CHAR,
                          "ellipsize", PANGO_ELLIPSIZE_END,
                          "lines", 3,
                          "width-chars", 12,
                          "max-width-chars", 48,
                          "use-markup", TRUE,
                          NULL);
  gtk_widget_add_css_class (snippet, "hit-snippet");
  gtk_box_append (GTK_BOX (row), snippet);

  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "memo", memo);
  g_object_set_data (G_OBJECT (row), "snippet", snippet);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_hit_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             DossierSearchPanel       *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  DossierSearchHitItem *item = gtk_list_item_get_item (list_item);
  DossierDocument *document = NULL;

  if (self->project != NULL)
    document = dossier_project_get_document (self->project, item->document_id);

  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "title"),
                      document ? dossier_document_get_title (document) : "");
  gtk_label_set_markup (g_object_get_data (G_OBJECT (row), "snippet"), item->markup);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "memo"), item->highlight_id != 0);
}

/* ---- public ---------------------------------------------------------------------- */

DossierProject *
dossier_search_panel_get_project (DossierSearchPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANEL (self), NULL);

  return self->project;
}

void
dossier_search_panel_set_project (DossierSearchPanel *self,
                                  DossierProject     *project)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_PANEL (self));
  g_return_if_fail (project == NULL || DOSSIER_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (dossier_project_get_documents (self->project), self);
    }

  g_set_object (&self->project, project);

  if (project != NULL)
    {
      g_signal_connect_object (project, "highlights-changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "document-text-changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (dossier_project_get_documents (project), "items-changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
    }

  run_query (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
dossier_search_panel_focus_entry (DossierSearchPanel *self)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

guint
dossier_search_panel_search (DossierSearchPanel *self,
                             const char         *query)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANEL (self), 0);

  /* The entry's delayed "search-changed" will find this query done. */
  gtk_editable_set_text (GTK_EDITABLE (self->entry), query ? query : "");

  return run_query (self, query);
}

guint
dossier_search_panel_get_n_hits (DossierSearchPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANEL (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

/* ---- GObject -------------------------------------------------------------------- */

static void
dossier_search_panel_dispose (GObject *object)
{
  DossierSearchPanel *self = DOSSIER_SEARCH_PANEL (object);

  g_clear_handle_id (&self->rerun_idle, g_source_remove);
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (dossier_project_get_documents (self->project), self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_SEARCH_PANEL);

  g_clear_object (&self->store);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (dossier_search_panel_parent_class)->dispose (object);
}

static void
dossier_search_panel_finalize (GObject *object)
{
  DossierSearchPanel *self = DOSSIER_SEARCH_PANEL (object);

  g_free (self->query);

  G_OBJECT_CLASS (dossier_search_panel_parent_class)->finalize (object);
}

static void
dossier_search_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierSearchPanel *self = DOSSIER_SEARCH_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_search_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierSearchPanel *self = DOSSIER_SEARCH_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      dossier_search_panel_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_search_panel_class_init (DossierSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_search_panel_dispose;
  object_class->finalize = dossier_search_panel_finalize;
  object_class->get_property = dossier_search_panel_get_property;
  object_class->set_property = dossier_search_panel_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, DOSSIER_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, box);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, entry);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, list_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "searchpanel");
}

static void
dossier_search_panel_init (DossierSearchPanel *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (DOSSIER_TYPE_SEARCH_HIT_ITEM);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_hit_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_hit_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_activate_cb), self, 0);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (stop_search_cb), self);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  show_hits (self, NULL, NULL);
}

GtkWidget *
dossier_search_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_SEARCH_PANEL, NULL);
}
