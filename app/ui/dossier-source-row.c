/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-source-row.c — a row of the Brief page's Sources. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-source-row.h"
#include "dossier-ui-utils.h"

struct _DossierSourceRow
{
  DossierRow  parent_instance;

  /* template */
  GtkLabel   *title;
  GtkLabel   *passage;
  GtkLabel   *details;
  GtkLabel   *problem;
};

G_DEFINE_FINAL_TYPE (DossierSourceRow, dossier_source_row, DOSSIER_TYPE_ROW)

/* The direction mark of @widget: Pango lays out a text whose first
 * letters are Arabic or Hebrew right to left, flush with the row's far
 * side, unless the mark leads it. */
static const char *
direction_mark (GtkWidget *widget)
{
  return gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? "\u200f" : "\u200e";
}

/* @label showing @prefix (may be NULL) and @text, led by the direction
 * mark; hidden when @text is empty. */
static void
show_text (GtkLabel   *label,
           const char *prefix,
           const char *text)
{
  g_autofree char *shown = dossier_shown_text (text);
  g_autofree char *marked = g_strconcat (direction_mark (GTK_WIDGET (label)), prefix != NULL ? prefix : "",
                                         shown, NULL);

  gtk_label_set_text (label, marked);
  gtk_widget_set_visible (GTK_WIDGET (label), shown[0] != '\0');
}

static void
append_sentence (GString    *out,
                 const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  if (out->len > 0)
    g_string_append (out, ". ");
  g_string_append (out, text);
}

static void
dossier_source_row_item_changed (DossierRow *row)
{
  DossierSourceRow *self = DOSSIER_SOURCE_ROW (row);
  DossierSourceItem *item = dossier_row_get_item (row);
  const char *problem = item != NULL ? dossier_source_item_get_problem (item) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *unverified = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GString) description = g_string_new (NULL);

  if (item == NULL)
    return;

  /* The number as the preview marks it in the text, dimmed. */
  {
    g_autofree char *shown = dossier_shown_text (dossier_source_item_get_title (item));

    title = g_markup_printf_escaped ("%s<span alpha=\"55%%\">[%u]</span> %s", direction_mark (GTK_WIDGET (self)),
                                     dossier_source_item_get_number (item), shown);
    gtk_label_set_markup (self->title, title);
  }
  show_text (self->passage, NULL, dossier_source_item_get_passage (item));
  show_text (self->details, NULL, dossier_source_item_get_details (item));
  if (problem != NULL)
    unverified = g_strdup_printf ("%s %s", _("Unverified:"), problem);
  show_text (self->problem, "⚠ ", unverified);

  /* TRANSLATORS: a source in the Brief page, for a screen reader: its
   * footnote number and the document's title */
  label = g_strdup_printf (_("Source %u: %s"), dossier_source_item_get_number (item),
                           dossier_source_item_get_title (item));
  append_sentence (description, dossier_source_item_get_passage (item));
  append_sentence (description, dossier_source_item_get_details (item));
  append_sentence (description, unverified);
  dossier_row_set_accessible (row, label, description->str);
}

static void
dossier_source_row_class_init (DossierSourceRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  DOSSIER_ROW_CLASS (klass)->item_changed = dossier_source_row_item_changed;
  dossier_row_class_set_template (DOSSIER_ROW_CLASS (klass), DOSSIER_TYPE_SOURCE_ITEM,
                                  "/org/dossier/Dossier/ui/dossier-source-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSourceRow, title);
  gtk_widget_class_bind_template_child (widget_class, DossierSourceRow, passage);
  gtk_widget_class_bind_template_child (widget_class, DossierSourceRow, details);
  gtk_widget_class_bind_template_child (widget_class, DossierSourceRow, problem);
}

static void
dossier_source_row_init (DossierSourceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dossier_label_set_max_lines (self->title, 2);
  dossier_label_set_max_lines (self->passage, 2);
  dossier_label_set_max_lines (self->details, 2);
}

GtkWidget *
dossier_source_row_new (DossierSourceItem *item)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE_ITEM (item), NULL);

  return g_object_new (DOSSIER_TYPE_SOURCE_ROW, "item", item, NULL);
}
