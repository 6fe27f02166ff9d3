/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-evidence-picker.c — a popover that adds a passage as evidence
 * for a stakeholder or an argument.
 *
 * Focus stays in the entry the whole time, as in the tag picker: Up/Down
 * move the highlighted row from there, so the user can keep typing. A
 * project may have hundreds of stakeholders and thousands of arguments,
 * so the list is a GtkListView over the project's two live lists (one
 * flattened model, filtered as the user types): nothing is made for the
 * rows out of sight, and an edit elsewhere shows at once.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-accessible.h"
#include "dossier-evidence-picker.h"
#include "dossier-stakeholder-row.h"

/* A statement in a toast is cut after this many characters. */
#define TOAST_NAME_CHARS 60

struct _DossierEvidencePicker
{
  GtkPopover          parent_instance;

  /* template */
  GtkSearchEntry     *entry;
  GtkWidget          *scrolled;
  GtkListView        *list_view;
  GtkLabel           *empty_label;
  GtkLabel           *error_label;

  DossierProject     *project;
  GListStore         *lists;       /* the project's stakeholders and arguments */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *needle;      /* folded; "" matches everything */

  gint64              document_id;
  gint64              start;
  gint64              end;
  gint64              highlight_id;   /* not 0: a highlight is added, not a range */
  /* What the highlight is evidence for already (ids). */
  GHashTable         *cited_stakeholders;
  GHashTable         *cited_arguments;
};

