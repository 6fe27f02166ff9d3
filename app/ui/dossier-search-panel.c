/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-search-panel.c — full-text search over the whole project.
 *
 * Every occurrence is listed, grouped by document (the best document
 * first, its matches in text order), and the user steps through them
 * (Ctrl+G / Shift+Ctrl+G in the entry, F3 / Shift+F3 in the window): the
 * reader shows and selects each. The core's FTS5 search is fast enough
 * (< 50 ms over 100 MB) to run on the main thread once the entry's typing
 * delay has passed; results are capped so that a one-letter query cannot
 * flood the list. When the project changes under a query, the query runs
 * again from an idle so a burst of changes costs one search.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-search-hit-row.h"
#include "dossier-search-panel.h"

#define MAX_HITS 1000

/* ---- the panel ---------------------------------------------------------------- */

struct _DossierSearchPanel
{
  DossierPanel    parent_instance;

  /* template */
  GtkWidget      *box;
  GtkSearchEntry *entry;
  GtkLabel       *count_label;
  GtkWidget      *indexing_box;
  GtkSpinner     *indexing_spinner;
  GtkLabel       *indexing_label;
  GtkStack       *stack;
  AdwStatusPage  *failed_page;
  GtkListView    *list_view;

  GSignalGroup   *project_signals;
  GSignalGroup   *documents_signals;
  GListStore     *store;        /* of DossierSearchHitItem */
  GtkSingleSelection *selection; /* the hit shown last, if any */
  guint           n_documents;
  char           *query;        /* what the list shows hits for */
  guint           rerun_idle;
};

G_DEFINE_FINAL_TYPE (DossierSearchPanel, dossier_search_panel, DOSSIER_TYPE_PANEL)

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where the hit shown last was (its document and start), to find it again
 * in a new list of hits; FALSE if none. */
static gboolean
get_current (DossierSearchPanel *self,
             gint64             *document_id,
             gint64             *start)
{
  DossierSearchHitItem *item = gtk_single_selection_get_selected_item (self->selection);
  const DossierSearchHit *hit;

  if (item == NULL)
    return FALSE;

  hit = dossier_search_hit_item_get_hit (item);
  *document_id = hit->document_id;
  *start = hit->start;
  return TRUE;
}

static void
show_hits (DossierSearchPanel *self,
           const char         *query,
           GPtrArray          *hits)
{
  DossierProject *project = dossier_panel_get_project (DOSSIER_PANEL (self));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = hits ? hits->len : 0;
  guint current = GTK_INVALID_LIST_POSITION;
  gint64 current_document = 0, current_start = 0;
  gboolean had_current = get_current (self, &current_document, &current_start);

  /* The core gives each document's hits together: number them in their
   * group. */
  self->n_documents = 0;
  for (guint i = 0; i < n; )
    {
      DossierSearchHit *first = g_ptr_array_index (hits, i);
      DossierDocument *document = project ? dossier_project_get_document (project, first->document_id) : NULL;
      guint end = i;

      while (end < n && ((DossierSearchHit *) g_ptr_array_index (hits, end))->document_id == first->document_id)
        end++;

      for (guint j = i; j < end; j++)
        {
          DossierSearchHit *hit = g_ptr_array_index (hits, j);
          DossierSearchHitItem *item = dossier_search_hit_item_new (hit, document);

          dossier_search_hit_item_set_place (item, j - i + 1, end - i);
          if (had_current && hit->document_id == current_document && hit->start == current_start)
            current = j;
          g_ptr_array_add (items, item);
        }

      self->n_documents++;
      i = end;
    }

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  /* The same hit stays current across a new search of the same words. */
  gtk_single_selection_set_selected (self->selection, current);

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
      g_autofree char *results = NULL;
      g_autofree char *count = NULL;

      if (n >= MAX_HITS)
        results = g_strdup_printf (_("The first %u results"), n);
      else
        results = g_strdup_printf (ngettext ("%u result", "%u results", n), n);
      /* TRANSLATORS: "4 results" and "in 2 documents" */
      count = g_strdup_printf (ngettext ("%s in %u document", "%s in %u documents", self->n_documents),
                               results, self->n_documents);
      gtk_label_set_text (self->count_label, count);
      gtk_widget_set_visible (GTK_WIDGET (self->count_label), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "results");
    }
}

/* While texts wait for the index, a query leaves them out (the core does
 * not hold the window to index them, nor to wait for the program that
 * does): the box under the entry says how many, or that they are being
 * indexed; its spinner turns while they are. */
static void
show_indexing (DossierSearchPanel *self)
{
  DossierProject *project = dossier_panel_get_project (DOSSIER_PANEL (self));
  gboolean indexing = project != NULL && dossier_project_get_indexing (project);
  guint left_out = 0;

  if (project != NULL && self->query != NULL && self->query[0] != '\0')
    left_out = dossier_project_count_unindexed (project);

  if (left_out > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u document is not indexed for search yet: the results "
                                   "leave it out.",
                                   "%u documents are not indexed for search yet: the results "
                                   "leave them out.",
                                   left_out),
                         left_out);

      gtk_label_set_text (self->indexing_label, text);
    }
  else
    gtk_label_set_text (self->indexing_label, _("Indexing new documents…"));

  gtk_widget_set_visible (self->indexing_box, indexing || left_out > 0);
  gtk_spinner_set_spinning (self->indexing_spinner, indexing);
}

