/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-replace-text-dialog.c — see dossier-replace-text-dialog.h.
 *
 * From 360 px wide: below NARROW_WIDTH the list of highlights and the new
 * text are one above the other, and as the list gets narrower (the paned's
 * handle too) each row puts its buttons under its passage, and its old and
 * new passages one above the other (libadwaita 1.2 has no breakpoints: the
 * dialog looks at the widths it is given, as the window does). */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-replace-text-dialog.h"
#include "dossier-ui-utils.h"

/* Quotes in the rows are cut to this many characters. */
#define QUOTE_CHARS 160

/* Below this width (pixels) the list goes above the new text instead of
 * beside it (beside, each needs some 300 px). */
#define NARROW_WIDTH 720
/* The list's width (pixels) below which a row puts its buttons under its
 * passage rather than beside it (the passage keeps some 280 px): with
 * Place on Selection, and without; and below which "Before" and "Now"
 * go one above the other. */
#define ROW_STACK_WIDTH_PLACE 700
#define ROW_STACK_WIDTH       520
#define SIDES_STACK_WIDTH     480

/* The row of a plan entry that is not unchanged. */
typedef struct
{
  DossierReplaceTextDialog *self;
  guint                     index;
  GtkWidget                *content;   /* the text, then the buttons */
  GtkWidget                *sides;     /* before and now, or NULL */
  GtkWidget                *buttons;   /* Place on Selection, then Keep | Delete */
  GtkLabel                 *outcome;
  GtkToggleButton          *keep;
  gboolean                  has_place;
} Row;

struct _DossierReplaceTextDialog
{
  AdwWindow              parent_instance;

  DossierProject        *project;
  gint64                 document_id;
  DossierParsedDocument *doc;
  GPtrArray             *plan;       /* of DossierReanchor */
  GPtrArray             *rows;       /* the Row of each plan entry, or NULL (unchanged) */
  gboolean               narrow;
  int                    list_width;   /* what the rows are laid out for */
  /* The paned starts one above the other (a narrow parent): its first
   * layout places the handle. */
  gboolean               place_handle;
  guint                  layout_idle_id;

  /* template */
  GtkPaned              *paned;
  AdwPreferencesGroup   *summary_group;
  AdwPreferencesGroup   *approximate_group;
  AdwPreferencesGroup   *moved_group;
  AdwPreferencesGroup   *orphaned_group;
  GtkTextView           *text_view;
};

G_DEFINE_FINAL_TYPE (DossierReplaceTextDialog, dossier_replace_text_dialog, ADW_TYPE_WINDOW)

enum { REPLACED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
short_quote (const char *quote)
{
  /* Not read past QUOTE_CHARS: a passage may be of any length; nor a
   * word longer than a label shows (dossier_text_shown ()). */
  g_autofree char *head = dossier_text_shorten (quote, QUOTE_CHARS);
  g_autofree char *shown = NULL;

  g_strdelimit (head, "\n\t", ' ');
  shown = dossier_text_shown (head);
  return g_strdup_printf ("“%s”", shown);
}

GPtrArray *
dossier_replace_text_dialog_get_plan (DossierReplaceTextDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_REPLACE_TEXT_DIALOG (self), NULL);

  return self->plan;
}

void
dossier_replace_text_dialog_select (DossierReplaceTextDialog *self,
                                    gint64                    start,
                                    gint64                    end)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;

  g_return_if_fail (DOSSIER_IS_REPLACE_TEXT_DIALOG (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) end);
  gtk_text_buffer_select_range (buffer, &a, &b);
  gtk_text_view_scroll_to_iter (self->text_view, &a, 0.1, FALSE, 0, 0);
}

/* What a row says its entry will become. */
static void
update_row (DossierReplaceTextDialog *self,
            guint                     index)
{
  DossierReanchor *r = g_ptr_array_index (self->plan, index);
  Row *row = g_ptr_array_index (self->rows, index);
  g_autofree char *subtitle = NULL;

  if (row == NULL)
    return;

  switch (r->decision)
    {
    case DOSSIER_REANCHOR_DELETE:
      subtitle = g_strdup (_("Will be deleted"));
      break;
    case DOSSIER_REANCHOR_PLACE:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
        GtkTextIter a, b;
        g_autofree char *text = NULL;
        g_autofree char *quote = NULL;

        gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) r->place_start);
        gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) r->place_end);
        text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
        quote = short_quote (text);
        /* Translators: where a highlight will be placed: a quote */
        subtitle = g_strdup_printf (_("Will be placed on %s"), quote);
      }
      break;
    case DOSSIER_REANCHOR_KEEP:
    default:
      if (r->outcome == DOSSIER_ANCHOR_ORPHANED)
        subtitle = g_strdup (_("Kept as orphaned: listed with the document, not shown in the text"));
      else if (r->outcome == DOSSIER_ANCHOR_APPROXIMATE)
        subtitle = g_strdup (_("Kept on the new passage"));
      else
        subtitle = g_strdup (_("The same words, elsewhere in the text"));
      break;
    }
  gtk_label_set_text (row->outcome, subtitle);
}