G_DEFINE_FINAL_TYPE (DossierEvidencePicker, dossier_evidence_picker, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

enum {
  EVIDENCE_ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
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
      const char *side = dossier_argument_get_polarity (a) == DOSSIER_POLARITY_PRO ? _("Pro") : _("Con");

      /* Translators: under an argument in "Add as Evidence For": its side
       * and its question */
      what = g_strdup_printf (_("%s · %s"), side, q != NULL ? dossier_question_get_text (q) : "");
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
  g_autofree char *description = describe_target (self, item);
  const char *icon_name;

  if (DOSSIER_IS_STAKEHOLDER (item))
    icon_name = dossier_stakeholder_kind_get_icon_name (dossier_stakeholder_get_kind (DOSSIER_STAKEHOLDER (item)));
  else
    icon_name = dossier_argument_get_polarity (DOSSIER_ARGUMENT (item)) == DOSSIER_POLARITY_PRO
                ? "list-add-symbolic" : "list-remove-symbolic";

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_label_set_text (GTK_LABEL (title), target_name (item));
  gtk_label_set_text (GTK_LABEL (caption), description);
  gtk_widget_set_visible (check, is_cited (self, item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, target_name (item),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* ---- filtering ----------------------------------------------------------------- */

static gboolean
folded_contains (const char *text,
                 const char *needle)
{
  g_autofree char *folded = dossier_text_fold (text ? text : "");

  return strstr (folded, needle) != NULL;
}

static gboolean
match_item (gpointer item,
            gpointer data)
{
  DossierEvidencePicker *self = data;

  if (self->needle == NULL || self->needle[0] == '\0')
    return TRUE;

  if (DOSSIER_IS_STAKEHOLDER (item))
    {
      DossierStakeholder *s = item;
      const char * const *aliases = dossier_stakeholder_get_aliases (s);

      if (folded_contains (dossier_stakeholder_get_name (s), self->needle))
        return TRUE;
      for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
        if (folded_contains (aliases[i], self->needle))
          return TRUE;
      return FALSE;
    }
  else
    {
      DossierArgument *a = item;
      DossierQuestion *q = self->project != NULL
                           ? dossier_project_get_question (self->project, dossier_argument_get_question_id (a))
                           : NULL;

      return folded_contains (dossier_argument_get_statement (a), self->needle) ||
             (q != NULL && folded_contains (dossier_question_get_text (q), self->needle));
    }
}

static void
update_empty (DossierEvidencePicker *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  const char *text = NULL;

  if (n == 0 && (self->needle == NULL || self->needle[0] == '\0'))
    text = _("The project has no stakeholders or arguments yet: add them in the Stakeholders or "
             "Pros & Cons panel.");
  else if (n == 0)
    text = _("No stakeholder or argument matches.");

  gtk_label_set_text (self->empty_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), text != NULL);
  gtk_widget_set_visible (self->scrolled, n > 0);
}

static void
scroll_to (DossierEvidencePicker *self,
           guint                  position)
{
  /* gtk_list_view_scroll_to() is GTK 4.12; the list's own action is 4.0. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
describe_highlighted (DossierEvidencePicker *self)
{
  GObject *item = dossier_evidence_picker_get_highlighted (self);

  /* The focus stays in the entry: what Enter would do is said there. */
  if (item != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, target_name (item), -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
on_search_changed (DossierEvidencePicker *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  g_free (self->needle);
  self->needle = dossier_text_fold (text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_empty (self);

  /* The first match is what Enter adds to. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      scroll_to (self, 0);
    }
  describe_highlighted (self);
}

/* ---- adding ------------------------------------------------------------------------ */

static void
show_toast (DossierEvidencePicker *self,
            const char            *message,
            gboolean               undo)
{
  AdwToast *toast = adw_toast_new (message);

  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  /* The overlay around the widget the picker points from. */
  dossier_accessible_show_toast (GTK_WIDGET (self), toast);
}

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
      show_toast (self, message, FALSE);
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

      gtk_label_set_text (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_object_ref (self);
  g_object_ref (item);
  gtk_popover_popdown (GTK_POPOVER (self));
  message = g_strdup_printf (_("Added as evidence for “%s”"), name);
  show_toast (self, message, TRUE);
  g_signal_emit (self, signals[EVIDENCE_ADDED], 0, item);
  g_object_unref (item);
  g_object_unref (self);
}

static void
on_row_activate (DossierEvidencePicker *self,
                 guint                  position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  add_to (self, item);
}

static void
on_entry_activate (DossierEvidencePicker *self)
{
  add_to (self, dossier_evidence_picker_get_highlighted (self));
}

static void
move_highlight (DossierEvidencePicker *self,
                int                    delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint current = gtk_single_selection_get_selected (self->selection);
  guint next;

  if (n == 0)
    return;
  if (current == GTK_INVALID_LIST_POSITION)
    next = delta > 0 ? 0 : n - 1;
  else if (delta < 0)
    next = current > (guint) -delta ? current + delta : 0;
  else
    next = MIN (current + delta, n - 1);

  gtk_single_selection_set_selected (self->selection, next);
  scroll_to (self, next);
  describe_highlighted (self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DossierEvidencePicker *self)
{
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_highlight (self, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_highlight (self, 1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_highlight (self, -8);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_highlight (self, 8);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_stop_search (DossierEvidencePicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_closed (DossierEvidencePicker *self)
{
  /* Start afresh next time. */
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

static void
dossier_evidence_picker_map (GtkWidget *widget)
{
  DossierEvidencePicker *self = DOSSIER_EVIDENCE_PICKER (widget);

  GTK_WIDGET_CLASS (dossier_evidence_picker_parent_class)->map (widget);

  on_search_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* ---- public ---------------------------------------------------------------------- */

static void
forget_cited (DossierEvidencePicker *self)
{
  g_hash_table_remove_all (self->cited_stakeholders);
  g_hash_table_remove_all (self->cited_arguments);
}

/* The rows' captions say which targets the passage backs already: bound
 * again for another passage (the items themselves are the same). */
static void
rebind_rows (DossierEvidencePicker *self)
{
  gtk_list_view_set_model (self->list_view, NULL);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
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
  g_return_if_fail (project == NULL || DOSSIER_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  self->document_id = self->highlight_id = 0;
  forget_cited (self);
  g_list_store_remove_all (self->lists);
  if (project != NULL)
    {
      g_list_store_append (self->lists, dossier_project_get_stakeholders (project));
      g_list_store_append (self->lists, dossier_project_get_arguments (project));
    }
  update_empty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
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
  rebind_rows (self);
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
  rebind_rows (self);
}

GtkEditable *
dossier_evidence_picker_get_entry (DossierEvidencePicker *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE_PICKER (self), NULL);

  return GTK_EDITABLE (self->entry);
}

guint
dossier_evidence_picker_get_n_matches (DossierEvidencePicker *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE_PICKER (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

GObject *
dossier_evidence_picker_get_highlighted (DossierEvidencePicker *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE_PICKER (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/* ---- GObject ------------------------------------------------------------------- */

static void
dossier_evidence_picker_dispose (GObject *object)
{
  DossierEvidencePicker *self = DOSSIER_EVIDENCE_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_EVIDENCE_PICKER);

  g_clear_object (&self->selection);
  g_clear_object (&self->lists);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (dossier_evidence_picker_parent_class)->dispose (object);
}

static void
dossier_evidence_picker_finalize (GObject *object)
{
  DossierEvidencePicker *self = DOSSIER_EVIDENCE_PICKER (object);

  g_hash_table_unref (self->cited_stakeholders);
  g_hash_table_unref (self->cited_arguments);
  g_free (self->needle);

  G_OBJECT_CLASS (dossier_evidence_picker_parent_class)->finalize (object);
}

static void
dossier_evidence_picker_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DossierEvidencePicker *self = DOSSIER_EVIDENCE_PICKER (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_evidence_picker_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DossierEvidencePicker *self = DOSSIER_EVIDENCE_PICKER (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      dossier_evidence_picker_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_evidence_picker_class_init (DossierEvidencePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_evidence_picker_dispose;
  object_class->finalize = dossier_evidence_picker_finalize;
  object_class->get_property = dossier_evidence_picker_get_property;
  object_class->set_property = dossier_evidence_picker_set_property;

  widget_class->map = dossier_evidence_picker_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, DOSSIER_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EVIDENCE_ADDED] =
    g_signal_new ("evidence-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-evidence-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierEvidencePicker, entry);
  gtk_widget_class_bind_template_child (widget_class, DossierEvidencePicker, scrolled);
  gtk_widget_class_bind_template_child (widget_class, DossierEvidencePicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierEvidencePicker, empty_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEvidencePicker, error_label);
}

static void
dossier_evidence_picker_init (DossierEvidencePicker *self)
{
  GtkListItemFactory *factory;
  GtkFlattenListModel *flat;
  GtkEventController *keys;

  self->cited_stakeholders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cited_arguments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->needle = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "dossier-evidence-picker");

  self->lists = g_list_store_new (G_TYPE_LIST_MODEL);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->lists)));
  self->filter = gtk_custom_filter_new (match_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (flat), GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_row_activate), self);
  /* "changed", not "search-changed": filtering is quick, and the
   * highlighted row must follow each key at once. */
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (on_stop_search), self);
  g_signal_connect (self, "closed", G_CALLBACK (on_closed), NULL);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_empty), self);

  /* Capture phase: the entry would otherwise move the focus on Up/Down. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  update_empty (self);
}

GtkWidget *
dossier_evidence_picker_new (void)
{
  return g_object_new (DOSSIER_TYPE_EVIDENCE_PICKER, NULL);
}