static guint
run_query (DossierSearchPanel *self,
           const char         *query)
{
  DossierProject *project = dossier_panel_get_project (DOSSIER_PANEL (self));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (query ? query : ""));

  g_free (self->query);
  self->query = g_strdup (stripped);

  if (project != NULL && stripped[0] != '\0')
    hits = dossier_project_search_occurrences (project, stripped, MAX_HITS, &error);

  show_hits (self, stripped, hits);
  show_indexing (self);
  /* A search that cannot run says why, not "No Results": a file from
   * elsewhere whose index is damaged, opened read-only (so not rebuilt),
   * says how to mend it. */
  if (hits == NULL && error != NULL)
    {
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "failed");
    }

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
    {
      const DossierSearchHit *hit = dossier_search_hit_item_get_hit (item);

      gtk_single_selection_set_selected (self->selection, position);
      /* (GTK 4.8 has no gtk_list_view_scroll_to ()) */
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
      g_signal_emit (self, signals[HIT_ACTIVATED], 0, hit->document_id, hit->start, hit->end);
    }
}

static void
next_match_cb (DossierSearchPanel *self)
{
  dossier_search_panel_step (self, TRUE);
}

static void
previous_match_cb (DossierSearchPanel *self)
{
  dossier_search_panel_step (self, FALSE);
}

static void
entry_activate_cb (DossierSearchPanel *self)
{
  /* The query may still be waiting for the typing delay. */
  search_changed_cb (self);

  dossier_search_panel_step (self, TRUE);
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

static void
indexing_changed_cb (DossierSearchPanel *self)
{
  DossierProject *project = dossier_panel_get_project (DOSSIER_PANEL (self));

  show_indexing (self);

  /* A query run while texts waited for the index did not see them. Not
   * when the indexing failed (a full disk): they still wait, and the
   * query would start it again, to fail again, on and on. */
  if (project != NULL && !dossier_project_get_indexing (project) &&
      dossier_project_get_not_indexed (project) == NULL)
    project_changed_cb (self);
}

/* ---- public ---------------------------------------------------------------------- */

static void
dossier_search_panel_project_changed (DossierPanel *panel)
{
  DossierSearchPanel *self = DOSSIER_SEARCH_PANEL (panel);
  DossierProject *project = dossier_panel_get_project (panel);

  g_signal_group_set_target (self->project_signals, project);
  g_signal_group_set_target (self->documents_signals,
                             project ? dossier_project_get_documents (project) : NULL);
  run_query (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

void
dossier_search_panel_focus_entry (DossierSearchPanel *self)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

gboolean
dossier_search_panel_entry_empty_with_focus (DossierSearchPanel *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANEL (self), FALSE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->entry)) &&
         gtk_editable_get_text (GTK_EDITABLE (self->entry))[0] == '\0';
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

gboolean
dossier_search_panel_step (DossierSearchPanel *self,
                           gboolean            forward)
{
  guint n, current;

  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANEL (self), FALSE);

  /* The query may still be waiting for the typing delay. */
  search_changed_cb (self);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  if (n == 0)
    return FALSE;

  /* From the hit shown last, round from the end to the start; with none
   * yet, the first (or, backwards, the last). */
  current = gtk_single_selection_get_selected (self->selection);
  if (current == GTK_INVALID_LIST_POSITION)
    current = forward ? 0 : n - 1;
  else if (forward)
    current = (current + 1) % n;
  else
    current = (current + n - 1) % n;

  activate_hit (self, current);
  return TRUE;
}

guint
dossier_search_panel_get_position (DossierSearchPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANEL (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->selection);
}

guint
dossier_search_panel_get_n_documents (DossierSearchPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANEL (self), 0);

  return self->n_documents;
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
  g_clear_object (&self->project_signals);
  g_clear_object (&self->documents_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_SEARCH_PANEL);

  g_clear_object (&self->selection);
  g_clear_object (&self->store);

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
dossier_search_panel_class_init (DossierSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DossierPanelClass *panel_class = DOSSIER_PANEL_CLASS (klass);

  object_class->dispose = dossier_search_panel_dispose;
  object_class->finalize = dossier_search_panel_finalize;
  panel_class->project_changed = dossier_search_panel_project_changed;

  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (DOSSIER_TYPE_SEARCH_HIT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, box);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, entry);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, indexing_box);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, indexing_spinner);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, indexing_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, failed_page);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, list_view);

  gtk_widget_class_set_css_name (widget_class, "searchpanel");
}

static void
dossier_search_panel_init (DossierSearchPanel *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (DOSSIER_TYPE_SEARCH_HIT_ITEM);

  /* A change under a query runs it again (once per burst). */
  self->project_signals = g_signal_group_new (DOSSIER_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "highlights-changed",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "document-text-changed",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::indexing",
                                 G_CALLBACK (indexing_changed_cb), self, G_CONNECT_SWAPPED);
  /* Found out of step at open and made again: what it found may not be. */
  g_signal_group_connect_object (self->project_signals, "search-index-rebuilt",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  self->documents_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->documents_signals, "items-changed",
                                 G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);

  /* The selection marks the hit shown last, which the steps go on from. */
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_activate_cb), self, 0);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  g_signal_connect_swapped (self->entry, "next-match", G_CALLBACK (next_match_cb), self);
  g_signal_connect_swapped (self->entry, "previous-match", G_CALLBACK (previous_match_cb), self);

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
