/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-document-row.c — a document in the documents sidebar.
 *
 * The row follows its DossierDocument's notify signals (a rename, new
 * details, a highlight more or less) for as long as it shows it. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-document-row.h"
#include "dossier-ui-utils.h"

struct _DossierDocumentRow
{
  DossierRow  parent_instance;

  /* template */
  GtkLabel   *title;
  GtkLabel   *subtitle;
  GtkLabel   *badge;
};

G_DEFINE_FINAL_TYPE (DossierDocumentRow, dossier_document_row, DOSSIER_TYPE_ROW)

static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *with_time = NULL;

  if (iso == NULL || iso[0] == '\0')
    return NULL;

  /* "YYYY-MM-DD" or a full ISO 8601 stamp. */
  if (strlen (iso) == 10)
    with_time = g_strconcat (iso, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (with_time ? with_time : iso, NULL);
  if (dt == NULL)
    return g_strdup (iso);

  return dossier_format_day (dt);
}

/* "Outlet · 2 Mar 2026", the outlet or the date alone, or NULL. */
static char *
format_details (DossierDocument *doc)
{
  const char *outlet = dossier_document_get_outlet (doc);
  g_autofree char *date = format_date (dossier_document_get_published (doc));

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

static void
update (DossierRow *row)
{
  DossierDocumentRow *self = DOSSIER_DOCUMENT_ROW (row);
  DossierDocument *doc = dossier_row_get_item (row);
  g_autofree char *details = NULL;
  g_autofree char *count = NULL;
  g_autofree char *count_label = NULL;
  guint n;

  if (doc == NULL)
    return;

  gtk_label_set_label (self->title, dossier_document_get_title (doc));

  details = format_details (doc);
  gtk_label_set_label (self->subtitle, details ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), details != NULL);

  n = dossier_document_get_n_highlights (doc);
  count = g_strdup_printf ("%u", n);
  gtk_label_set_label (self->badge, count);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), n > 0);

  count_label = format_count (n);
  dossier_row_set_accessible (DOSSIER_ROW (self), dossier_document_get_title (doc), count_label);
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

  if (doc == NULL)
    return FALSE;

  count = format_count (dossier_document_get_n_highlights (doc));
  text = g_strdup_printf ("%s\n%s", dossier_document_get_title (doc), count);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
dossier_document_row_class_init (DossierDocumentRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
