/* dossier-replace-text-dialog.c — see dossier-replace-text-dialog.h. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-replace-text-dialog.h"
#include "dossier-ui-utils.h"

/* Quotes in the rows are cut to this many characters. */
#define QUOTE_CHARS 160

struct _DossierReplaceTextDialog
{
  AdwWindow              parent_instance;

  DossierProject        *project;
  gint64                 document_id;
  DossierParsedDocument *doc;
  GPtrArray             *plan;       /* of DossierReanchor */
  GPtrArray             *rows;       /* the row of each plan entry, or NULL (unchanged) */

  /* template */
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
  g_autofree char *flat = g_strdup (quote != NULL ? quote : "");

  g_strdelimit (flat, "\n\t", ' ');
  if (g_utf8_strlen (flat, -1) > QUOTE_CHARS)
    {
      g_autofree char *head = g_utf8_substring (flat, 0, QUOTE_CHARS - 1);

      return g_strdup_printf ("“%s…”", head);
    }
  return g_strdup_printf ("“%s”", flat);
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
  AdwActionRow *row = g_ptr_array_index (self->rows, index);
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
  adw_action_row_set_subtitle (row, subtitle);
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
on_keep_toggled (GtkToggleButton *button,
                 gpointer         user_data)
{
  DossierReplaceTextDialog *self = g_object_get_data (G_OBJECT (button), "dialog");
  guint index = GPOINTER_TO_UINT (user_data);

  if (gtk_toggle_button_get_active (button))
    dossier_replace_text_dialog_decide (self, index, DOSSIER_REANCHOR_KEEP);
}

static void
on_delete_toggled (GtkToggleButton *button,
                   gpointer         user_data)
{
  DossierReplaceTextDialog *self = g_object_get_data (G_OBJECT (button), "dialog");
  guint index = GPOINTER_TO_UINT (user_data);

  if (gtk_toggle_button_get_active (button))
    dossier_replace_text_dialog_decide (self, index, DOSSIER_REANCHOR_DELETE);
}

static void
on_place_clicked (GtkButton *button,
                  gpointer   user_data)
{
  DossierReplaceTextDialog *self = g_object_get_data (G_OBJECT (button), "dialog");
  guint index = GPOINTER_TO_UINT (user_data);
  GtkToggleButton *keep = g_object_get_data (G_OBJECT (button), "keep");

  if (!dossier_replace_text_dialog_decide (self, index, DOSSIER_REANCHOR_PLACE))
    {
      gtk_widget_error_bell (GTK_WIDGET (button));
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      return;
    }
  /* Neither Keep nor Delete any more. */
  g_signal_handlers_block_by_func (keep, on_keep_toggled, user_data);
  gtk_toggle_button_set_active (keep, FALSE);
  g_signal_handlers_unblock_by_func (keep, on_keep_toggled, user_data);
}

/* A row for entry @index: the old passage, what becomes of it, and the
 * person's choice. */
static void
add_row (DossierReplaceTextDialog *self,
         AdwPreferencesGroup      *group,
         guint                     index)
{
  DossierReanchor *r = g_ptr_array_index (self->plan, index);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *keep = gtk_toggle_button_new_with_mnemonic (_("_Keep"));
  GtkWidget *delete = gtk_toggle_button_new_with_mnemonic (_("_Delete"));
  g_autofree char *quote = short_quote (r->old_quote);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (r->outcome == DOSSIER_ANCHOR_APPROXIMATE)
    {
      /* The old passage and the new one side by side. */
      g_autofree char *now = short_quote (r->new_quote);
      GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      const char *captions[2] = { _("Before"), _("Now") };
      const char *texts[2] = { quote, now };

      gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
      gtk_widget_set_hexpand (sides, TRUE);
      gtk_widget_set_margin_top (sides, 6);
      gtk_widget_set_margin_bottom (sides, 6);
      for (guint k = 0; k < 2; k++)
        {
          GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          GtkWidget *caption = gtk_label_new (captions[k]);
          GtkWidget *text = gtk_label_new (texts[k]);

          gtk_label_set_xalign (GTK_LABEL (caption), 0);
          gtk_widget_add_css_class (caption, "caption-heading");
          gtk_widget_add_css_class (caption, "dim-label");
          gtk_label_set_xalign (GTK_LABEL (text), 0);
          gtk_label_set_wrap (GTK_LABEL (text), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_selectable (GTK_LABEL (text), FALSE);
          gtk_box_append (GTK_BOX (column), caption);
          gtk_box_append (GTK_BOX (column), text);
          gtk_box_append (GTK_BOX (sides), column);
        }
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), sides);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), quote);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (delete), GTK_TOGGLE_BUTTON (keep));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (keep), TRUE);
  g_object_set_data (G_OBJECT (keep), "dialog", self);
  g_object_set_data (G_OBJECT (delete), "dialog", self);
  g_signal_connect (keep, "toggled", G_CALLBACK (on_keep_toggled), GUINT_TO_POINTER (index));
  g_signal_connect (delete, "toggled", G_CALLBACK (on_delete_toggled), GUINT_TO_POINTER (index));
  if (r->outcome == DOSSIER_ANCHOR_ORPHANED)
    {
      GtkWidget *place = gtk_button_new_with_mnemonic (_("_Place on Selection"));

      gtk_widget_set_tooltip_text (place, _("Select the passage in the new text first"));
      g_object_set_data (G_OBJECT (place), "dialog", self);
      g_object_set_data (G_OBJECT (place), "keep", keep);
      g_signal_connect (place, "clicked", G_CALLBACK (on_place_clicked), GUINT_TO_POINTER (index));
      gtk_box_append (GTK_BOX (box), place);
    }
  gtk_box_append (GTK_BOX (box), keep);
  gtk_box_append (GTK_BOX (box), delete);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  adw_preferences_group_add (group, row);
  g_ptr_array_index (self->rows, index) = row;
  update_row (self, index);
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

  signals[REPLACED] = g_signal_new ("replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-replace-text-dialog.ui");
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
  self->project = g_object_ref (project);
  self->document_id = document_id;
  self->doc = g_steal_pointer (&owned);
  self->plan = g_steal_pointer (&plan);
  self->rows = g_ptr_array_new ();
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
      title = g_strdup_printf (_("Replacing the Text of “%s”"), dossier_document_get_title (document));
      adw_preferences_group_set_title (self->summary_group, title);
    }
  /* Translators: counts of highlights by what re-anchoring does to them */
  summary = g_strdup_printf (_("%u unchanged, %u moved, %u moved approximately, %u orphaned"),
                             counts[0], counts[1], counts[2], counts[3]);
  adw_preferences_group_set_description (self->summary_group, summary);

  return GTK_WIDGET (self);
}