gboolean
dossier_replace_text_dialog_decide (DossierReplaceTextDialog *self,
                                    guint                     index,
                                    DossierReanchorDecision   decision)
{
  DossierReanchor *r;

  g_return_val_if_fail (DOSSIER_IS_REPLACE_TEXT_DIALOG (self), FALSE);
  g_return_val_if_fail (index < self->plan->len, FALSE);

  r = g_ptr_array_index (self->plan, index);
  if (decision == DOSSIER_REANCHOR_PLACE)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter a, b;

      if (!gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
        return FALSE;
      r->place_start = gtk_text_iter_get_offset (&a);
      r->place_end = gtk_text_iter_get_offset (&b);
    }
  r->decision = decision;
  update_row (self, index);
  return TRUE;
}

static void
on_keep_toggled (Row             *row,
                 GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    dossier_replace_text_dialog_decide (row->self, row->index, DOSSIER_REANCHOR_KEEP);
}

static void
on_delete_toggled (Row             *row,
                   GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    dossier_replace_text_dialog_decide (row->self, row->index, DOSSIER_REANCHOR_DELETE);
}

static void
on_place_clicked (Row       *row,
                  GtkButton *button)
{
  if (!dossier_replace_text_dialog_decide (row->self, row->index, DOSSIER_REANCHOR_PLACE))
    {
      gtk_widget_error_bell (GTK_WIDGET (button));
      gtk_widget_grab_focus (GTK_WIDGET (row->self->text_view));
      return;
    }
  /* Neither Keep nor Delete any more. */
  g_signal_handlers_block_by_func (row->keep, on_keep_toggled, row);
  gtk_toggle_button_set_active (row->keep, FALSE);
  g_signal_handlers_unblock_by_func (row->keep, on_keep_toggled, row);
}

/* Side by side, or one above the other in a list @list_width wide. */
static void
lay_out_row (Row *row,
             int  list_width)
{
  gboolean stacked = list_width < (row->has_place ? ROW_STACK_WIDTH_PLACE : ROW_STACK_WIDTH);
  GtkOrientation orientation = stacked ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (row->content), orientation);
  gtk_widget_set_halign (row->buttons, stacked ? GTK_ALIGN_END : GTK_ALIGN_FILL);
  /* Place on Selection above Keep | Delete when under the passage. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (row->buttons),
                                  list_width < ROW_STACK_WIDTH_PLACE ? GTK_ORIENTATION_VERTICAL
                                                                     : GTK_ORIENTATION_HORIZONTAL);
  if (row->sides != NULL)
    {
      gboolean sides_stacked = list_width < SIDES_STACK_WIDTH;

      gtk_orientable_set_orientation (GTK_ORIENTABLE (row->sides),
                                      sides_stacked ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
      gtk_box_set_homogeneous (GTK_BOX (row->sides), !sides_stacked);
    }
}

static GtkWidget *
wrapping_label (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A row for entry @index: the old passage (and for an approximate match
 * the new one), what becomes of it, and the person's choice. */
