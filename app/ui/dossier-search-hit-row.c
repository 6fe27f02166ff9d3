/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-search-hit-row.c — a hit of a project search. The document's
 * title is bound in the template to the live document, so a rename shows
 * at once. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-search-hit-row.h"
#include "dossier-ui-utils.h"

struct _DossierSearchHitRow
{
  DossierRow     parent_instance;

  /* template */
  GtkWidget     *header;
  GtkLabel      *title;
  GtkLabel      *count;
  GtkWidget     *memo;
  GtkLabel      *snippet;
};

G_DEFINE_FINAL_TYPE (DossierSearchHitRow, dossier_search_hit_row, DOSSIER_TYPE_ROW)

static void
dossier_search_hit_row_item_changed (DossierRow *row)
{
  DossierSearchHitRow *self = DOSSIER_SEARCH_HIT_ROW (row);
  DossierSearchHitItem *hit = dossier_row_get_item (row);
  DossierDocument *document = hit ? dossier_search_hit_item_get_document (hit) : NULL;
  guint index = hit ? dossier_search_hit_item_get_index (hit) : 0;
  guint n = hit ? dossier_search_hit_item_get_n_in_document (hit) : 0;
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;

  /* The template binds the title of a document; without one, none. */
  if (document == NULL)
    gtk_label_set_text (self->title, "");
  gtk_label_set_markup (self->snippet, hit ? dossier_search_hit_item_get_markup (hit) : "");
  gtk_widget_set_visible (self->memo, hit != NULL && dossier_search_hit_item_get_hit (hit)->highlight_id != 0);

  /* The first hit of a document heads its group. */
  gtk_widget_set_visible (self->header, index == 1);
  count = g_strdup_printf (ngettext ("%u match", "%u matches", n), n);
  gtk_label_set_text (self->count, count);

  /* The document, then which match of how many and the words around it. */
  description = g_strdup_printf (_("Match %u of %u: %s"), index, n, gtk_label_get_text (self->snippet));
  dossier_row_set_accessible (DOSSIER_ROW (self), document ? dossier_document_get_title (document) : "",
                              description);
}

static void
dossier_search_hit_row_class_init (DossierSearchHitRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  DOSSIER_ROW_CLASS (klass)->item_changed = dossier_search_hit_row_item_changed;
  g_type_ensure (DOSSIER_TYPE_SEARCH_HIT_ITEM);
  dossier_row_class_set_template (DOSSIER_ROW_CLASS (klass), DOSSIER_TYPE_SEARCH_HIT_ITEM,
                                  "/org/dossier/Dossier/ui/dossier-search-hit-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSearchHitRow, header);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchHitRow, title);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchHitRow, count);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchHitRow, memo);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchHitRow, snippet);
  dossier_shown_class_init (widget_class);
}

static void
dossier_search_hit_row_init (DossierSearchHitRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
