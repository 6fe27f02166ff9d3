/* dossier-highlight-card.c — a highlight as a card.
 *
 * The highlight is a snapshot; its tags and document are the project's
 * live objects, so chips and the document's title are bound to them and
 * follow renames and recolours without the card being bound again. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-highlight-card.h"
#include "dossier-tag-chip.h"

/* The labels ellipsize after a few lines anyway; laying out the whole of
 * a long passage only to cut it would be most of a card's cost. */
#define QUOTE_PREVIEW_CHARS 400
#define MEMO_PREVIEW_CHARS  300

struct _DossierHighlightCard
{
  DossierRow      parent_instance;

  DossierProject *project;
  gboolean        show_document;
  GBinding       *document_binding;   /* a ref: the document may go first */

  /* template */
  GtkLabel       *document;
  GtkLabel       *quote;
  GtkWidget      *chips;
  GtkLabel       *memo;
  GtkWidget      *orphan;
};

G_DEFINE_FINAL_TYPE (DossierHighlightCard, dossier_highlight_card, DOSSIER_TYPE_ROW)

static void
set_preview (GtkLabel   *label,
             const char *text,
             guint       max_chars)
{
  const char *end = text ? text : "";
  g_autofree char *cut = NULL;

  for (guint n = 0; *end != '\0' && n < max_chars; n++)
    end = g_utf8_next_char (end);

  if (*end == '\0')
    {
      gtk_label_set_text (label, text ? text : "");
      return;
    }

  cut = g_strdup_printf ("%.*s…", (int) (end - text), text);
  gtk_label_set_text (label, cut);
}

static void
clear_document_binding (DossierHighlightCard *self)
{
  if (self->document_binding == NULL)
    return;

  g_binding_unbind (self->document_binding);
  g_clear_object (&self->document_binding);
}

static void
show_document (DossierHighlightCard *self)
{
  DossierHighlight *highlight = dossier_row_get_item (DOSSIER_ROW (self));
  DossierDocument *document = NULL;

  clear_document_binding (self);
  if (self->show_document && self->project != NULL && highlight != NULL)
    document = dossier_project_get_document (self->project,
                                             dossier_highlight_get_document_id (highlight));
  if (document != NULL)
    self->document_binding = g_object_ref (g_object_bind_property (document, "title",
                                                                   self->document, "label",
                                                                   G_BINDING_SYNC_CREATE));
  gtk_widget_set_visible (GTK_WIDGET (self->document), document != NULL);
}

static void
show_chips (DossierHighlightCard *self)
{
  DossierHighlight *highlight = dossier_row_get_item (DOSSIER_ROW (self));
  const gint64 *tag_ids = NULL;
  guint n_tags = 0;
  GtkWidget *child;

  /* Bindings end with the chips. */
  while ((child = gtk_widget_get_first_child (self->chips)) != NULL)
    gtk_box_remove (GTK_BOX (self->chips), child);

  if (highlight != NULL && self->project != NULL)
    tag_ids = dossier_highlight_get_tag_ids (highlight, &n_tags);

  for (guint i = 0; i < n_tags; i++)
    {
      DossierTag *tag = dossier_project_get_tag (self->project, tag_ids[i]);
      GtkWidget *chip;

      if (tag == NULL)
        continue;

      chip = dossier_tag_chip_new (NULL, NULL);
      g_object_bind_property (tag, "name", chip, "tag-name", G_BINDING_SYNC_CREATE);
      g_object_bind_property (tag, "color", chip, "color", G_BINDING_SYNC_CREATE);
      g_object_bind_property (tag, "path", chip, "tooltip-text", G_BINDING_SYNC_CREATE);
      gtk_box_append (GTK_BOX (self->chips), chip);
    }
  gtk_widget_set_visible (self->chips, gtk_widget_get_first_child (self->chips) != NULL);
}

static void
dossier_highlight_card_item_changed (DossierRow *row)
{
  DossierHighlightCard *self = DOSSIER_HIGHLIGHT_CARD (row);
  DossierHighlight *highlight = dossier_row_get_item (DOSSIER_ROW (self));
  const char *memo = highlight ? dossier_highlight_get_memo (highlight) : NULL;

  set_preview (self->quote, highlight ? dossier_highlight_get_quote (highlight) : NULL,
               QUOTE_PREVIEW_CHARS);
  set_preview (self->memo, memo, MEMO_PREVIEW_CHARS);
  gtk_widget_set_visible (GTK_WIDGET (self->memo), memo != NULL && memo[0] != '\0');
  gtk_widget_set_visible (self->orphan, highlight != NULL && dossier_highlight_get_orphaned (highlight));
  /* Read as the passage it marks, its memo as the description. */
  dossier_row_set_accessible (DOSSIER_ROW (self), gtk_label_get_text (self->quote),
                              memo != NULL && memo[0] != '\0' ? memo : NULL);

  show_document (self);
  show_chips (self);
}

void
dossier_highlight_card_set_project (DossierHighlightCard *self,
                                    DossierProject       *project)
{
  g_return_if_fail (DOSSIER_IS_HIGHLIGHT_CARD (self));
  g_return_if_fail (project == NULL || DOSSIER_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  show_document (self);
  show_chips (self);
}

void
dossier_highlight_card_set_show_document (DossierHighlightCard *self,
                                          gboolean              show)
{
  g_return_if_fail (DOSSIER_IS_HIGHLIGHT_CARD (self));

  if (self->show_document == !!show)
    return;

  self->show_document = !!show;
  show_document (self);
}

static void
dossier_highlight_card_dispose (GObject *object)
{
  DossierHighlightCard *self = DOSSIER_HIGHLIGHT_CARD (object);

  clear_document_binding (self);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (dossier_highlight_card_parent_class)->dispose (object);
}

static void
dossier_highlight_card_class_init (DossierHighlightCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_highlight_card_dispose;
  DOSSIER_ROW_CLASS (klass)->item_changed = dossier_highlight_card_item_changed;
  dossier_row_class_set_template (DOSSIER_ROW_CLASS (klass), DOSSIER_TYPE_HIGHLIGHT,
                                  "/org/dossier/Dossier/ui/dossier-highlight-card.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightCard, document);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightCard, quote);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightCard, chips);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightCard, memo);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightCard, orphan);
}

static void
dossier_highlight_card_init (DossierHighlightCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