static void
add_row (DossierReplaceTextDialog *self,
         AdwPreferencesGroup      *group,
         guint                     index)
{
  DossierReanchor *r = g_ptr_array_index (self->plan, index);
  Row *row = g_new0 (Row, 1);
  GtkWidget *list_row = adw_preferences_row_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *delete = gtk_toggle_button_new_with_mnemonic (_("_Delete"));
  GtkWidget *choice = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *quote = short_quote (r->old_quote);

  row->self = self;
  row->index = index;
  row->content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  row->buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  row->keep = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Keep")));
  row->outcome = GTK_LABEL (wrapping_label (NULL, "reanchor-outcome"));
  gtk_widget_add_css_class (GTK_WIDGET (row->outcome), "dim-label");

  /* The title names the row for assistive technologies. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (list_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list_row), quote);
  gtk_widget_add_css_class (list_row, "reanchor-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);

  gtk_widget_set_margin_top (row->content, 8);
  gtk_widget_set_margin_bottom (row->content, 8);
  gtk_widget_set_margin_start (row->content, 12);
  gtk_widget_set_margin_end (row->content, 12);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  if (r->outcome == DOSSIER_ANCHOR_APPROXIMATE)
    {
      /* The old passage and the new one, side by side where there is room. */
      g_autofree char *now = short_quote (r->new_quote);
      const char *captions[2] = { _("Before"), _("Now") };
      const char *texts[2] = { quote, now };

      row->sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      for (guint k = 0; k < 2; k++)
        {
          GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

          gtk_box_append (GTK_BOX (column), wrapping_label (captions[k], "caption-heading"));
          gtk_widget_add_css_class (gtk_widget_get_first_child (column), "dim-label");
          gtk_box_append (GTK_BOX (column), wrapping_label (texts[k], NULL));
          gtk_box_append (GTK_BOX (row->sides), column);
        }
      gtk_box_append (GTK_BOX (text), row->sides);
    }
  else
    gtk_box_append (GTK_BOX (text), wrapping_label (quote, "reanchor-quote"));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (row->outcome));
  gtk_box_append (GTK_BOX (row->content), text);

  gtk_widget_add_css_class (choice, "linked");
  gtk_widget_set_halign (choice, GTK_ALIGN_END);
  gtk_widget_set_valign (row->buttons, GTK_ALIGN_CENTER);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (delete), row->keep);
  gtk_toggle_button_set_active (row->keep, TRUE);
  g_signal_connect_swapped (row->keep, "toggled", G_CALLBACK (on_keep_toggled), row);
  g_signal_connect_swapped (delete, "toggled", G_CALLBACK (on_delete_toggled), row);
  if (r->outcome == DOSSIER_ANCHOR_ORPHANED)
    {
      GtkWidget *place = gtk_button_new_with_mnemonic (_("_Place on Selection"));

      row->has_place = TRUE;
      gtk_widget_set_tooltip_text (place, _("Select the passage in the new text first"));
      gtk_widget_set_halign (place, GTK_ALIGN_END);
      gtk_widget_set_valign (place, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (place, "clicked", G_CALLBACK (on_place_clicked), row);
      gtk_box_append (GTK_BOX (row->buttons), place);
    }
  gtk_box_append (GTK_BOX (choice), GTK_WIDGET (row->keep));
  gtk_box_append (GTK_BOX (choice), delete);
  gtk_box_append (GTK_BOX (row->buttons), choice);
  gtk_box_append (GTK_BOX (row->content), row->buttons);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), row->content);

  lay_out_row (row, self->list_width);
  adw_preferences_group_add (group, list_row);
  g_ptr_array_index (self->rows, index) = row;
  update_row (self, index);
}

/* ---- Layout by width -------------------------------------------------------------- */

static gboolean
apply_layout (gpointer data)
{
  DossierReplaceTextDialog *self = data;
  GtkOrientation orientation = self->narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  self->layout_idle_id = 0;
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) != orientation || self->place_handle)
    {
      self->place_handle = FALSE;
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned), orientation);
      /* The list keeps the larger part; the new text under it, or beside. */
      gtk_paned_set_position (self->paned, self->narrow ? gtk_widget_get_height (GTK_WIDGET (self->paned)) * 3 / 5
                                                        : gtk_widget_get_width (GTK_WIDGET (self->paned)) / 2);
    }
  /* The width the list has now (the next allocation lays out again if
   * the change above moved it). */
  self->list_width = self->narrow ? gtk_widget_get_width (GTK_WIDGET (self->paned))
                                  : gtk_paned_get_position (self->paned);
  for (guint i = 0; i < self->rows->len; i++)
    if (g_ptr_array_index (self->rows, i) != NULL)
      lay_out_row (g_ptr_array_index (self->rows, i), self->list_width);
  return G_SOURCE_REMOVE;
}

static void
queue_layout (DossierReplaceTextDialog *self)
{
  if (self->layout_idle_id == 0)
    self->layout_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout, self, NULL);
}

/* The layout follows the width of the dialog and of the list (the paned's
 * handle moves it too), after this allocation: changing it during one
 * would allocate again within it. */
static void
dossier_replace_text_dialog_size_allocate (GtkWidget *widget,
                                           int        width,
                                           int        height,
                                           int        baseline)
{
  DossierReplaceTextDialog *self = DOSSIER_REPLACE_TEXT_DIALOG (widget);
  gboolean narrow = width < NARROW_WIDTH;
  int list_width;

  GTK_WIDGET_CLASS (dossier_replace_text_dialog_parent_class)->size_allocate (widget, width, height, baseline);

  list_width = narrow ? gtk_widget_get_width (GTK_WIDGET (self->paned)) : gtk_paned_get_position (self->paned);
  if (narrow != self->narrow || list_width != self->list_width)
    {
      self->narrow = narrow;
      queue_layout (self);
    }
}

gboolean
dossier_replace_text_dialog_is_narrow (DossierReplaceTextDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_REPLACE_TEXT_DIALOG (self), FALSE);

  return self->narrow && self->layout_idle_id == 0
         && gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) == GTK_ORIENTATION_VERTICAL;
}

