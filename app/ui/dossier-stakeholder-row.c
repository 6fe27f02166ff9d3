/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-stakeholder-row.c — a stakeholder in the Stakeholders panel.
 *
 * The row follows its DossierStakeholder's notify signals (an edit, a
 * mention count kept up to date by the core) for as long as it shows it.
 * Its menu (right click, Menu, Shift+F10) names the panel's actions. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-stakeholder-row.h"
#include "dossier-ui-utils.h"
#include "dossier-tag-chip.h"
#include "dossier-wrap-label.h"

struct _DossierStakeholderRow
{
  DossierRow  parent_instance;

  /* template */
  GtkWidget  *swatch;
  GtkImage   *kind_icon;
  DossierWrapLabel *name;
  DossierWrapLabel *counts;
  GtkLabel   *stance;
};

G_DEFINE_FINAL_TYPE (DossierStakeholderRow, dossier_stakeholder_row, DOSSIER_TYPE_ROW)

const char *
dossier_stakeholder_kind_get_icon_name (DossierStakeholderKind kind)
{
  /* Icons of the Adwaita theme every GNOME system has. */
  switch (kind)
    {
    case DOSSIER_STAKEHOLDER_GOVERNMENT:    return "emoji-flags-symbolic";
    case DOSSIER_STAKEHOLDER_OFFICIAL:      return "avatar-default-symbolic";
    case DOSSIER_STAKEHOLDER_PERSON:        return "avatar-default-symbolic";
    case DOSSIER_STAKEHOLDER_LEGISLATURE:   return "system-users-symbolic";
    case DOSSIER_STAKEHOLDER_PARTY:         return "emoji-people-symbolic";
    case DOSSIER_STAKEHOLDER_ORGANISATION:  return "network-workgroup-symbolic";
    case DOSSIER_STAKEHOLDER_ARMED_GROUP:   return "security-high-symbolic";
    case DOSSIER_STAKEHOLDER_BUSINESS:      return "emoji-objects-symbolic";
    case DOSSIER_STAKEHOLDER_CIVIL_SOCIETY: return "emoji-people-symbolic";
    case DOSSIER_STAKEHOLDER_MEDIA:         return "x-office-document-symbolic";
    case DOSSIER_STAKEHOLDER_PUBLIC:        return "system-users-symbolic";
    case DOSSIER_STAKEHOLDER_FOREIGN_STATE: return "preferences-desktop-locale-symbolic";
    case DOSSIER_STAKEHOLDER_OTHER:
    default:                                return "emoji-symbols-symbolic";
    }
}

char *
dossier_stakeholder_describe_counts (DossierStakeholder *stakeholder)
{
  guint mentions = dossier_stakeholder_get_n_mentions (stakeholder);
  guint documents = dossier_stakeholder_get_n_documents (stakeholder);
  guint evidence = dossier_stakeholder_get_n_evidence (stakeholder);
  g_autofree char *mentioned = NULL;
  g_autofree char *cited = NULL;

  /* Not "Not mentioned": the file's own count is being checked. */
  if (dossier_stakeholder_get_mentions_pending (stakeholder))
    mentioned = g_strdup (_("Counting mentions…"));
  else if (mentions == 0)
    mentioned = g_strdup (_("Not mentioned"));
  else
    {
      g_autofree char *in = g_strdup_printf (ngettext ("%u document", "%u documents", documents),
                                             documents);

      /* Translators: "12 mentions in 3 documents" */
      mentioned = g_strdup_printf (ngettext ("%u mention in %s", "%u mentions in %s", mentions),
                                   mentions, in);
    }
  if (evidence == 0)
    cited = g_strdup (_("no evidence"));
  else
    cited = g_strdup_printf (ngettext ("%u piece of evidence", "%u pieces of evidence", evidence),
                             evidence);

  /* Translators: mentions · evidence, under a stakeholder's name */
  return g_strdup_printf (_("%s · %s"), mentioned, cited);
}

