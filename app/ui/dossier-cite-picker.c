/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-cite-picker.c — the Brief page's Cite popover.
 *
 * A DossierFilterPopover (the keys, the filtering, the empty state) over
 * the project's highlights, read again each time it opens: the Brief
 * page's own list box took no Enter and no arrow keys.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-cite-picker.h"
#include "dossier-ui-utils.h"

struct _DossierCitePicker
{
  DossierFilterPopover parent_instance;

  GListStore          *highlights;
};

G_DEFINE_FINAL_TYPE (DossierCitePicker, dossier_cite_picker, DOSSIER_TYPE_FILTER_POPOVER)

/* The title of @highlight's document, "" if it has none. */
static const char *
document_title (DossierCitePicker *self,
                DossierHighlight  *highlight)
{
  DossierProject *project = dossier_filter_popover_get_project (DOSSIER_FILTER_POPOVER (self));
  DossierDocument *doc = project != NULL
                         ? dossier_project_get_document (project, dossier_highlight_get_document_id (highlight))
                         : NULL;

  return doc != NULL ? dossier_document_get_title (doc) : "";
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  dossier_label_set_max_lines (GTK_LABEL (label), 3);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          DossierCitePicker        *self)
{
  DossierHighlight *highlight = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  /* A passage and a title from a file: of any length, three lines shown. */
  g_autofree char *quote = dossier_text_shorten (dossier_highlight_get_quote (highlight), 500);
  g_autofree char *title = dossier_text_shorten (document_title (self, highlight),
                                                 DOSSIER_DOCUMENT_MAX_TITLE);
  /* Translators: a highlight in the Cite list: its quote — its document */
  g_autofree char *full = g_strdup_printf (_("“%s” — %s"), quote, title);
  g_autofree char *text = dossier_shown_text (full);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (label)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static gboolean
dossier_cite_picker_match (DossierFilterPopover *popover,
                           gpointer              item,
                           const char           *needle)
{
  return dossier_filter_popover_text_matches (dossier_highlight_get_quote (item), needle) ||
         dossier_filter_popover_text_matches (document_title (DOSSIER_CITE_PICKER (popover), item), needle);
}

static char *
dossier_cite_picker_describe (DossierFilterPopover *popover,
                              gpointer              item)
{
  return g_strdup (dossier_highlight_get_quote (item));
}

static void
dossier_cite_picker_activate (DossierFilterPopover *popover,
                              gpointer              item)
{
  g_autofree char *uuid = g_strdup (dossier_highlight_get_uuid (item));

  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_activate_action (GTK_WIDGET (popover), "briefing.cite", "s", uuid);
}

static void
dossier_cite_picker_project_changed (DossierFilterPopover *popover)
{
  g_list_store_remove_all (DOSSIER_CITE_PICKER (popover)->highlights);
}

/* Every highlight of the project, as it is now: listed before the base
 * class's show filters them, picks the highlighted row and places the
 * picker by its list's height. */
static void
dossier_cite_picker_show (GtkWidget *widget)
{
  DossierCitePicker *self = DOSSIER_CITE_PICKER (widget);
  DossierProject *project = dossier_filter_popover_get_project (DOSSIER_FILTER_POPOVER (self));
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;

  if (project != NULL)
    {
      highlights = dossier_project_list_highlights (project, 0, 0, &error);
      if (highlights == NULL)
        g_message ("Could not list the highlights to cite: %s", error->message);
    }
  g_list_store_splice (self->highlights, 0, g_list_model_get_n_items (G_LIST_MODEL (self->highlights)),
                       highlights != NULL ? highlights->pdata : NULL, highlights != NULL ? highlights->len : 0);

  GTK_WIDGET_CLASS (dossier_cite_picker_parent_class)->show (widget);
}

static void
dossier_cite_picker_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOSSIER_TYPE_CITE_PICKER);
  g_clear_object (&DOSSIER_CITE_PICKER (object)->highlights);

  G_OBJECT_CLASS (dossier_cite_picker_parent_class)->dispose (object);
}

static void
dossier_cite_picker_class_init (DossierCitePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DossierFilterPopoverClass *popover_class = DOSSIER_FILTER_POPOVER_CLASS (klass);

  object_class->dispose = dossier_cite_picker_dispose;
  widget_class->show = dossier_cite_picker_show;
  popover_class->project_changed = dossier_cite_picker_project_changed;
  popover_class->match = dossier_cite_picker_match;
  popover_class->describe = dossier_cite_picker_describe;
  popover_class->activate = dossier_cite_picker_activate;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/ui/dossier-cite-picker.ui");
}

static void
dossier_cite_picker_init (DossierCitePicker *self)
{
  DossierFilterPopover *popover = DOSSIER_FILTER_POPOVER (self);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "dossier-cite-picker");
  dossier_filter_popover_set_labels (popover, _("Search highlights"), _("Highlight to cite"),
                                     _("Highlights"));
  dossier_filter_popover_set_empty_texts (popover,
                                          _("The project has no highlights yet: select a passage in "
                                            "the reader and tag it."),
                                          _("No highlight matches."));

  self->highlights = g_list_store_new (DOSSIER_TYPE_HIGHLIGHT);
  dossier_filter_popover_set_model (popover, G_LIST_MODEL (self->highlights));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  dossier_filter_popover_set_factory (popover, factory);
}

GtkWidget *
dossier_cite_picker_new (void)
{
  return g_object_new (DOSSIER_TYPE_CITE_PICKER, NULL);
}