gboolean
dossier_replace_text_dialog_apply (DossierReplaceTextDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DOSSIER_IS_REPLACE_TEXT_DIALOG (self), FALSE);

  if (!dossier_project_replace_text (self->project, self->document_id, self->doc, self->plan, &error))
    {
      dossier_present_error (GTK_WINDOW (self), _("Could Not Replace the Text"), error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[REPLACED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  dossier_replace_text_dialog_apply (DOSSIER_REPLACE_TEXT_DIALOG (widget));
}

static void
dossier_replace_text_dialog_dispose (GObject *object)
{
  DossierReplaceTextDialog *self = DOSSIER_REPLACE_TEXT_DIALOG (object);

  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_REPLACE_TEXT_DIALOG);
  g_clear_object (&self->project);
  g_clear_pointer (&self->doc, dossier_parsed_document_free);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_replace_text_dialog_parent_class)->dispose (object);
}

static void
dossier_replace_text_dialog_class_init (DossierReplaceTextDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_replace_text_dialog_dispose;
  widget_class->size_allocate = dossier_replace_text_dialog_size_allocate;

  signals[REPLACED] = g_signal_new ("replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-replace-text-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierReplaceTextDialog, paned);
  gtk_widget_class_bind_template_child (widget_class, DossierReplaceTextDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, DossierReplaceTextDialog, approximate_group);
  gtk_widget_class_bind_template_child (widget_class, DossierReplaceTextDialog, moved_group);
  gtk_widget_class_bind_template_child (widget_class, DossierReplaceTextDialog, orphaned_group);
  gtk_widget_class_bind_template_child (widget_class, DossierReplaceTextDialog, text_view);

  gtk_widget_class_install_action (widget_class, "replace.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_replace_text_dialog_init (DossierReplaceTextDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->paned, "notify::position", G_CALLBACK (queue_layout), self);
}

GtkWidget *
dossier_replace_text_dialog_new (GtkWindow              *parent,
                                 DossierProject         *project,
                                 gint64                  document_id,
                                 DossierParsedDocument  *doc,
                                 GError                **error)
{
  g_autoptr(DossierParsedDocument) owned = doc;
  g_autoptr(GPtrArray) plan = NULL;
  DossierReplaceTextDialog *self;
  DossierDocument *document;
  guint counts[4] = { 0 };   /* unchanged, moved, approximate, orphaned */
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), NULL);
  g_return_val_if_fail (doc != NULL, NULL);

  plan = dossier_project_plan_text_replacement (project, document_id, doc, error);
  if (plan == NULL)
    return NULL;

  self = g_object_new (DOSSIER_TYPE_REPLACE_TEXT_DIALOG, "transient-for", parent, NULL);
  /* Over a narrow window, narrow from the start: side by side, the list
   * and the text would ask for more than a phone's width (~440 px in
   * Spanish) before the first allocation could make them one above the
   * other, and on X11 the dialog would stay that wide. */
  dossier_dialog_fit_parent (GTK_WINDOW (self));
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
    if (width > 0 && width < NARROW_WIDTH)
      {
        gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned), GTK_ORIENTATION_VERTICAL);
        self->place_handle = TRUE;
      }
  }
  self->project = g_object_ref (project);
  self->document_id = document_id;
  self->doc = g_steal_pointer (&owned);
  self->plan = g_steal_pointer (&plan);
  self->rows = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_size (self->rows, self->plan->len);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), self->doc->text, -1);

  for (guint i = 0; i < self->plan->len; i++)
    {
      DossierReanchor *r = g_ptr_array_index (self->plan, i);

      switch (r->outcome)
        {
        case DOSSIER_ANCHOR_EXACT_POSITION:
          counts[0]++;
          break;
        case DOSSIER_ANCHOR_EXACT_QUOTE:
          counts[1]++;
          add_row (self, self->moved_group, i);
          break;
        case DOSSIER_ANCHOR_APPROXIMATE:
          counts[2]++;
          add_row (self, self->approximate_group, i);
          break;
        case DOSSIER_ANCHOR_ORPHANED:
        default:
          counts[3]++;
          add_row (self, self->orphaned_group, i);
          break;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->moved_group), counts[1] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->approximate_group), counts[2] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->orphaned_group), counts[3] > 0);

  document = dossier_project_get_document (project, document_id);
  if (document != NULL)
    {
      /* Translators: the review's heading: a document's title */
      g_autofree char *name = dossier_shown_text (dossier_document_get_title (document));

      title = g_strdup_printf (_("Replacing the Text of “%s”"), name);
      adw_preferences_group_set_title (self->summary_group, title);
    }
  /* Translators: counts of highlights by what re-anchoring does to them */
  summary = g_strdup_printf (_("%u unchanged, %u moved, %u moved approximately, %u orphaned"),
                             counts[0], counts[1], counts[2], counts[3]);
  adw_preferences_group_set_description (self->summary_group, summary);

  return GTK_WIDGET (self);
}
