/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-highlight-card.c — a highlight as a card.
 *
 * The highlight is a snapshot; its tags and document are the project's
 * live objects, so chips and the document's title are bound to them and
 * follow renames and recolours without the card being bound again.
 *
 * A card can be dragged (its highlight, as a DossierHighlight, onto the
 * Brief page's editor to cite it) and has a menu (right click or long
 * press) whose "Cite in Briefing" activates briefing.cite with the
 * highlight's UUID, which the window answers. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-evidence-picker.h"
#include "dossier-highlight-card.h"
#include "dossier-tag-chip.h"
#include "dossier-ui-utils.h"

/* The labels ellipsize after a few lines anyway; laying out the whole of
 * a long passage only to cut it would be most of a card's cost. */
#define QUOTE_PREVIEW_CHARS 400
#define MEMO_PREVIEW_CHARS  300

struct _DossierHighlightCard
{
  DossierRow      parent_instance;

  DossierProject *project;
  gboolean        show_document;
  gboolean        show_evidence;
  GBinding       *document_binding;   /* a ref: the document may go first */

  /* template */
  GtkLabel       *quote;
  GtkWidget      *chips;
  /* Made when a highlight first needs them (most cards never do), then
   * kept for the highlights the card shows next, hidden when not needed. */
  GtkLabel       *document;
  GtkLabel       *memo;
  GtkLabel       *evidence;           /* what the passage is evidence for */
  GtkWidget      *orphan;
  GtkWidget      *evidence_picker;    /* "Add as Evidence…", the same */
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

/* A label of the card, in its place among the card's children: after
 * @sibling (NULL: first). */
static GtkLabel *
add_label (DossierHighlightCard *self,
           GtkWidget            *sibling,
           const char           *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_insert_after (label, GTK_WIDGET (self), sibling);
  return GTK_LABEL (label);
}

static GtkLabel *
ensure_document (DossierHighlightCard *self)
{
  if (self->document == NULL)
    {
      self->document = add_label (self, NULL, "highlight-document");
      gtk_label_set_ellipsize (self->document, PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (GTK_WIDGET (self->document), "caption-heading");
      gtk_widget_add_css_class (GTK_WIDGET (self->document), "dim-label");
    }
  return self->document;
}

static GtkLabel *
ensure_memo (DossierHighlightCard *self)
{
  if (self->memo == NULL)
    {
      g_autoptr(PangoAttrList) italic = pango_attr_list_new ();

      self->memo = add_label (self, self->chips, "highlight-memo");
      gtk_label_set_wrap (self->memo, TRUE);
      gtk_label_set_wrap_mode (self->memo, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_ellipsize (self->memo, PANGO_ELLIPSIZE_END);
      gtk_label_set_lines (self->memo, 3);
      gtk_label_set_width_chars (self->memo, 12);
      gtk_label_set_max_width_chars (self->memo, 48);
      pango_attr_list_insert (italic, pango_attr_style_new (PANGO_STYLE_ITALIC));
      gtk_label_set_attributes (self->memo, italic);
      gtk_widget_add_css_class (GTK_WIDGET (self->memo), "dim-label");
    }
  return self->memo;
}

static GtkLabel *
ensure_evidence (DossierHighlightCard *self)
{
  if (self->evidence == NULL)
    {
      self->evidence = add_label (self, self->memo != NULL ? GTK_WIDGET (self->memo) : self->chips,
                                  "highlight-evidence");
      /* Wrapped whole: the names and statements are what it says. */
      gtk_label_set_wrap (self->evidence, TRUE);
      gtk_label_set_wrap_mode (self->evidence, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (self->evidence, 12);
      gtk_label_set_max_width_chars (self->evidence, 48);
      gtk_widget_add_css_class (GTK_WIDGET (self->evidence), "caption");
    }
  return self->evidence;
}

static GtkWidget *
ensure_orphan (DossierHighlightCard *self)
{
  if (self->orphan == NULL)
    {
      GtkLabel *label = add_label (self, gtk_widget_get_last_child (GTK_WIDGET (self)),
                                   "highlight-orphaned");

      gtk_label_set_text (label, _("This passage is no longer in the document’s text"));
      gtk_label_set_wrap (label, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (label), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
      self->orphan = GTK_WIDGET (label);
    }
  return self->orphan;
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
    self->document_binding = g_object_ref (g_object_bind_property_full (document, "title",
                                                                        ensure_document (self), "label",
                                                                        G_BINDING_SYNC_CREATE,
                                                                        dossier_shown_transform,
                                                                        NULL, NULL, NULL));
  if (self->document != NULL)
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
      /* Hidden while its tooltip is first set: see
       * dossier_set_tooltip_unshown() (two hundred cards, a chip or two
       * each, as the panel fills when a project opens). */
      gtk_widget_set_visible (chip, FALSE);
      g_object_bind_property (tag, "name", chip, "tag-name", G_BINDING_SYNC_CREATE);
      g_object_bind_property (tag, "color", chip, "color", G_BINDING_SYNC_CREATE);
      g_object_bind_property_full (tag, "path", chip, "tooltip-text", G_BINDING_SYNC_CREATE,
                                   dossier_shown_transform, NULL, NULL, NULL);
      gtk_widget_set_visible (chip, TRUE);
      gtk_box_append (GTK_BOX (self->chips), chip);
    }
  gtk_widget_set_visible (self->chips, gtk_widget_get_first_child (self->chips) != NULL);
}

/* "Evidence for: Harbour Merchants' Association · Con: …" (the
 * stakeholders by name, the arguments by side and statement), or NULL when
 * the passage is evidence for nothing. */
static char *
describe_evidence (DossierHighlightCard *self,
                   DossierHighlight     *highlight)
{
  g_autoptr(GArray) stakeholders = NULL;
  g_autoptr(GArray) arguments = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  /* A project that refuses to be read says so at the next action. */
  if (!dossier_project_get_highlight_evidence (self->project, dossier_highlight_get_id (highlight),
                                               &stakeholders, &arguments, NULL))
    return NULL;

  for (guint i = 0; i < stakeholders->len; i++)
    {
      DossierStakeholder *s = dossier_project_get_stakeholder (self->project,
                                                               g_array_index (stakeholders, gint64, i));

      if (s != NULL)
        g_ptr_array_add (parts, g_strdup (dossier_stakeholder_get_name (s)));
    }
  for (guint i = 0; i < arguments->len; i++)
    {
      DossierArgument *a = dossier_project_get_argument (self->project,
                                                         g_array_index (arguments, gint64, i));

      if (a == NULL)
        continue;
      /* Translators: an argument a passage is evidence for, by its side */
      g_ptr_array_add (parts, g_strdup_printf (dossier_argument_get_polarity (a) == DOSSIER_POLARITY_PRO
                                               ? _("Pro: %s") : _("Con: %s"),
                                               dossier_argument_get_statement (a)));
    }
  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (" · ", (char **) parts->pdata);
  /* Translators: under a highlight's card, what it is cited for:
   * stakeholders' names and arguments, joined by " · " */
  return g_strdup_printf (_("Evidence for: %s"), joined);
}

/* Read as the passage it marks; described by its memo and what it is
 * evidence for. */
static void
update_accessible (DossierHighlightCard *self)
{
  DossierHighlight *highlight = dossier_row_get_item (DOSSIER_ROW (self));
  const char *memo = highlight ? dossier_highlight_get_memo (highlight) : NULL;
  gboolean has_evidence = self->evidence != NULL && gtk_widget_get_visible (GTK_WIDGET (self->evidence));
  g_autoptr(GString) description = g_string_new (memo);

  if (has_evidence)
    {
      if (description->len > 0)
        g_string_append_c (description, '\n');
      g_string_append (description, gtk_label_get_text (self->evidence));
    }
  dossier_row_set_accessible (DOSSIER_ROW (self), gtk_label_get_text (self->quote),
                              description->len > 0 ? description->str : NULL);
}

static void
show_evidence (DossierHighlightCard *self)
{
  DossierHighlight *highlight = dossier_row_get_item (DOSSIER_ROW (self));
  g_autofree char *text = NULL;

  if (self->show_evidence && self->project != NULL && highlight != NULL)
    text = describe_evidence (self, highlight);
  if (text != NULL)
    dossier_label_set_shown (ensure_evidence (self), text);
  if (self->evidence != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->evidence), text != NULL);
  update_accessible (self);
}

static void
dossier_highlight_card_item_changed (DossierRow *row)
{
  DossierHighlightCard *self = DOSSIER_HIGHLIGHT_CARD (row);
  DossierHighlight *highlight = dossier_row_get_item (DOSSIER_ROW (self));
  const char *memo = highlight ? dossier_highlight_get_memo (highlight) : NULL;
  gboolean has_memo = memo != NULL && memo[0] != '\0';
  gboolean orphaned = highlight != NULL && dossier_highlight_get_orphaned (highlight);

  set_preview (self->quote, highlight ? dossier_highlight_get_quote (highlight) : NULL,
               QUOTE_PREVIEW_CHARS);
  if (has_memo)
    set_preview (ensure_memo (self), memo, MEMO_PREVIEW_CHARS);
  if (self->memo != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->memo), has_memo);
  if (orphaned)
    ensure_orphan (self);
  if (self->orphan != NULL)
    gtk_widget_set_visible (self->orphan, orphaned);

  show_document (self);
  show_chips (self);
  show_evidence (self);
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
  show_evidence (self);
}

void
dossier_highlight_card_set_show_evidence (DossierHighlightCard *self,
                                          gboolean              show)
{
  g_return_if_fail (DOSSIER_IS_HIGHLIGHT_CARD (self));

  if (self->show_evidence == !!show)
    return;

  self->show_evidence = !!show;
  show_evidence (self);
}

void
dossier_highlight_card_update_evidence (DossierHighlightCard *self)
{
  g_return_if_fail (DOSSIER_IS_HIGHLIGHT_CARD (self));

  if (self->show_evidence)
    show_evidence (self);
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

/* ---- Menu and dragging -------------------------------------------------- */

static GMenuModel *
dossier_highlight_card_create_menu (DossierRow *row)
{
  DossierHighlightCard *self = DOSSIER_HIGHLIGHT_CARD (row);
  DossierHighlight *highlight = dossier_row_get_item (row);
  g_autoptr(GMenuItem) cite = NULL;
  GMenu *menu;

  if (highlight == NULL)
    return NULL;
  menu = g_menu_new ();
  cite = g_menu_item_new (_("_Cite in Briefing"), NULL);
  g_menu_item_set_action_and_target_value (cite, "briefing.cite",
                                           g_variant_new_string (dossier_highlight_get_uuid (highlight)));
  g_menu_append_item (menu, cite);
  if (self->project != NULL && !dossier_project_get_read_only (self->project))
    g_menu_append (menu, _("Add as _Evidence…"), "card.add-evidence");
  return G_MENU_MODEL (menu);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource        *source,
                 double                x,
                 double                y,
                 DossierHighlightCard *self)
{
  DossierHighlight *highlight = dossier_row_get_item (DOSSIER_ROW (self));

  if (highlight == NULL)
    return NULL;
  return gdk_content_provider_new_typed (DOSSIER_TYPE_HIGHLIGHT, highlight);
}

static void
on_drag_begin (GtkDragSource        *source,
               GdkDrag              *drag,
               DossierHighlightCard *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

/* For a stakeholder or an argument, picked in a popover by the card. */
static void
add_evidence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierHighlightCard *self = DOSSIER_HIGHLIGHT_CARD (widget);
  DossierHighlight *highlight = dossier_row_get_item (DOSSIER_ROW (self));

  if (highlight == NULL || self->project == NULL)
    return;
  if (self->evidence_picker == NULL)
    {
      self->evidence_picker = dossier_evidence_picker_new ();
      gtk_widget_set_parent (self->evidence_picker, widget);
    }
  dossier_evidence_picker_set_project (DOSSIER_EVIDENCE_PICKER (self->evidence_picker), self->project);
  dossier_evidence_picker_set_highlight (DOSSIER_EVIDENCE_PICKER (self->evidence_picker),
                                         dossier_highlight_get_id (highlight));
  gtk_popover_popup (GTK_POPOVER (self->evidence_picker));
}

gboolean
dossier_highlight_card_popup_menu (DossierHighlightCard *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT_CARD (self), FALSE);

  return dossier_row_popup_menu (DOSSIER_ROW (self), -1, -1);
}

static void
dossier_highlight_card_dispose (GObject *object)
{
  DossierHighlightCard *self = DOSSIER_HIGHLIGHT_CARD (object);

  g_clear_pointer (&self->evidence_picker, gtk_widget_unparent);
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
  DOSSIER_ROW_CLASS (klass)->create_menu = dossier_highlight_card_create_menu;
  gtk_widget_class_install_action (widget_class, "card.add-evidence", NULL, add_evidence_action);
  dossier_row_class_set_template (DOSSIER_ROW_CLASS (klass), DOSSIER_TYPE_HIGHLIGHT,
                                  "/org/dossier/Dossier/ui/dossier-highlight-card.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightCard, quote);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightCard, chips);
  /* Its labels are its own children: no box widget between. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
dossier_highlight_card_init (DossierHighlightCard *self)
{
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}