static void
update (DossierRow *row)
{
  DossierStakeholderRow *self = DOSSIER_STAKEHOLDER_ROW (row);
  DossierStakeholder *stakeholder = dossier_row_get_item (row);
  g_autofree char *counts = NULL;
  g_autofree char *name = NULL;

  if (stakeholder == NULL)
    return;

  name = dossier_shown_text (dossier_stakeholder_get_name (stakeholder));
  dossier_wrap_label_set_text (self->name, name);
  counts = dossier_stakeholder_describe_counts (stakeholder);
  dossier_wrap_label_set_text (self->counts, counts);
  gtk_label_set_label (self->stance,
                       dossier_stance_get_label (dossier_stakeholder_get_stance_position (stakeholder)));

  gtk_image_set_from_icon_name (self->kind_icon,
                                dossier_stakeholder_kind_get_icon_name (dossier_stakeholder_get_kind (stakeholder)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, counts,
                                  -1);
}

/* The kind's name, asked for when the pointer rests on its icon: setting
 * a tooltip's text makes GTK ask the display where the pointer is (a
 * round trip to the X server), for every row bound, which was most of
 * the time a list of 500 took to show. */
static gboolean
on_kind_query_tooltip (DossierStakeholderRow *self,
                       int                    x,
                       int                    y,
                       gboolean               keyboard,
                       GtkTooltip            *tooltip)
{
  DossierStakeholder *stakeholder = dossier_row_get_item (DOSSIER_ROW (self));

  if (stakeholder == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, dossier_stakeholder_kind_get_label (dossier_stakeholder_get_kind (stakeholder)));
  return TRUE;
}

/* The whole name, when three lines cut it short. */
static gboolean
on_name_query_tooltip (DossierStakeholderRow *self,
                       int                    x,
                       int                    y,
                       gboolean               keyboard,
                       GtkTooltip            *tooltip)
{
  if (!dossier_wrap_label_get_ellipsized (self->name))
    return FALSE;
  gtk_tooltip_set_text (tooltip, dossier_wrap_label_get_text (self->name));
  return TRUE;
}

/* An item of the row's menu: the panel's @action for this stakeholder,
 * showing @accel, its key on a focused row. */
static void
append_item (GMenu      *section,
             const char *label,
             const char *action,
             gint64      id,
             const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (section, item);
}

/* What the Stakeholders panel does to a stakeholder of its list
 * ("stakeholders." actions, for the stakeholder's id), with the keys
 * that do it on a focused row. */
static GMenuModel *
create_menu (DossierRow *row)
{
  DossierStakeholder *stakeholder = dossier_row_get_item (row);
  g_autoptr(GMenu) edit = NULL;
  g_autoptr(GMenu) order = NULL;
  g_autoptr(GMenu) last = NULL;
  GMenu *menu;
  gint64 id;

  if (stakeholder == NULL)
    return NULL;
  id = dossier_stakeholder_get_id (stakeholder);
  edit = g_menu_new ();
  append_item (edit, _("_Edit…"), "stakeholders.edit", id, "Return");
  append_item (edit, _("_Cite Selection"), "stakeholders.cite-for", id, "<Control>e");
  order = g_menu_new ();
  append_item (order, _("Move _Up"), "stakeholders.move-row-up", id, "<Alt>Up");
  append_item (order, _("Move Do_wn"), "stakeholders.move-row-down", id, "<Alt>Down");
  last = g_menu_new ();
  append_item (last, C_("row menu", "_Delete"), "stakeholders.delete", id, "Delete");

  menu = g_menu_new ();
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (last));
  return G_MENU_MODEL (menu);
}

static void
dossier_stakeholder_row_class_init (DossierStakeholderRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (DOSSIER_TYPE_TAG_CHIP);
  g_type_ensure (DOSSIER_TYPE_WRAP_LABEL);
  DOSSIER_ROW_CLASS (klass)->item_changed = update;
  DOSSIER_ROW_CLASS (klass)->create_menu = create_menu;
  dossier_row_class_set_template (DOSSIER_ROW_CLASS (klass), DOSSIER_TYPE_STAKEHOLDER,
                                  "/org/dossier/Dossier/ui/dossier-stakeholder-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholderRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholderRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholderRow, name);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholderRow, counts);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholderRow, stance);
}

static void
dossier_stakeholder_row_init (DossierStakeholderRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->kind_icon), TRUE);
  g_signal_connect_object (self->kind_icon, "query-tooltip", G_CALLBACK (on_kind_query_tooltip), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->name), TRUE);
  g_signal_connect_object (self->name, "query-tooltip", G_CALLBACK (on_name_query_tooltip), self,
                           G_CONNECT_SWAPPED);
  dossier_row_bind_item (DOSSIER_ROW (self), "name", self->swatch, "tag-name", dossier_shown_transform);
  dossier_row_bind_item (DOSSIER_ROW (self), "color", self->swatch, "color", NULL);
  dossier_row_connect_item (DOSSIER_ROW (self), "notify", G_CALLBACK (update));
}
