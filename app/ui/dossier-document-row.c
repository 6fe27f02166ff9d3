/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-document-row.c — a document in the documents sidebar.
 *
 * The row follows its DossierDocument's notify signals (a rename, new
 * details, a highlight more or less) for as long as it shows it. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-document-row.h"
#include "dossier-ui-utils.h"

struct _DossierDocumentRow
{
  DossierRow  parent_instance;

  gboolean    out_of_view;   /* said by the panel: the texts can wait */
  gpointer    shown;         /* the document whose texts the labels show, or NULL */

  /* template */
  GtkLabel   *title;
  GtkLabel   *subtitle;
  GtkLabel   *badge;
};

G_DEFINE_FINAL_TYPE (DossierDocumentRow, dossier_document_row, DOSSIER_TYPE_ROW)

/* "Outlet · 2 Mar 2026", the outlet or the date alone, or NULL. */
static char *
format_details (DossierDocument *doc)
{
  const char *outlet = dossier_document_get_outlet (doc);
  g_autofree char *date = dossier_format_iso_day (dossier_document_get_published (doc));

  if (date == NULL)
    {
      /* No published date: the import date, said to be one (a wire story
       * imported today is not today's news). */
      g_autofree char *imported = dossier_format_iso_day (dossier_document_get_imported (doc));

      if (imported != NULL)
        /* Translators: under a document without a published date: when it
         * was imported, e.g. "Imported 28 Nov 2026" */
        date = g_strdup_printf (_("Imported %s"), imported);
    }

  if (outlet != NULL && outlet[0] != '\0' && date != NULL)
    /* Translators: outlet · date, under a document's title */
    return g_strdup_printf (_("%s · %s"), outlet, date);
  if (outlet != NULL && outlet[0] != '\0')
    return g_strdup (outlet);
  return g_steal_pointer (&date);
}

static char *
format_count (guint n)
{
  return g_strdup_printf (ngettext ("%u highlight", "%u highlights", n), n);
}

/* Texts are laid out for a row on its own, or for one rooted in its list
 * and not out of view; see the header. */
static gboolean
wants_texts (DossierDocumentRow *self)
{
  if (dossier_row_get_list_item (DOSSIER_ROW (self)) == NULL)
    return TRUE;
  return !self->out_of_view && gtk_widget_get_root (GTK_WIDGET (self)) != NULL;
}

static void
update (DossierRow *row)
{
  DossierDocumentRow *self = DOSSIER_DOCUMENT_ROW (row);
  DossierDocument *doc = dossier_row_get_item (row);
  g_autofree char *details = NULL;
  g_autofree char *count = NULL;
  g_autofree char *count_label = NULL;
  gboolean texts;
  guint n;

  self->shown = NULL;
  if (doc == NULL)
    return;

  /* Either way the row keeps its height: an empty label is a line high,
   * and the subtitle and badge show whenever they would have text. */
  texts = wants_texts (self);
  n = dossier_document_get_n_highlights (doc);
  details = format_details (doc);
  if (texts)
    {
      count = g_strdup_printf ("%u", n);
      self->shown = doc;
    }
  dossier_label_set_shown (self->title, texts ? dossier_document_get_title (doc) : "");
  dossier_label_set_shown (self->subtitle, texts && details ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), details != NULL);
  gtk_label_set_label (self->badge, texts ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->badge), n > 0);

  count_label = format_count (n);
  dossier_row_set_accessible (DOSSIER_ROW (self), dossier_document_get_title (doc), count_label);
}

/* The texts of the document shown, if they are wanted and not shown yet. */
static void
show_texts (DossierDocumentRow *self)
{
  if (self->shown != dossier_row_get_item (DOSSIER_ROW (self)) && wants_texts (self))
    update (DOSSIER_ROW (self));
}

void
dossier_document_row_set_in_view (DossierDocumentRow *self,
                                  gboolean            in_view)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT_ROW (self));

  /* Texts once shown stay: taking them back would save nothing. */
  self->out_of_view = !in_view;
  show_texts (self);
}

static void
dossier_document_row_root (GtkWidget *widget)
{
  /* Rooted in its panel, the row has heard from it whether it is in view. */
  GTK_WIDGET_CLASS (dossier_document_row_parent_class)->root (widget);
  show_texts (DOSSIER_DOCUMENT_ROW (widget));
}

/* The whole title (one line in the row) and the highlight count, asked
 * for on hover: setting a tooltip on each of the 200 rows GTK 4.8 keeps
 * bound costs a round trip to the X server per row when a project opens. */
static gboolean
query_tooltip_cb (DossierDocumentRow *self,
                  int                 x,
                  int                 y,
                  gboolean            keyboard,
                  GtkTooltip         *tooltip)
{
  DossierDocument *doc = dossier_row_get_item (DOSSIER_ROW (self));
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  if (doc == NULL)
    return FALSE;

  count = format_count (dossier_document_get_n_highlights (doc));
  text = g_strdup_printf ("%s\n%s", dossier_document_get_title (doc), count);
  shown = dossier_shown_text (text);
  gtk_tooltip_set_text (tooltip, shown);
  return TRUE;
}

static void
dossier_document_row_class_init (DossierDocumentRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->root = dossier_document_row_root;
  DOSSIER_ROW_CLASS (klass)->item_changed = update;
  dossier_row_class_set_template (DOSSIER_ROW_CLASS (klass), DOSSIER_TYPE_DOCUMENT,
                                  "/org/dossier/Dossier/ui/dossier-document-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentRow, title);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentRow, badge);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);
}

static void
dossier_document_row_init (DossierDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dossier_row_connect_item (DOSSIER_ROW (self), "notify", G_CALLBACK (update));
}
