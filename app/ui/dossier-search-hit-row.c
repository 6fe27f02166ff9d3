/* dossier-search-hit-row.c — a hit of a project search. The document's
 * title is bound to the live document, so a rename shows at once. */

#include "config.h"

#include "dossier-search-hit-row.h"

struct _DossierSearchHitRow
{
  DossierRow     parent_instance;

  GBindingGroup *document_bindings;

  /* template */
  GtkLabel      *title;
  GtkWidget     *memo;
  GtkLabel      *snippet;
};

G_DEFINE_FINAL_TYPE (DossierSearchHitRow, dossier_search_hit_row, DOSSIER_TYPE_ROW)

static void
dossier_search_hit_row_item_changed (DossierRow *row)
{
  DossierSearchHitRow *self = DOSSIER_SEARCH_HIT_ROW (row);
  DossierSearchHitItem *hit = dossier_search_hit_row_get_hit (self);
  DossierDocument *document = hit ? dossier_search_hit_item_get_document (hit) : NULL;

  g_binding_group_set_source (self->document_bindings, document);
  if (document == NULL)
    gtk_label_set_text (self->title, "");
  gtk_label_set_markup (self->snippet, hit ? dossier_search_hit_item_get_markup (hit) : "");
  gtk_widget_set_visible (self->memo, hit != NULL && dossier_search_hit_item_get_highlight_id (hit) != 0);

  /* The document, then the words around the match. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (self->title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, gtk_label_get_text (self->snippet),
                                  -1);
}

DossierSearchHitItem *
dossier_search_hit_row_get_hit (DossierSearchHitRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_HIT_ROW (self), NULL);

  return dossier_row_get_item (DOSSIER_ROW (self));
}

static void
dossier_search_hit_row_dispose (GObject *object)
{
  DossierSearchHitRow *self = DOSSIER_SEARCH_HIT_ROW (object);

  g_clear_object (&self->document_bindings);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_SEARCH_HIT_ROW);

  G_OBJECT_CLASS (dossier_search_hit_row_parent_class)->dispose (object);
}

static void
dossier_search_hit_row_class_init (DossierSearchHitRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DossierRowClass *row_class = DOSSIER_ROW_CLASS (klass);

  object_class->dispose = dossier_search_hit_row_dispose;
  row_class->item_changed = dossier_search_hit_row_item_changed;
  dossier_row_class_set_item_type (row_class, DOSSIER_TYPE_SEARCH_HIT_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-search-hit-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSearchHitRow, title);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchHitRow, memo);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchHitRow, snippet);
}

static void
dossier_search_hit_row_init (DossierSearchHitRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->document_bindings = g_binding_group_new ();
  g_binding_group_bind (self->document_bindings, "title", self->title, "label", G_BINDING_SYNC_CREATE);
}

GtkWidget *
dossier_search_hit_row_new (void)
{
  return g_object_new (DOSSIER_TYPE_SEARCH_HIT_ROW, NULL);
}
