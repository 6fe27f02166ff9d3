/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-evidence-picker.c — a popover that adds a passage as evidence
 * for a stakeholder or an argument.
 *
 * A DossierFilterPopover (the keys, the filtering, the empty state) over
 * the project's two live lists, flattened: a project may have hundreds
 * of stakeholders and thousands of arguments, and an edit elsewhere shows
 * at once. Then a list that holds the "New Stakeholder" row when it is
 * offered, as the tag picker offers "Create tag": always last, and only
 * when no stakeholder has the typed text as its name or an alias (folded,
 * as the core compares them). Choosing it creates the stakeholder with the
 * passage as its evidence, in one undo step. A stakeholder added, renamed
 * or removed while the picker is open (an undo, another window's action,
 * a read-only window following the file) filters the list again, so the
 * row is never offered for a name the core would refuse.
 *
 * No "New Pro" or "New Con": an argument belongs to a question, and the
 * picker, opened from the reader or a highlight, has no question of its
 * own (the Pros & Cons panel's may be any of several, or none shown).
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-evidence-picker.h"
#include "dossier-filter-popover.h"
#include "dossier-stakeholder-row.h"
#include "dossier-ui-utils.h"

/* A statement in a toast is cut after this many characters. */
#define TOAST_NAME_CHARS 60

struct _DossierEvidencePicker
{
  DossierFilterPopover parent_instance;

  DossierProject     *project;     /* the base's, for short */
  GListStore         *lists;       /* the project's stakeholders and arguments, create_row */
  GListStore         *create_row;  /* a GtkStringObject with the row's label, or empty */
  char               *new_name;    /* what create_row would create */
  DossierStakeholder *exact;       /* the stakeholder named (or aliased) as typed */
  GSignalGroup       *project_signals;

  gint64              document_id;
  gint64              start;
  gint64              end;
  gint64              highlight_id;   /* not 0: a highlight is added, not a range */
  /* What the highlight is evidence for already (ids). */
  GHashTable         *cited_stakeholders;
  GHashTable         *cited_arguments;
};

G_DEFINE_FINAL_TYPE (DossierEvidencePicker, dossier_evidence_picker, DOSSIER_TYPE_FILTER_POPOVER)

enum {
  EVIDENCE_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- what a row shows ---------------------------------------------------------- */

static const char *
target_name (GObject *item)
{
  if (DOSSIER_IS_STAKEHOLDER (item))
    return dossier_stakeholder_get_name (DOSSIER_STAKEHOLDER (item));
  return dossier_argument_get_statement (DOSSIER_ARGUMENT (item));
}

static gboolean
create_offered (DossierEvidencePicker *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->create_row)) > 0;
}

static gboolean
is_cited (DossierEvidencePicker *self,
          GObject               *item)
{
  gint64 id;

  if (DOSSIER_IS_STAKEHOLDER (item))
    {
      id = dossier_stakeholder_get_id (DOSSIER_STAKEHOLDER (item));
      return g_hash_table_contains (self->cited_stakeholders, &id);
    }
  id = dossier_argument_get_id (DOSSIER_ARGUMENT (item));
  return g_hash_table_contains (self->cited_arguments, &id);
}

/* "Pro" or "Con", as the caption under an argument begins. */
static const char *
argument_side (DossierArgument *argument)
{
  return dossier_argument_get_polarity (argument) == DOSSIER_POLARITY_PRO ? _("Pro") : _("Con");
}

/* "Government", "Pro · Should the bridge close to cars?", and whether the
 * passage is evidence for it already. */
static char *
describe_target (DossierEvidencePicker *self,
                 GObject               *item)
{
  g_autofree char *what = NULL;

  if (DOSSIER_IS_STAKEHOLDER (item))
    {
      DossierStakeholder *s = DOSSIER_STAKEHOLDER (item);

      /* Translators: under a stakeholder's name in "Add as Evidence For" */
      what = g_strdup_printf (_("Stakeholder · %s"),
                              dossier_stakeholder_kind_get_label (dossier_stakeholder_get_kind (s)));
    }
  else
    {
      DossierArgument *a = DOSSIER_ARGUMENT (item);
      DossierQuestion *q = self->project != NULL
                           ? dossier_project_get_question (self->project, dossier_argument_get_question_id (a))
                           : NULL;
      const char *side = argument_side (a);
      /* A question from a file may be of any length. */
      g_autofree char *question = dossier_shown_text (q != NULL ? dossier_question_get_text (q) : "");

      /* Translators: under an argument in "Add as Evidence For": its side
       * and its question */
      what = g_strdup_printf (_("%s · %s"), side, question);
    }

  if (is_cited (self, item))
    /* Translators: after what a row is, when the passage already backs it */
    return g_strdup_printf (_("%s · already cites this"), what);
  return g_steal_pointer (&what);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), caption);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  /* What the passage backs already: a mark that a long question in the
   * caption cannot push out of sight. */
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          DossierEvidencePicker    *self)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *labels = gtk_widget_get_next_sibling (icon);
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *caption = gtk_widget_get_next_sibling (title);
  GtkWidget *check = gtk_widget_get_next_sibling (labels);
  g_autofree char *description = NULL;
  g_autofree char *name = NULL;
  const char *icon_name;

  if (GTK_IS_STRING_OBJECT (item))
    {
      g_autofree char *label = dossier_shown_text (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "list-add-symbolic");
      gtk_label_set_text (GTK_LABEL (title), label);
      gtk_widget_set_visible (caption, FALSE);
      gtk_widget_set_visible (check, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  description = describe_target (self, item);
  gtk_widget_set_visible (caption, TRUE);
  if (DOSSIER_IS_STAKEHOLDER (item))
    icon_name = dossier_stakeholder_kind_get_icon_name (dossier_stakeholder_get_kind (DOSSIER_STAKEHOLDER (item)));
  else
    icon_name = dossier_argument_get_polarity (DOSSIER_ARGUMENT (item)) == DOSSIER_POLARITY_PRO
                ? "list-add-symbolic" : "list-remove-symbolic";

  /* A name or a statement from a file: of any length. */
  name = dossier_shown_text (target_name (item));
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_label_set_text (GTK_LABEL (title), name);
  dossier_label_set_shown (GTK_LABEL (caption), description);
  gtk_widget_set_visible (check, is_cited (self, item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* ---- filtering ----------------------------------------------------------------- */

/* Whether @text has a letter or a digit: a name the core would refuse
 * for want of one is not offered. */
static gboolean
has_word (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Before the list is filtered: the stakeholder called so, if any, and
 * whether the New Stakeholder row is offered. */
static void
dossier_evidence_picker_text_changed (DossierFilterPopover *popover,
                                      const char           *text,
                                      const char           *needle)
{
  DossierEvidencePicker *self = DOSSIER_EVIDENCE_PICKER (popover);
  gboolean show;

  self->exact = self->project != NULL && text[0] != '\0'
                ? dossier_project_find_stakeholder (self->project, text) : NULL;
  show = self->project != NULL && self->exact == NULL && has_word (text) &&
         !dossier_project_get_read_only (self->project) &&
         (self->highlight_id != 0 || self->document_id != 0);
  g_clear_pointer (&self->new_name, g_free);
  if (show)
    {
      g_autofree char *label = NULL;

      self->new_name = g_strdup (text);
      /* Translators: the row of "Add as Evidence For" that creates a
       * stakeholder with the name typed */
      label = g_strdup_printf (_("New Stakeholder “%s”"), text);
      dossier_filter_popover_offer_row (self->create_row, label);
    }
  else
    {
      dossier_filter_popover_offer_row (self->create_row, NULL);
    }
}

/* The stakeholder named exactly as typed, else the first row. */
static guint
dossier_evidence_picker_pick_highlight (DossierFilterPopover *popover)
{
  DossierEvidencePicker *self = DOSSIER_EVIDENCE_PICKER (popover);
  guint n = g_list_model_get_n_items (dossier_filter_popover_get_matches (popover));
  guint exact = dossier_filter_popover_find_match (popover, self->exact);

  if (exact != GTK_INVALID_LIST_POSITION)
    return exact;
  return n > 0 ? 0 : GTK_INVALID_LIST_POSITION;
}

static gboolean
dossier_evidence_picker_match (DossierFilterPopover *popover,
                               gpointer              item,
                               const char           *needle)
{
  DossierEvidencePicker *self = DOSSIER_EVIDENCE_PICKER (popover);

  /* The New Stakeholder row is there only when offered. */
  if (GTK_IS_STRING_OBJECT (item))
    return TRUE;
  if (DOSSIER_IS_STAKEHOLDER (item))
    {
      DossierStakeholder *s = item;
      const char * const *aliases = dossier_stakeholder_get_aliases (s);

      /* What the row shows is what is searched: its name and its kind
       * ("business"), as the caption under it says. */
      if (dossier_filter_popover_text_matches (dossier_stakeholder_get_name (s), needle) ||
          dossier_filter_popover_text_matches (dossier_stakeholder_kind_get_label (dossier_stakeholder_get_kind (s)),
                                               needle))
        return TRUE;
      for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
        if (dossier_filter_popover_text_matches (aliases[i], needle))
          return TRUE;
      return FALSE;
    }
  else
    {
      DossierArgument *a = item;
      DossierQuestion *q = self->project != NULL
                           ? dossier_project_get_question (self->project, dossier_argument_get_question_id (a))
                           : NULL;

      /* Its side too: "con" lists the cons, as their captions begin. */
      return dossier_filter_popover_text_matches (dossier_argument_get_statement (a), needle) ||
             dossier_filter_popover_text_matches (argument_side (a), needle) ||
             (q != NULL && dossier_filter_popover_text_matches (dossier_question_get_text (q), needle));
    }
}

static char *
dossier_evidence_picker_describe (DossierFilterPopover *popover,
                                  gpointer              item)
{
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  return g_strdup (target_name (item));
}

/* ---- adding ------------------------------------------------------------------------ */

static char *
short_name (GObject *item)
{
  const char *name = target_name (item);
  const char *end = name;
  guint n = 0;

  while (*end != '\0' && n < TOAST_NAME_CHARS)
    {
      end = g_utf8_next_char (end);
      n++;
    }
  if (*end == '\0')
    return g_strdup (name);
  return g_strdup_printf ("%.*s…", (int) (end - name), name);
}

/* The evidence was added to @item: the picker closes, a toast says so. */
static void
added (DossierEvidencePicker *self,
       GObject               *item)
{
  g_autofree char *name = short_name (item);
  g_autofree char *message = g_strdup_printf (_("Added as evidence for “%s”"), name);

  g_object_ref (item);
  gtk_popover_popdown (GTK_POPOVER (self));
  /* The overlay around the widget the picker points from. */
  dossier_show_toast (GTK_WIDGET (self), message, TRUE);
  g_signal_emit (self, signals[EVIDENCE_ADDED], 0, item);
  g_object_unref (item);
}

static void
add_to (DossierEvidencePicker *self,
        GObject               *item)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  if (self->project == NULL || item == NULL || (self->highlight_id == 0 && self->document_id == 0))
    return;

  name = short_name (item);
  if (self->highlight_id != 0 && is_cited (self, item))
    {
      /* Citing it again would only blank the link's note. */
      message = g_strdup_printf (_("Already evidence for “%s”"), name);
      gtk_popover_popdown (GTK_POPOVER (self));
      dossier_show_toast (GTK_WIDGET (self), message, FALSE);
      return;
    }

  if (DOSSIER_IS_STAKEHOLDER (item))
    {
      gint64 id = dossier_stakeholder_get_id (DOSSIER_STAKEHOLDER (item));

      if (self->highlight_id != 0)
        ok = dossier_project_add_stakeholder_evidence (self->project, id, self->highlight_id, "",
                                                       DOSSIER_EVIDENCE_NONE, DOSSIER_STANCE_UNKNOWN,
                                                       &error);
      else
        ok = dossier_project_add_stakeholder_evidence_range (self->project, id, self->document_id,
                                                             self->start, self->end, "",
                                                             DOSSIER_EVIDENCE_NONE,
                                                             DOSSIER_STANCE_UNKNOWN, &error) != 0;
    }
  else
    {
      gint64 id = dossier_argument_get_id (DOSSIER_ARGUMENT (item));

      if (self->highlight_id != 0)
        ok = dossier_project_add_argument_evidence (self->project, id, self->highlight_id, "", &error);
      else
        ok = dossier_project_add_argument_evidence_range (self->project, id, self->document_id,
                                                          self->start, self->end, "", &error) != 0;
    }

  if (!ok)
    {
      /* The picker stays open: another target may do. */
      g_autofree char *text = g_strdup_printf (_("Could not add the evidence: %s"),
                                               error != NULL ? error->message : _("unknown error"));

      dossier_filter_popover_show_error (DOSSIER_FILTER_POPOVER (self), text);
      return;
    }

  added (self, item);
}

/* "New Stakeholder “…”": the stakeholder and its first evidence, in one
 * undo step. */
static void
create_stakeholder (DossierEvidencePicker *self)
{
  DossierStakeholderFields fields = DOSSIER_STAKEHOLDER_FIELDS_INIT;
  g_autoptr(GError) error = NULL;
  DossierStakeholder *stakeholder;
  gint64 id;

  if (self->project == NULL || self->new_name == NULL ||
      (self->highlight_id == 0 && self->document_id == 0))
    return;

  fields.name = self->new_name;
  /* No kind is asked for here: the document's words give it. */
  fields.guess_kind = TRUE;
  id = dossier_project_create_stakeholder_citing (self->project, &fields, self->highlight_id,
                                                  self->document_id, self->start, self->end,
                                                  NULL, &error);
  stakeholder = id != 0 ? dossier_project_get_stakeholder (self->project, id) : NULL;
  if (stakeholder == NULL)
    {
      /* The core's words: a name taken says by whom. */
      g_autofree char *text = g_strdup_printf (_("Could not create stakeholder “%s”: %s"),
                                               self->new_name,
                                               error != NULL ? error->message : _("unknown error"));

      dossier_filter_popover_show_error (DOSSIER_FILTER_POPOVER (self), text);
      return;
    }

  added (self, G_OBJECT (stakeholder));
}

static void
dossier_evidence_picker_activate (DossierFilterPopover *popover,
                                  gpointer              item)
{
  if (GTK_IS_STRING_OBJECT (item))
    create_stakeholder (DOSSIER_EVIDENCE_PICKER (popover));
  else
    add_to (DOSSIER_EVIDENCE_PICKER (popover), item);
}

/* Names changed elsewhere: what is typed may now be taken, or free. */
static void
on_stakeholder_names_changed (DossierEvidencePicker *self)
{
  /* Opening filters anyway. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    dossier_filter_popover_refilter (DOSSIER_FILTER_POPOVER (self));
}

/* ---- public ---------------------------------------------------------------------- */

static void
forget_cited (DossierEvidencePicker *self)
{
  g_hash_table_remove_all (self->cited_stakeholders);
  g_hash_table_remove_all (self->cited_arguments);
}

static void
dossier_evidence_picker_project_changed (DossierFilterPopover *popover)
{
  DossierEvidencePicker *self = DOSSIER_EVIDENCE_PICKER (popover);
  DossierProject *project = dossier_filter_popover_get_project (popover);

  self->project = project;
  g_signal_group_set_target (self->project_signals, project);
  self->document_id = self->highlight_id = 0;
  self->exact = NULL;
  g_clear_pointer (&self->new_name, g_free);
  forget_cited (self);
  g_list_store_remove_all (self->create_row);
  g_list_store_remove_all (self->lists);
  if (project != NULL)
    {
      g_list_store_append (self->lists, dossier_project_get_stakeholders (project));
      g_list_store_append (self->lists, dossier_project_get_arguments (project));
    }
  g_list_store_append (self->lists, self->create_row);
}

DossierProject *
dossier_evidence_picker_get_project (DossierEvidencePicker *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE_PICKER (self), NULL);

  return self->project;
}

void
dossier_evidence_picker_set_project (DossierEvidencePicker *self,
                                     DossierProject        *project)
{
  g_return_if_fail (DOSSIER_IS_EVIDENCE_PICKER (self));

  dossier_filter_popover_set_project (DOSSIER_FILTER_POPOVER (self), project);
}

void
dossier_evidence_picker_set_range (DossierEvidencePicker *self,
                                   gint64                 document_id,
                                   gint64                 start,
                                   gint64                 end)
{
  g_return_if_fail (DOSSIER_IS_EVIDENCE_PICKER (self));

  self->highlight_id = 0;
  self->document_id = document_id;
  self->start = MIN (start, end);
  self->end = MAX (start, end);
  forget_cited (self);
  /* The rows' captions say which targets the passage backs already. */
  dossier_filter_popover_rebind (DOSSIER_FILTER_POPOVER (self));
}

void
dossier_evidence_picker_set_highlight (DossierEvidencePicker *self,
                                       gint64                 highlight_id)
{
  g_autoptr(GArray) stakeholders = NULL;
  g_autoptr(GArray) arguments = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DOSSIER_IS_EVIDENCE_PICKER (self));

  self->highlight_id = highlight_id;
  self->document_id = 0;
  forget_cited (self);
  if (self->project != NULL && highlight_id != 0)
    {
      if (!dossier_project_get_highlight_evidence (self->project, highlight_id,
                                                   &stakeholders, &arguments, &error))
        g_message ("Could not read what the highlight is evidence for: %s", error->message);
      for (guint i = 0; stakeholders != NULL && i < stakeholders->len; i++)
        g_hash_table_add (self->cited_stakeholders, g_memdup2 (&g_array_index (stakeholders, gint64, i),
                                                               sizeof (gint64)));
      for (guint i = 0; arguments != NULL && i < arguments->len; i++)
        g_hash_table_add (self->cited_arguments, g_memdup2 (&g_array_index (arguments, gint64, i),
                                                            sizeof (gint64)));
    }
  /* The rows' captions say which targets the passage backs already. */
  dossier_filter_popover_rebind (DOSSIER_FILTER_POPOVER (self));
}

GtkEditable *
dossier_evidence_picker_get_entry (DossierEvidencePicker *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE_PICKER (self), NULL);

  return dossier_filter_popover_get_entry (DOSSIER_FILTER_POPOVER (self));
}

guint
dossier_evidence_picker_get_n_matches (DossierEvidencePicker *self)
{
  guint n;

  g_return_val_if_fail (DOSSIER_IS_EVIDENCE_PICKER (self), 0);

  n = g_list_model_get_n_items (dossier_filter_popover_get_matches (DOSSIER_FILTER_POPOVER (self)));
  return create_offered (self) ? n - 1 : n;
}

GObject *
dossier_evidence_picker_get_highlighted (DossierEvidencePicker *self)
{
  GObject *item;

  g_return_val_if_fail (DOSSIER_IS_EVIDENCE_PICKER (self), NULL);

  item = dossier_filter_popover_get_highlighted (DOSSIER_FILTER_POPOVER (self));
  return GTK_IS_STRING_OBJECT (item) ? NULL : item;
}

const char *
dossier_evidence_picker_get_new_label (DossierEvidencePicker *self,
                                       gboolean              *highlighted)
{
  g_autoptr(GtkStringObject) row = NULL;

  g_return_val_if_fail (DOSSIER_IS_EVIDENCE_PICKER (self), NULL);

  if (highlighted != NULL)
    *highlighted = GTK_IS_STRING_OBJECT (dossier_filter_popover_get_highlighted (DOSSIER_FILTER_POPOVER (self)));
  if (!create_offered (self))
    return NULL;
  row = g_list_model_get_item (G_LIST_MODEL (self->create_row), 0);
  return gtk_string_object_get_string (row);   /* the list holds it */
}

/* ---- GObject ------------------------------------------------------------------- */

static void
dossier_evidence_picker_dispose (GObject *object)
{
  DossierEvidencePicker *self = DOSSIER_EVIDENCE_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_EVIDENCE_PICKER);
  g_clear_object (&self->lists);
  g_clear_object (&self->create_row);
  g_clear_object (&self->project_signals);
  self->exact = NULL;

  G_OBJECT_CLASS (dossier_evidence_picker_parent_class)->dispose (object);
}

static void
dossier_evidence_picker_finalize (GObject *object)
{
  DossierEvidencePicker *self = DOSSIER_EVIDENCE_PICKER (object);

  g_hash_table_unref (self->cited_stakeholders);
  g_hash_table_unref (self->cited_arguments);
  g_free (self->new_name);

  G_OBJECT_CLASS (dossier_evidence_picker_parent_class)->finalize (object);
}

static void
dossier_evidence_picker_class_init (DossierEvidencePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DossierFilterPopoverClass *popover_class = DOSSIER_FILTER_POPOVER_CLASS (klass);

  object_class->dispose = dossier_evidence_picker_dispose;
  object_class->finalize = dossier_evidence_picker_finalize;

  popover_class->project_changed = dossier_evidence_picker_project_changed;
  popover_class->text_changed = dossier_evidence_picker_text_changed;
  popover_class->match = dossier_evidence_picker_match;
  popover_class->pick_highlight = dossier_evidence_picker_pick_highlight;
  popover_class->describe = dossier_evidence_picker_describe;
  popover_class->activate = dossier_evidence_picker_activate;

  signals[EVIDENCE_ADDED] =
    g_signal_new ("evidence-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-evidence-picker.ui");
}

static void
dossier_evidence_picker_init (DossierEvidencePicker *self)
{
  DossierFilterPopover *popover = DOSSIER_FILTER_POPOVER (self);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkFlattenListModel) flat = NULL;

  self->cited_stakeholders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cited_arguments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "dossier-evidence-picker");
  dossier_filter_popover_set_labels (popover, _("Find a stakeholder or an argument"),
                                     _("Stakeholder or argument"), _("Stakeholders and arguments"));
  dossier_filter_popover_set_empty_texts (popover,
                                          _("The project has no stakeholders or arguments yet: type "
                                            "a name to add a stakeholder, or add arguments in the "
                                            "Pros & Cons panel."),
                                          _("No stakeholder or argument matches."));

  self->project_signals = g_signal_group_new (DOSSIER_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "stakeholder-names-changed",
                                 G_CALLBACK (on_stakeholder_names_changed), self, G_CONNECT_SWAPPED);

  self->create_row = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->lists = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->lists, self->create_row);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->lists)));
  dossier_filter_popover_set_model (popover, G_LIST_MODEL (flat));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  dossier_filter_popover_set_factory (popover, factory);
}

GtkWidget *
dossier_evidence_picker_new (void)
{
  return g_object_new (DOSSIER_TYPE_EVIDENCE_PICKER, NULL);
}
